import { type IDefaultPolicyContext, type IPolicy, wrap } from 'cockatiel';
import { createBulkhead } from '../../../src/policies/bulkhead.ts';
import { createFallback } from '../../../src/policies/fallback.ts';
import { failWith, succeeded } from '../../../src/policies/outcome.ts';
import { createRetry } from '../../../src/policies/retry.ts';
import type { PoliciesConfig } from '../../../src/policies/schema.ts';
import type { AttemptFn, ResilientClient, StackDeps } from '../../../src/policies/stack.ts';
import { createTimeout } from '../../../src/policies/timeout.ts';

const ROOT_SIGNAL = new AbortController().signal;

/**
 * The built-in order, retry ▸ breaker ▸ timeout ▸ bulkhead with the fallback around it, but with a breaker
 * of the variant's own making in the breaker's place (no cache: the breaker variants do not need one).
 */
export function stackWithBreaker(
  policies: PoliciesConfig,
  attempt: AttemptFn,
  deps: StackDeps,
  breaker: IPolicy<IDefaultPolicyContext>,
): ResilientClient {
  const layers: IPolicy<IDefaultPolicyContext>[] = [];
  if (policies.retry) layers.push(createRetry(policies.retry, deps));
  layers.push(breaker);
  if (policies.timeout) layers.push(createTimeout(policies.timeout, deps));
  if (policies.bulkhead) layers.push(createBulkhead(policies.bulkhead, deps));
  const chain = wrap(...layers);
  const recover = policies.fallback ? createFallback(policies.fallback, deps) : failWith;
  return {
    async execute(request) {
      try {
        return succeeded(await chain.execute(({ signal }) => attempt(request, signal), ROOT_SIGNAL));
      } catch (error) {
        return recover(request, error);
      }
    },
  };
}

/** The failure an outcome's code stands for, for variants that work on outcomes. */
export function failureOf(code: string | undefined): Error & { code: string } {
  return Object.assign(new Error(code ?? 'UNKNOWN'), { code: code ?? 'UNKNOWN' });
}
