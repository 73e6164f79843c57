import { availableParallelism } from 'node:os';
import { z } from 'zod';

/** Upper bound on worker threads: far above the cores of one machine, low enough to refuse a typo. */
export const MAX_WORKERS = 64;

/** How many worker threads a run may use: a whole number from 1 (this thread only) to MAX_WORKERS. */
export const workersSchema = z.number().int().min(1).max(MAX_WORKERS, 'MAX_WORKERS');

/** The default: one worker per core this process may use (os.availableParallelism), within the bound. */
export function defaultWorkers(): number {
  return Math.min(MAX_WORKERS, Math.max(1, availableParallelism()));
}
