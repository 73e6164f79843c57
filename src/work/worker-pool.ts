import { fileURLToPath } from 'node:url';
import Tinypool from 'tinypool';
import { RUNNING_FROM_SOURCE } from '../util/package-root.ts';

/**
 * The module a worker thread loads. Built: the compiled unit worker, plain Node. From the sources (tests,
 * `npm run dev`): a small .mjs that registers tsx first, with the condition that resolves `faultline`
 * (as plugins import it) to the same sources.
 */
function workerEntry(): { filename: string; execArgv?: string[] } {
  if (!RUNNING_FROM_SOURCE) return { filename: fileURLToPath(new URL('./unit-worker.js', import.meta.url)) };
  return {
    filename: fileURLToPath(new URL('./from-source.mjs', import.meta.url)),
    execArgv: ['--conditions=faultline-source'],
  };
}

/** `workers` threads, all started at once, each running one task at a time (its own virtual clock). */
export function createWorkerPool(workers: number): Tinypool {
  return new Tinypool({ ...workerEntry(), minThreads: workers, maxThreads: workers });
}
