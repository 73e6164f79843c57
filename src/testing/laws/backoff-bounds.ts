import type { RetryConfig } from '../../policies/schema.ts';
import { eventsOf } from '../trial/trace.ts';
import { type Law, violation } from './law.ts';
import { formatMs } from './trace-queries.ts';

/** Timers treat longer delays as 1 ms, so the stack caps every delay here. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** Room for floating-point error in jittered delays. */
const SLACK = 1e-6;

export interface DelayBounds {
  readonly min: number;
  readonly max: number;
  /** How the bounds were derived, for messages. */
  readonly why: string;
}

/**
 * Bounds of the delay before retry `n` (1 for the first retry), from the configuration alone:
 * constant: the delay; exponential: the un-jittered ceiling min(initialDelay × exponent^(n−1), maxDelay),
 * exactly (no jitter), anywhere below it (full), or from initialDelay up to maxDelay (decorrelated).
 * Honouring Retry-After may raise a delay up to maxRetryAfter, never lower it.
 */
export function retryDelayBounds(retry: RetryConfig, n: number): DelayBounds {
  const { backoff } = retry;
  let min: number;
  let max: number;
  let why: string;
  if (backoff.type === 'constant') {
    min = max = backoff.delay;
    why = `constant ${formatMs(backoff.delay)}`;
  } else {
    const { initialDelay, maxDelay, exponent, jitter } = backoff;
    let ceiling = Math.min(initialDelay, maxDelay);
    for (let i = 1; i < n; i++) ceiling = Math.min(ceiling * exponent, maxDelay);
    if (jitter === 'none') [min, max] = [ceiling, ceiling];
    else if (jitter === 'full') [min, max] = [0, ceiling];
    else [min, max] = [initialDelay <= maxDelay ? initialDelay : 0, maxDelay];
    why = `exponential, ${jitter} jitter, ceiling ${formatMs(ceiling)} for retry ${n}`;
  }
  if (retry.honorRetryAfter) {
    max = Math.max(max, retry.maxRetryAfter);
    why += `, Retry-After up to ${formatMs(retry.maxRetryAfter)}`;
  }
  return { min: Math.min(min, MAX_TIMER_MS), max: Math.min(max, MAX_TIMER_MS), why };
}

/** Every retry waits a finite delay inside the bounds its backoff configuration allows. */
export const backoffBoundsLaw: Law = {
  name: 'backoff-bounds',
  statement: 'every retry delay is a finite number inside the bounds of the configured backoff',
  notApplicable: (scenario) => (scenario.policies.retry ? undefined : 'no retry policy'),
  check(trace) {
    const { retry } = trace.scenario.policies;
    if (!retry) return undefined;
    for (const { at, request, event } of eventsOf(trace, 'retry')) {
      const { delayMs, attempt } = event;
      const who = `retry ${attempt}${request === undefined ? '' : ` of request ${request}`} at ${formatMs(at)}`;
      if (!Number.isFinite(delayMs)) return violation(`${who} waits ${delayMs} ms`);
      const bounds = retryDelayBounds(retry, attempt);
      if (delayMs < bounds.min - SLACK || delayMs > bounds.max + SLACK) {
        return violation(
          `${who} waits ${formatMs(delayMs)}, outside [${formatMs(bounds.min)}, ${formatMs(bounds.max)}] (${bounds.why})`,
        );
      }
    }
    return undefined;
  },
};
