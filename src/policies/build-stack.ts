import { type IDefaultPolicyContext, type IPolicy, wrap } from 'cockatiel';
import type { BackendRequest } from '../backend/contract.ts';
import { createBreaker } from './breaker.ts';
import { createBudgetedRetry } from './budgeted-retry.ts';
import { createBulkhead } from './bulkhead.ts';
import { createCache } from './cache.ts';
import { createFallback } from './fallback.ts';
import { createHedge } from './hedge.ts';
import { INERT_SIGNAL } from './inert-signal.ts';
import { failed, failWith, type Load, type Recover, succeeded } from './outcome.ts';
import { createRateLimiter } from './rate-limiter.ts';
import { createRetry } from './retry.ts';
import type { PoliciesConfig } from './schema.ts';
import type { AttemptFn, ResilientClient, StackDeps } from './stack.ts';
import { createTimeout } from './timeout.ts';

/**
 * cache ▸ fallback ▸ retry (within its retryBudget) ▸ hedge ▸ breaker ▸ timeout ▸ bulkhead ▸ rateLimit,
 * outermost first; absent policies are skipped. The layers from retry in are cockatiel policies (or
 * our own implementing its IPolicy) joined with `wrap`; cache and fallback are our own layers, as
 * they work on whole requests and outcomes. `execute` never throws: each request resolves to exactly
 * one Outcome, whose code is errorCode() of the failure that ended it (or triggered its fallback).
 */
export function buildPolicyStack(
  config: PoliciesConfig,
  attempt: AttemptFn,
  deps: StackDeps,
): ResilientClient {
  const load = loadThrough(config, attempt, deps);
  const recover: Recover = config.fallback ? createFallback(config.fallback, deps) : failWith;
  const cache = config.cache ? createCache(config.cache, deps) : undefined;
  // Whatever goes wrong below (a bug, a body the cache cannot key such as circular JSON) still ends as
  // one failed Outcome. Without a cache, a success cannot throw, so only the failure path needs that net.
  const recoverSafely = (request: BackendRequest, error: unknown) =>
    started((r) => recover(r, error), request).catch(failed);
  if (cache) {
    const throughCache = (request: BackendRequest) => cache.execute(request, load, recover);
    return { execute: (request) => started(throughCache, request).catch(failed) };
  }
  return {
    execute: (request) =>
      started(load, request).then(succeeded, (error: unknown) => recoverSafely(request, error)),
  };
}

/** `fn(request)`, with a synchronous throw turned into a rejection, as an async function would. */
function started<T>(fn: (request: BackendRequest) => Promise<T>, request: BackendRequest): Promise<T> {
  try {
    return fn(request);
  } catch (error) {
    return Promise.reject(error);
  }
}

/** retry ▸ hedge ▸ breaker ▸ timeout ▸ bulkhead ▸ rateLimit around one attempt; throws on failure. */
export function loadThrough(config: PoliciesConfig, attempt: AttemptFn, deps: StackDeps): Load {
  const policies: IPolicy<IDefaultPolicyContext>[] = [];
  if (config.retry)
    policies.push(
      config.retryBudget
        ? createBudgetedRetry(config.retry, config.retryBudget, deps)
        : createRetry(config.retry, deps),
    );
  if (config.hedge) policies.push(createHedge(config.hedge, deps));
  if (config.breaker) policies.push(createBreaker(config.breaker, deps, Boolean(config.hedge)));
  if (config.timeout) policies.push(createTimeout(config.timeout, deps));
  if (config.bulkhead) policies.push(createBulkhead(config.bulkhead, deps));
  if (config.rateLimit) policies.push(createRateLimiter(config.rateLimit, deps));
  // Requests have no caller-side cancellation: every chain starts from a signal nothing aborts, which
  // is the signal each call gets unless a timeout or a hedge below hands it one it can abort.
  if (policies.length === 0) return (request) => attempt(request, INERT_SIGNAL);
  // A lone policy runs as itself: wrap() of one policy adds a context copy per call that V8 can leave on
  // a slow path (4× the policy's own cost measured here), and it behaves the same.
  const chain = policies.length === 1 && policies[0] ? policies[0] : wrap(...policies);
  return (request) => chain.execute(({ signal }) => attempt(request, signal), INERT_SIGNAL);
}
