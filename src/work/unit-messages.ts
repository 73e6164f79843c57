import type { MessagePort } from 'node:worker_threads';
import { isErrorCode } from '../errors/codes.ts';
import { FaultlineError, isFaultlineError } from '../errors/faultline-error.ts';
import type { RunResult } from '../report/result.ts';
import type { UnitSettings, WorkUnit } from './work-unit.ts';

/** What the main thread hands a worker for one unit: plain data and a port for live messages. */
export interface UnitTask {
  readonly unit: WorkUnit;
  readonly settings: UnitSettings;
  /** The worker says `start` and `progress` here, and hears `stop` (Ctrl-C) here. */
  readonly port: MessagePort;
}

/** Worker to main thread, while the unit runs. */
export type WorkerMessage =
  | { readonly type: 'start' }
  | { readonly type: 'progress'; readonly elapsedMs: number; readonly totalMs: number };

/** Main thread to worker: end the unit now; its partial result (marked incomplete) is the reply. */
export const STOP_MESSAGE = 'stop';

/** An error as it crosses the thread boundary: structured clone keeps no class, brand or code. */
export type CarriedError =
  | { readonly kind: 'faultline'; readonly code: string; readonly message: string; readonly exitCode: number }
  | { readonly kind: 'other'; readonly name: string; readonly message: string; readonly stack?: string };

/** How a unit ended in a worker: a union on `state`, so nothing is thrown across threads. */
export type UnitReply =
  | { readonly state: 'done'; readonly result: RunResult; readonly wallMs: number }
  | { readonly state: 'error'; readonly error: CarriedError };

export function carryError(error: unknown): CarriedError {
  if (isFaultlineError(error)) {
    return { kind: 'faultline', code: error.code, message: error.message, exitCode: error.exitCode };
  }
  if (error instanceof Error) {
    return {
      kind: 'other',
      name: error.name,
      message: error.message,
      ...(error.stack && { stack: error.stack }),
    };
  }
  return { kind: 'other', name: 'Error', message: String(error) };
}

/** The error again on this side: a coded FaultlineError (same code, message and exit code) or a plain Error. */
export function rebuildError(carried: CarriedError): Error {
  if (carried.kind === 'faultline' && isErrorCode(carried.code)) {
    return new FaultlineError(carried.code, carried.message, carried.exitCode);
  }
  const error = new Error(carried.message);
  if (carried.kind === 'other') {
    error.name = carried.name;
    if (carried.stack) error.stack = carried.stack;
  }
  return error;
}
