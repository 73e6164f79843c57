import { z } from 'zod';
import { MAX_NAME_LENGTH } from '../scenario/limits.ts';

/**
 * Metrics a hypothesis can name. Ratios are in [0, 1], latencies and times in ms, throughput in
 * requests per (virtual) second.
 */
export const METRICS = [
  'availability',
  'successRate',
  'errorRate',
  'fallbackRate',
  'latency.p50',
  'latency.p90',
  'latency.p95',
  'latency.p99',
  'latency.max',
  'latency.mean',
  'backendCallsPerRequest',
  'backend.calls',
  'breaker.openTime',
  'breaker.openRatio',
  'breaker.opened',
  'cache.hitRatio',
  'requests.total',
  'requests.failed',
  'throughput',
] as const;
export type MetricName = (typeof METRICS)[number];

export const OPERATORS = ['<', '<=', '>', '>=', '==', '!='] as const;
export type Operator = (typeof OPERATORS)[number];

export const hypothesisSchema = z.strictObject({
  name: z.string().max(MAX_NAME_LENGTH, 'MAX_NAME_LENGTH').optional(),
  metric: z.enum(METRICS),
  op: z.enum(OPERATORS),
  value: z.number(),
  /** Evaluate over one phase instead of the whole run. */
  phase: z.string().max(MAX_NAME_LENGTH, 'MAX_NAME_LENGTH').optional(),
});
export type Hypothesis = z.output<typeof hypothesisSchema>;
