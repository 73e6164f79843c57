import { FaultlineError } from '../errors/faultline-error.ts';
import { defaultWorkers, MAX_WORKERS } from '../work/workers.ts';

/** `--workers`: a whole number from 1 (this thread only) to MAX_WORKERS, written in decimal. */
export function parseWorkersFlag(text: unknown): number {
  const written = String(text).trim();
  const workers = Number(written);
  if (!/^\d+$/.test(written) || workers < 1 || workers > MAX_WORKERS) {
    throw new FaultlineError(
      'USAGE',
      `--workers ${written.slice(0, 40)} is out of range; use a whole number from 1 to ${MAX_WORKERS} (MAX_WORKERS), e.g. --workers 2, or 1 for this thread only`,
    );
  }
  return workers;
}

/** The yargs option for `--workers`, shared by `run`, `check` and `sweep`. */
export function workersOption() {
  return {
    type: 'string',
    coerce: parseWorkersFlag,
    describe: `worker threads that run simulations side by side (1: this thread only; default: the cores available, here ${defaultWorkers()})`,
  } as const;
}
