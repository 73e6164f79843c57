import { Bench } from 'tinybench';

export interface PerCallTask {
  readonly name: string;
  /** One call of the thing measured. */
  readonly call: () => unknown;
  /** The call returns a promise to await (awaiting costs a microtask, so sync calls are not awaited). */
  readonly async: boolean;
  /** Before each round (install an interceptor...); its teardown runs after the round. */
  readonly setup?: () => Promise<void> | void;
  readonly teardown?: () => Promise<void> | void;
}

export interface PerCallOptions {
  /** tinybench time budget per task and round, ms. */
  readonly timeMs: number;
  readonly rounds: number;
  /** Calls per tinybench iteration, so the timer's own cost (~50 ns) does not swamp a 30 ns call. */
  readonly batch: number;
}

/**
 * Mean nanoseconds per call of each task: tinybench runs `batch` calls per sample; rounds are
 * interleaved (task A, B, C, then A, B, C again) so drifting machine load hits every task alike, and
 * the best round counts, since other work on the machine only ever adds time.
 */
export async function measurePerCall(
  tasks: readonly PerCallTask[],
  options: PerCallOptions,
): Promise<Map<string, number>> {
  const best = new Map<string, number>();
  // A first pass over every task, unrecorded: V8 optimises shared code (cockatiel's, the promise
  // machinery) differently once it has seen all the callers, and a task measured before the others ran
  // would see a different JIT state than one measured after (up to 4× apart here).
  for (let round = -1; round < options.rounds; round++) {
    for (const task of tasks) {
      await task.setup?.();
      try {
        const ns = await meanNsPerCall(task, options);
        if (round >= 0) best.set(task.name, Math.min(best.get(task.name) ?? Number.POSITIVE_INFINITY, ns));
      } finally {
        await task.teardown?.();
      }
    }
  }
  return best;
}

async function meanNsPerCall(task: PerCallTask, options: PerCallOptions): Promise<number> {
  const bench = new Bench({
    time: options.timeMs,
    warmupTime: Math.min(100, options.timeMs),
    iterations: 4,
    warmupIterations: 2,
    throws: true,
    // hrtime, which a virtual clock installed elsewhere never fakes.
    timestampProvider: 'hrtimeNow',
  });
  bench.add(task.name, freshLoop(task.async, task.call, options.batch));
  await bench.run();
  const result = bench.tasks[0]?.result;
  if (!result || !('latency' in result)) throw new Error(`${task.name}: no result (${result?.state})`);
  return (result.latency.mean * 1e6) / options.batch;
}

/**
 * The batch loop, compiled anew for every task. Closures made from one function literal share V8's
 * feedback, so the first task measured would leave the shared call site polymorphic and the next tasks
 * measured slower for it (a 4× distortion seen here); a separately compiled loop keeps each its own.
 */
function freshLoop(async: boolean, call: () => unknown, batch: number): () => unknown {
  const body = async
    ? 'return async function loop() { for (let i = 0; i < batch; i++) await call(); };'
    : 'return function loop() { for (let i = 0; i < batch; i++) call(); };';
  const make = new Function('call', 'batch', body) as (call: () => unknown, batch: number) => () => unknown;
  return make(call, batch);
}
