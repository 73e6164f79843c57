import type { IBackoff, IBackoffFactory, IRetryBackoffContext } from 'cockatiel';
import { isHttpStatusError } from '../errors/call-errors.ts';
import { isGrpcStatusError } from '../errors/grpc-status-error.ts';
import type { Rng } from '../rng/rng.ts';
import type { BackoffConfig } from './schema.ts';

export type RetryBackoffContext = IRetryBackoffContext<unknown>;
export type RetryBackoff = IBackoffFactory<RetryBackoffContext>;
type ExponentialConfig = Extract<BackoffConfig, { type: 'exponential' }>;

/** A cockatiel backoff drawing its jitter from `rng` (cockatiel's own generators use Math.random). */
export function createBackoff(config: BackoffConfig, rng: Rng): RetryBackoff {
  if (config.type === 'constant') return constantBackoff(config.delay);
  return { next: () => exponentialStep(config, rng, config.initialDelay, config.initialDelay) };
}

function constantBackoff(delay: number): RetryBackoff {
  const step: IBackoff<RetryBackoffContext> = { duration: safeDelay(delay), next: () => step };
  return { next: () => step };
}

/**
 * One retry's delay. `ceiling` is the un-jittered delay for this retry (initialDelay × exponent^n,
 * capped); `previous` is the last delay actually waited, which decorrelated jitter grows from.
 * Both stay finite because they are capped at maxDelay before multiplying again.
 */
function exponentialStep(
  config: ExponentialConfig,
  rng: Rng,
  ceiling: number,
  previous: number,
): IBackoff<RetryBackoffContext> {
  const { initialDelay, maxDelay, exponent } = config;
  const cap = Math.min(ceiling, maxDelay);
  let duration: number;
  if (config.jitter === 'none') duration = cap;
  else if (config.jitter === 'full') duration = rng.next() * cap;
  // AWS "decorrelated jitter": uniform between the base delay and `exponent` times the last delay.
  else duration = Math.min(maxDelay, initialDelay + rng.next() * (previous * exponent - initialDelay));
  duration = safeDelay(duration);
  return {
    duration,
    next: () => exponentialStep(config, rng, Math.min(cap * exponent, maxDelay), duration),
  };
}

export interface RetryAfterOptions {
  /** The longest Retry-After we agree to wait. */
  readonly maxRetryAfter: number;
}

/**
 * Waits at least what the failed attempt's Retry-After asked (capped at maxRetryAfter), otherwise
 * the inner backoff's delay. The inner sequence advances as if Retry-After had not been there.
 */
export function honourRetryAfter(inner: RetryBackoff, options: RetryAfterOptions): RetryBackoff {
  const wrapStep = (step: IBackoff<RetryBackoffContext>, context: RetryBackoffContext) => {
    const asked = retryAfterOf(context);
    const duration =
      asked === undefined
        ? step.duration
        : safeDelay(Math.max(step.duration, Math.min(asked, options.maxRetryAfter)));
    const outer: IBackoff<RetryBackoffContext> = {
      duration,
      next: (nextContext) => wrapStep(step.next(nextContext), nextContext),
    };
    return outer;
  };
  return { next: (context) => wrapStep(inner.next(context), context) };
}

function retryAfterOf(context: RetryBackoffContext): number | undefined {
  const { result } = context;
  if (!('error' in result)) return undefined;
  if (!isHttpStatusError(result.error) && !isGrpcStatusError(result.error)) return undefined;
  const asked = result.error.retryAfterMs;
  return asked !== undefined && Number.isFinite(asked) && asked > 0 ? asked : undefined;
}

/** Timers treat anything longer (about 24.8 days) as 1 ms. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** A delay a timer can take: finite, never negative, never past the timer limit. */
function safeDelay(ms: number): number {
  return Number.isFinite(ms) && ms > 0 ? Math.min(ms, MAX_TIMER_MS) : 0;
}
