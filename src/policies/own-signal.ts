import type { BackendRequest } from '../backend/contract.ts';
import type { AttemptFn } from './stack.ts';

/**
 * The attempt with a never-aborted signal of its own per call, for stacks without a timeout: handing
 * every call one shared signal would pile each call's abort listener onto it. A fresh controller each
 * time: reusing them (a pool) saved too little to measure in the policy-overhead bench, and a reused
 * signal can abort a stale signal a client derived from it with AbortSignal.any.
 */
export function withOwnSignal(attempt: AttemptFn): (request: BackendRequest) => Promise<unknown> {
  return (request) => attempt(request, new AbortController().signal);
}
