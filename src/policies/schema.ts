import { z } from 'zod';
import {
  MAX_ATTEMPTS,
  MAX_BREAKER_WINDOW,
  MAX_BULKHEAD,
  MAX_CACHE_ENTRIES,
  MAX_COUNT,
  MAX_DEPTH,
  MAX_EXPONENT,
  MAX_MAP_KEYS,
  MAX_NAME_LENGTH,
  MAX_RATE,
} from '../scenario/limits.ts';
import { boundedValue } from '../util/bounded-value.ts';
import { durationSchema } from '../util/duration.ts';

/** Which failures a retry (or a breaker) treats as transient. */
export const retryableSchema = z.enum(['5xx', '429', '4xx', 'network', 'timeout', 'malformed']);
export type Retryable = z.output<typeof retryableSchema>;

export const backoffSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('exponential'),
    initialDelay: durationSchema.default(100),
    maxDelay: durationSchema.default(30_000),
    exponent: z.number().min(1).max(MAX_EXPONENT, 'MAX_EXPONENT').default(2),
    jitter: z.enum(['none', 'full', 'decorrelated']).default('full'),
  }),
  z.strictObject({ type: z.literal('constant'), delay: durationSchema }),
]);
export type BackoffConfig = z.output<typeof backoffSchema>;

export const retrySchema = z.strictObject({
  /** Total attempts including the first (cockatiel counts retries; we convert). */
  maxAttempts: z.number().int().min(1).max(MAX_ATTEMPTS, 'MAX_ATTEMPTS'),
  backoff: backoffSchema.default({
    type: 'exponential',
    initialDelay: 100,
    maxDelay: 30_000,
    exponent: 2,
    jitter: 'full',
  }),
  retryOn: z
    .array(retryableSchema)
    .max(retryableSchema.options.length)
    .default(['5xx', '429', 'network', 'timeout']),
  /** Wait at least what a 429/503 Retry-After asks, capped at maxRetryAfter. */
  honorRetryAfter: z.boolean().default(true),
  maxRetryAfter: durationSchema.default(60_000),
});
export type RetryConfig = z.output<typeof retrySchema>;

export const breakerStrategySchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('consecutive'),
    threshold: z.number().int().min(1).max(MAX_COUNT, 'MAX_COUNT'),
  }),
  z
    .strictObject({
      type: z.literal('count'),
      /** Opens when the failure ratio over the last `size` calls exceeds this; 1: when every one failed. */
      threshold: z.number().gt(0).max(1),
      size: z.number().int().min(1).max(MAX_BREAKER_WINDOW, 'MAX_BREAKER_WINDOW'),
      minimumNumberOfCalls: z.number().int().min(1).max(MAX_BREAKER_WINDOW, 'MAX_BREAKER_WINDOW').optional(),
    })
    .refine((count) => (count.minimumNumberOfCalls ?? count.size) <= count.size, {
      message: 'minimumNumberOfCalls cannot exceed size',
      path: ['minimumNumberOfCalls'],
    }),
  z.strictObject({
    type: z.literal('sampling'),
    /** Opens when the failure ratio within `duration` exceeds this; 1: when every call failed. */
    threshold: z.number().gt(0).max(1),
    duration: durationSchema,
    minimumRps: z.number().positive().max(MAX_RATE, 'MAX_RATE').optional(),
  }),
]);

export const breakerSchema = z.strictObject({
  halfOpenAfter: durationSchema,
  strategy: breakerStrategySchema,
  /** Failures that count against the breaker; by default whatever the retry would retry. */
  failOn: z
    .array(retryableSchema)
    .max(retryableSchema.options.length)
    .default(['5xx', '429', 'network', 'timeout']),
});
export type BreakerConfig = z.output<typeof breakerSchema>;

export const timeoutSchema = z.strictObject({
  after: durationSchema,
  /** cooperative: the call is told to stop and its own outcome is awaited; aggressive: the caller is released at once. */
  strategy: z.enum(['cooperative', 'aggressive']).default('aggressive'),
});
export type TimeoutConfig = z.output<typeof timeoutSchema>;

export const bulkheadSchema = z.strictObject({
  limit: z.number().int().min(1).max(MAX_BULKHEAD, 'MAX_BULKHEAD'),
  queue: z.number().int().min(0).max(MAX_BULKHEAD, 'MAX_BULKHEAD').default(0),
});
export type BulkheadConfig = z.output<typeof bulkheadSchema>;

export const fallbackSchema = z.union([
  z.strictObject({ value: boundedValue(MAX_MAP_KEYS, MAX_DEPTH) }),
  /** Name of another backend in the scenario's `backends`. */
  z.strictObject({ backend: z.string().max(MAX_NAME_LENGTH, 'MAX_NAME_LENGTH') }),
]);
export type FallbackConfig = z.output<typeof fallbackSchema>;

export const cacheSchema = z.strictObject({
  ttl: durationSchema,
  maxEntries: z.number().int().min(1).max(MAX_CACHE_ENTRIES, 'MAX_CACHE_ENTRIES').default(1000),
  /** Serve an expired entry when the backend fails, for at most this long past expiry. */
  staleIfError: durationSchema.optional(),
  /** Concurrent identical misses share one backend call. */
  coalesce: z.boolean().default(true),
});
export type CacheConfig = z.output<typeof cacheSchema>;

/** The stack, outermost first: cache ▸ fallback ▸ retry ▸ breaker ▸ timeout ▸ bulkhead. Each is optional. */
export const policiesSchema = z.strictObject({
  cache: cacheSchema.optional(),
  fallback: fallbackSchema.optional(),
  retry: retrySchema.optional(),
  breaker: breakerSchema.optional(),
  timeout: timeoutSchema.optional(),
  bulkhead: bulkheadSchema.optional(),
});
export type PoliciesConfig = z.output<typeof policiesSchema>;
