import type { IPolicy, IRetryContext } from 'cockatiel';
import { errorCode } from '../errors/call-errors.ts';
import type { RetryBudgetConfig } from './patterns-schema.ts';
import { createRetry } from './retry.ts';
import { RetryBudget } from './retry-budget.ts';
import type { RetryConfig } from './schema.ts';
import type { StackDeps } from './stack.ts';

type Task<T> = (context: IRetryContext) => PromiseLike<T> | T;

/**
 * cockatiel's retry with a retry budget: each request deposits into the budget, and a retryable failure
 * is retried only if the budget pays for it (the last attempt's failure asks nothing, as no retry would
 * follow). A refused retry returns the backend's own failure at once, with a `retry-budget-exhausted`
 * event; cockatiel sees it as a failure it does not handle, so it neither waits nor counts a retry.
 */
export function createBudgetedRetry(
  config: RetryConfig,
  budgetConfig: RetryBudgetConfig,
  deps: StackDeps,
): IPolicy<IRetryContext> {
  const budget = new RetryBudget(budgetConfig, deps.clock);
  // Which attempt (0-based) each failure came from: cockatiel's filter sees the error only.
  const attemptOf = new WeakMap<object, number>();
  const lastAttempt = config.maxAttempts - 1;
  const inner = createRetry(config, deps, (error) => {
    const attempt = attemptOf.get(error);
    if (attempt === undefined || attempt >= lastAttempt || budget.tryWithdraw()) return true;
    deps.events.emit({ type: 'retry-budget-exhausted', code: errorCode(error) });
    return false;
  });
  const tagged = async <T>(fn: Task<T>, context: IRetryContext): Promise<T> => {
    try {
      return await fn(context);
    } catch (error) {
      if (typeof error === 'object' && error !== null) attemptOf.set(error, context.attempt);
      throw error;
    }
  };
  return {
    _altReturn: undefined as never,
    onSuccess: inner.onSuccess,
    onFailure: inner.onFailure,
    execute: (fn, signal) => {
      budget.deposit();
      return inner.execute((context) => tagged(fn, context), signal);
    },
  };
}
