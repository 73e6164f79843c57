import { runUnitHere } from './run-unit-here.ts';

export { checkLawTask } from './law-task.ts';

import {
  carryError,
  STOP_MESSAGE,
  type UnitReply,
  type UnitTask,
  type WorkerMessage,
} from './unit-messages.ts';

/**
 * A worker thread's task (tinypool calls the default export): one unit on this thread's own virtual
 * clock. It says when it starts and how far it got on the task's port, stops early when told `stop`,
 * and replies with the result or the error as plain data.
 */
export default async function runUnitTask(task: UnitTask): Promise<UnitReply> {
  const { port, unit, settings } = task;
  const stop = new AbortController();
  port.on('message', (message: unknown) => {
    if (message === STOP_MESSAGE) stop.abort();
  });
  const say = (message: WorkerMessage) => port.postMessage(message);
  say({ type: 'start' });
  try {
    const outcome = await runUnitHere(unit, 0, {
      settings,
      signal: stop.signal,
      onProgress: (_index, elapsedMs, totalMs) => say({ type: 'progress', elapsedMs, totalMs }),
    });
    return { state: 'done', result: outcome.result, wallMs: outcome.wallMs };
  } catch (error) {
    return { state: 'error', error: carryError(error) };
  } finally {
    port.close();
  }
}
