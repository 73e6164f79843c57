import { AsyncLocalStorage } from 'node:async_hooks';
import type { CallContext } from '../backend/contract.ts';
import type { HttpAnswer } from './http-answer.ts';

/**
 * One runner call of a user's client. The interceptors find it through async context (it follows the
 * client's request into the msw or nock handler), so faults draw from the call's rng, hangs end with the
 * call's signal, and the backend adapter learns what was injected when the client library hides it.
 */
export interface CallScope {
  readonly ctx: CallContext;
  /** The answer to the latest exchange the call made; its client may have made several (its own retries). */
  lastAnswer: HttpAnswer | undefined;
}

const scopes = new AsyncLocalStorage<CallScope>();

export function runInCallScope<T>(ctx: CallContext, work: (scope: CallScope) => Promise<T>): Promise<T> {
  const scope: CallScope = { ctx, lastAnswer: undefined };
  return scopes.run(scope, () => work(scope));
}

/** The runner call an intercepted request belongs to; undefined for requests made outside one (tests). */
export function currentCallScope(): CallScope | undefined {
  return scopes.getStore();
}
