import { z } from 'zod';
import { durationSchema } from '../util/duration.ts';

/** Upper bounds for the patterns' numbers, so a typo is refused at load rather than run. */
export const PATTERN_LIMITS = {
  retryBudgetRatio: 10,
  perSecond: 1_000_000,
  hedges: 10,
  burst: 1_000_000,
  queue: 1_000_000,
} as const;

/**
 * Finagle's retry budget (Envoy's retry_budget is the same idea): retries within `window` may number
 * at most `ratio` × the requests in that window plus `minPerSecond` × the window. Beyond it a failure
 * is returned at once instead of retried, so an outage cannot multiply the load by the attempt count.
 */
export const retryBudgetSchema = z.strictObject({
  ratio: z.number().min(0).max(PATTERN_LIMITS.retryBudgetRatio).default(0.2),
  minPerSecond: z.number().min(0).max(PATTERN_LIMITS.perSecond).default(10),
  window: durationSchema.default(10_000),
});
export type RetryBudgetConfig = z.output<typeof retryBudgetSchema>;

/**
 * Hedged requests (Polly, resilience4j; "The Tail at Scale"): when an attempt has not answered after
 * `delay`, another is started beside it, up to `maxHedges` extra; the first success wins and the others
 * are cancelled. An attempt that fails while none is left running starts the next at once.
 */
export const hedgeSchema = z.strictObject({
  delay: durationSchema,
  maxHedges: z.number().int().min(1).max(PATTERN_LIMITS.hedges).default(1),
});
export type HedgeConfig = z.output<typeof hedgeSchema>;

/**
 * A client-side token bucket (Polly's and resilience4j's rate limiter; cockatiel has none): `rate`
 * calls per second on average, `burst` at once after a quiet spell. A call finding no token waits its
 * turn if fewer than `queue` are waiting, else fails at once with RATE_LIMITED.
 */
export const rateLimitSchema = z.strictObject({
  rate: z.number().positive().max(PATTERN_LIMITS.perSecond),
  burst: z.number().int().min(1).max(PATTERN_LIMITS.burst).default(1),
  queue: z.number().int().min(0).max(PATTERN_LIMITS.queue).default(0),
});
export type RateLimitConfig = z.output<typeof rateLimitSchema>;
