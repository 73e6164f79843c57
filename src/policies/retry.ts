import { type FailureReason, handleWhen, type RetryPolicy, retry } from 'cockatiel';
import { errorCode } from '../errors/call-errors.ts';
import { createBackoff, honourRetryAfter } from './backoff.ts';
import { failureFilter } from './classify.ts';
import type { RetryConfig } from './schema.ts';
import type { StackDeps } from './stack.ts';

/**
 * Retries the failures `retryOn` names, up to `maxAttempts` attempts in all. Emits `retry` (attempt is
 * the retry's number: 1 for the first retry) before each delay, and `give-up` when a retryable
 * failure is returned to the caller (attempts spent, or the caller's signal aborted).
 */
export function createRetry(
  config: RetryConfig,
  deps: StackDeps,
  /** Asked once a failure is found retryable; false returns it at once (a retry budget says no). */
  allowRetry?: (error: Error) => boolean,
): RetryPolicy {
  const backoff = createBackoff(config.backoff, deps.rng.fork('retry-backoff'));
  const retryable = failureFilter(config.retryOn);
  const filter = allowRetry ? (error: Error) => retryable(error) && allowRetry(error) : retryable;
  const policy = retry(handleWhen(filter), {
    // cockatiel counts retries; our config counts attempts including the first.
    maxAttempts: config.maxAttempts - 1,
    backoff: config.honorRetryAfter ? honourRetryAfter(backoff, config) : backoff,
  });
  policy.onRetry((event) =>
    deps.events.emit({
      type: 'retry',
      attempt: event.attempt,
      delayMs: event.delay,
      code: reasonCode(event),
    }),
  );
  policy.onGiveUp((reason) => deps.events.emit({ type: 'give-up', code: reasonCode(reason) }));
  return policy;
}

/** We filter on errors only, so a value reason never reaches here in practice. */
function reasonCode(reason: FailureReason<unknown>): string {
  return 'error' in reason ? errorCode(reason.error) : 'UNKNOWN';
}
