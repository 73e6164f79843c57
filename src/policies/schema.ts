import { z } from 'zod';
import { durationSchema } from '../util/duration.ts';
import { hedgeSchema, rateLimitSchema, retryBudgetSchema } from './patterns-schema.ts';

/** Which failures a retry (or a breaker) treats as transient. */
export const retryableSchema = z.enum(['5xx', '429', '4xx', 'network', 'timeout', 'malformed']);
export type Retryable = z.output<typeof retryableSchema>;

export const backoffSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('exponential'),
    initialDelay: durationSchema.default(100),
    maxDelay: durationSchema.default(30_000),
    exponent: z.number().min(1).default(2),
    jitter: z.enum(['none', 'full', 'decorrelated']).default('full'),
  }),
  z.strictObject({ type: z.literal('constant'), delay: durationSchema }),
]);
export type BackoffConfig = z.output<typeof backoffSchema>;

export const retrySchema = z.strictObject({
  /** Total attempts including the first (cockatiel counts retries; we convert). */
  maxAttempts: z.number().int().min(1).max(100),
  backoff: backoffSchema.default({
    type: 'exponential',
    initialDelay: 100,
    maxDelay: 30_000,
    exponent: 2,
    jitter: 'full',
  }),
  retryOn: z.array(retryableSchema).default(['5xx', '429', 'network', 'timeout']),
  /** Wait at least what a 429/503 Retry-After asks, capped at maxRetryAfter. */
  honorRetryAfter: z.boolean().default(true),
  maxRetryAfter: durationSchema.default(60_000),
});
export type RetryConfig = z.output<typeof retrySchema>;

export const breakerStrategySchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('consecutive'), threshold: z.number().int().min(1) }),
  z
    .strictObject({
      type: z.literal('count'),
      /** Opens when the failure ratio over the last `size` calls exceeds this (cockatiel wants it below 1). */
      threshold: z.number().gt(0).lt(1),
      size: z.number().int().min(1),
      minimumNumberOfCalls: z.number().int().min(1).optional(),
    })
    .refine((count) => (count.minimumNumberOfCalls ?? count.size) <= count.size, {
      message: 'minimumNumberOfCalls cannot exceed size',
      path: ['minimumNumberOfCalls'],
    }),
  z.strictObject({
    type: z.literal('sampling'),
    /** Opens when the failure ratio within `duration` exceeds this (cockatiel wants it below 1). */
    threshold: z.number().gt(0).lt(1),
    duration: durationSchema,
    minimumRps: z.number().positive().optional(),
  }),
]);

export const breakerSchema = z.strictObject({
  halfOpenAfter: durationSchema,
  strategy: breakerStrategySchema,
  /** Failures that count against the breaker; by default whatever the retry would retry. */
  failOn: z.array(retryableSchema).default(['5xx', '429', 'network', 'timeout']),
});
export type BreakerConfig = z.output<typeof breakerSchema>;

export const timeoutSchema = z.strictObject({
  after: durationSchema,
  /** cooperative: the call is told to stop and its own outcome is awaited; aggressive: the caller is released at once. */
  strategy: z.enum(['cooperative', 'aggressive']).default('aggressive'),
});
export type TimeoutConfig = z.output<typeof timeoutSchema>;

export const bulkheadSchema = z.strictObject({
  limit: z.number().int().min(1),
  queue: z.number().int().min(0).default(0),
});
export type BulkheadConfig = z.output<typeof bulkheadSchema>;

export const fallbackSchema = z.union([
  z.strictObject({ value: z.unknown() }),
  /** Name of another backend in the scenario's `backends`. */
  z.strictObject({ backend: z.string() }),
]);
export type FallbackConfig = z.output<typeof fallbackSchema>;

export const cacheSchema = z.strictObject({
  ttl: durationSchema,
  maxEntries: z.number().int().min(1).default(1000),
  /** Serve an expired entry when the backend fails, for at most this long past expiry. */
  staleIfError: durationSchema.optional(),
  /** Concurrent identical misses share one backend call. */
  coalesce: z.boolean().default(true),
});
export type CacheConfig = z.output<typeof cacheSchema>;

/** The stack, outermost first: cache ▸ fallback ▸ retry (within retryBudget) ▸ hedge ▸ breaker ▸ timeout ▸ bulkhead ▸ rateLimit. Each is optional. */
export const policiesSchema = z.strictObject({
  cache: cacheSchema.optional(),
  fallback: fallbackSchema.optional(),
  retry: retrySchema.optional(),
  /** Caps the retries of `retry` at a share of recent requests; without `retry` it has nothing to cap. */
  retryBudget: retryBudgetSchema.optional(),
  /** Extra attempts beside a slow one, below the retry and above each attempt's breaker and timeout. */
  hedge: hedgeSchema.optional(),
  breaker: breakerSchema.optional(),
  timeout: timeoutSchema.optional(),
  bulkhead: bulkheadSchema.optional(),
  /** Innermost: every call to the backend takes a token, retries and hedges included. */
  rateLimit: rateLimitSchema.optional(),
});
export type PoliciesConfig = z.output<typeof policiesSchema>;
