import type { Backend, BackendRequest } from '../backend/contract.ts';
import type { Clock } from '../clock/clock.ts';
import type { AttemptFn } from '../policies/stack.ts';
import type { Rng } from '../rng/rng.ts';
import { readResponse } from './read-response.ts';

/**
 * One attempt against one backend (already wrapped in its chaos layer), read the way a client reads it.
 * `rng` is one stream for every call, or the stream each call draws from (common random numbers).
 */
export function createAttempt(
  backend: Backend,
  clock: Clock,
  rng: Rng | ((request: BackendRequest) => Rng),
): AttemptFn {
  const rngFor = typeof rng === 'function' ? rng : () => rng;
  return async (request, signal) =>
    readResponse(request, await backend.call(request, { signal, clock, rng: rngFor(request) }), backend);
}
