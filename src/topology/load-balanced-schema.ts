import { z } from 'zod';
import { retryableSchema } from '../policies/schema.ts';
import { durationSchema } from '../util/duration.ts';

/** Upper bounds, so a typo cannot ask for a million backends or a weight that overflows a sum. */
export const MAX_BALANCED_BACKENDS = 64;
export const MAX_WEIGHT = 1000;
export const MAX_CONSECUTIVE_FAILURES = 10_000;

export const balancingStrategySchema = z.enum([
  'round-robin',
  'random',
  'least-outstanding',
  'power-of-two-choices',
  'weighted',
]);
export type BalancingStrategy = z.output<typeof balancingStrategySchema>;

/** Envoy's outlier detection, simplified: consecutive failures eject a backend for a fixed time. */
export const outlierEjectionSchema = z.strictObject({
  consecutiveFailures: z.number().int().min(1).max(MAX_CONSECUTIVE_FAILURES).default(5),
  ejectionTime: durationSchema.default(30_000),
  /** At most this share of the backends is ejected at once; at least one may always be (as Envoy does). */
  maxEjectedPercent: z.number().min(0).max(100).default(10),
  /** Failures that count towards ejection. */
  failOn: z.array(retryableSchema).max(6).default(['5xx', 'network', 'timeout']),
});
export type OutlierEjectionConfig = z.output<typeof outlierEjectionSchema>;

/** Spreads each request over N backends, each behind its own breaker, timeout and bulkhead. */
export const loadBalancedTopologySchema = z.strictObject({
  type: z.literal('load-balanced'),
  backends: z.array(z.string()).min(2).max(MAX_BALANCED_BACKENDS),
  strategy: balancingStrategySchema.default('round-robin'),
  /** For `weighted`: weight per backend name (default 1); smooth weighted round-robin, as nginx does. */
  weights: z.record(z.string(), z.number().int().min(0).max(MAX_WEIGHT)).optional(),
  outlierEjection: outlierEjectionSchema.optional(),
});
export type LoadBalancedTopology = z.output<typeof loadBalancedTopologySchema>;
