import type Tinypool from 'tinypool';
import { createWorkerPool } from './worker-pool.ts';

/**
 * Worker threads started before the units are known, so that each thread loads faultline's modules
 * while the caller is still reading and checking its scenario files (about half a second of one core
 * for scenarios/, with the other core idle). `runUnits` takes the threads over; `release` ends them if
 * nothing took them (a unit that must run in this thread, a scenario file that failed to load).
 */
export class StartedWorkers {
  #pool: Tinypool | undefined;

  constructor(readonly threads: number) {
    this.#pool = createWorkerPool(threads);
  }

  /** The started pool, once; whoever takes it ends it. */
  take(): Tinypool | undefined {
    const pool = this.#pool;
    this.#pool = undefined;
    return pool;
  }

  async release(): Promise<void> {
    await this.take()?.destroy();
  }
}

/** Threads for `workers` (flag or default), or undefined when every unit will run in this thread anyway. */
export function startWorkers(workers: number | undefined): StartedWorkers | undefined {
  return workers !== undefined && workers > 1 ? new StartedWorkers(workers) : undefined;
}
