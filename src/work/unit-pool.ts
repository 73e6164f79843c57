import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { FaultlineError } from '../errors/faultline-error.ts';
import type { RunUnitsOptions, UnitOutcome } from './run-units.ts';
import {
  rebuildError,
  STOP_MESSAGE,
  type UnitReply,
  type UnitTask,
  type WorkerMessage,
} from './unit-messages.ts';
import type { WorkUnit } from './work-unit.ts';
import { createWorkerPool } from './worker-pool.ts';

/** After Ctrl-C, how long running units get to hand back their partial results before their threads end. */
export const STOP_GRACE_MS = 1000;

interface Slot {
  /** Settles once the worker has said it started the unit (or it ended without saying so). */
  readonly started: Promise<void>;
  /** The reply, or undefined when the thread was ended before replying (stopped past the grace period). */
  readonly reply: Promise<UnitReply | undefined>;
  readonly port: MessagePort;
}

/**
 * Runs units on `workers` threads, each thread one unit at a time on its own virtual clock, and tells
 * the caller everything in unit order, as one thread would: unit i's start is told once unit i-1's
 * outcome has been, its progress only while it is the unit being shown, and outcomes that finish early
 * wait for the ones before them. Units are handed out in order, so what ran is always a prefix.
 */
export async function runUnitsInPool(
  units: readonly WorkUnit[],
  options: RunUnitsOptions,
  workers: number,
): Promise<UnitOutcome[]> {
  // Threads started ahead may outnumber the units: the extra ones stay idle (at most `workers` run).
  const pool = options.startedWorkers?.take() ?? createWorkerPool(workers);
  const slots: Slot[] = [];
  let handedOut = 0;
  let running = 0;
  let stopped = false;
  let shown = -1;
  let killTimer: NodeJS.Timeout | undefined;

  const handOut = (index: number, unit: WorkUnit): Slot => {
    const { port1, port2 } = new MessageChannel();
    let markStarted = () => {};
    const started = new Promise<void>((resolve) => {
      markStarted = resolve;
    });
    port1.on('message', (message: WorkerMessage) => {
      if (message.type === 'start') markStarted();
      else if (index === shown) options.onProgress?.(index, message.elapsedMs, message.totalMs);
    });
    const task: UnitTask = { unit, settings: options.settings, port: port2 };
    const reply = (pool.run(task, { transferList: [port2] }) as Promise<UnitReply>)
      .catch((error: unknown) => (stopped ? undefined : workerFailed(unit, error)))
      .finally(() => {
        port1.close();
        markStarted();
        running--;
        fill();
      });
    return { started, reply, port: port1 };
  };
  const fill = () => {
    while (!stopped && running < workers && handedOut < units.length) {
      const index = handedOut++;
      running++;
      slots[index] = handOut(index, units[index] as WorkUnit);
    }
  };
  /** Ctrl-C: no more units; the running ones stop and reply with what they measured, or end after the grace. */
  const stopAll = () => {
    stopped = true;
    for (const slot of slots) slot.port.postMessage(STOP_MESSAGE);
    killTimer = setTimeout(() => void pool.destroy(), STOP_GRACE_MS);
  };
  options.signal?.addEventListener('abort', stopAll, { once: true });

  const outcomes: UnitOutcome[] = [];
  try {
    if (options.signal?.aborted) return outcomes;
    fill();
    for (const [index, unit] of units.entries()) {
      const slot = slots[index];
      if (!slot) break;
      await slot.started;
      await options.onStart?.(index);
      shown = index;
      const reply = await slot.reply;
      shown = -1;
      if (!reply) break;
      if (reply.state === 'error') throw rebuildError(reply.error);
      const outcome: UnitOutcome = { unit, result: reply.result, wallMs: reply.wallMs };
      outcomes.push(outcome);
      if ((await options.onOutcome?.(index, outcome)) === false) break;
    }
    return outcomes;
  } finally {
    stopped = true;
    options.signal?.removeEventListener('abort', stopAll);
    clearTimeout(killTimer);
    await pool.destroy();
  }
}

/** A thread that died or could not start (not an error of the unit's own: those come back as replies). */
function workerFailed(unit: WorkUnit, error: unknown): UnitReply {
  const reason = error instanceof Error ? error.message : String(error);
  const failure = new FaultlineError(
    'WORKER_FAILED',
    `${unit.file}: the worker thread running it failed (${reason.split('\n')[0]}); run again with --workers 1 to run it in this thread`,
  );
  return {
    state: 'error',
    error: { kind: 'faultline', code: failure.code, message: failure.message, exitCode: failure.exitCode },
  };
}
