import { getEventListeners } from 'node:events';
import type { BackendRequest } from '../backend/contract.ts';
import type { AttemptFn } from './stack.ts';

const MAX_IDLE = 4096;

/**
 * Reuses the AbortControllers of calls that finished in time. Creating an AbortSignal (and collecting
 * it) is most of what a timeout costs per simulated call. A controller comes back only when its signal
 * is exactly as new: never aborted and with no listener left (a call that leaves one behind may still
 * be watching, so its controller is dropped instead). Like cockatiel, which aborts a call's signal as
 * soon as the call returns, this assumes nothing uses a signal after its call has settled.
 */
export class SignalPool {
  private readonly idle: AbortController[] = [];

  acquire(): AbortController {
    return this.idle.pop() ?? new AbortController();
  }

  release(controller: AbortController): void {
    const { signal } = controller;
    if (signal.aborted || this.idle.length >= MAX_IDLE) return;
    if (getEventListeners(signal, 'abort').length > 0) return;
    this.idle.push(controller);
  }
}

/**
 * The attempt with a never-aborted signal of its own per call, for stacks without a timeout: handing
 * every call one shared signal would pile each call's abort listener onto it.
 */
export function withOwnSignal(attempt: AttemptFn): (request: BackendRequest) => Promise<unknown> {
  const pool = new SignalPool();
  return async (request) => {
    const controller = pool.acquire();
    try {
      return await attempt(request, controller.signal);
    } finally {
      pool.release(controller);
    }
  };
}
