import { ratio } from '../metrics/rounding.ts';
import type { WindowFigures } from '../report/result.ts';
import type { MetricName } from './schema.ts';

/** What a metric measures, which decides the units a hypothesis may write its value in. */
export type MetricUnit = 'ratio' | 'ms' | 'count' | 'per-second';

interface MetricDefinition {
  readonly unit: MetricUnit;
  readonly read: (window: WindowFigures) => number;
}

/**
 * How each hypothesis metric reads from a window's figures. With no requests the request ratios follow
 * availability's convention: nothing failed, so successRate is 1 and errorRate/fallbackRate are 0.
 */
export const METRIC_DEFINITIONS: Readonly<Record<MetricName, MetricDefinition>> = {
  availability: { unit: 'ratio', read: (w) => w.availability },
  successRate: { unit: 'ratio', read: (w) => ratio(w.requests.succeeded, w.requests.total, 1) },
  errorRate: { unit: 'ratio', read: (w) => ratio(w.requests.failed, w.requests.total, 0) },
  fallbackRate: { unit: 'ratio', read: (w) => ratio(w.requests.fellBack, w.requests.total, 0) },
  'latency.p50': { unit: 'ms', read: (w) => w.latency.p50 },
  'latency.p90': { unit: 'ms', read: (w) => w.latency.p90 },
  'latency.p95': { unit: 'ms', read: (w) => w.latency.p95 },
  'latency.p99': { unit: 'ms', read: (w) => w.latency.p99 },
  'latency.max': { unit: 'ms', read: (w) => w.latency.max },
  'latency.mean': { unit: 'ms', read: (w) => w.latency.mean },
  backendCallsPerRequest: { unit: 'count', read: (w) => w.backend.callsPerRequest },
  'backend.calls': { unit: 'count', read: (w) => w.backend.calls },
  'breaker.openTime': { unit: 'ms', read: (w) => w.breaker.openTimeMs },
  'breaker.openRatio': { unit: 'ratio', read: (w) => w.breaker.openRatio },
  'breaker.opened': { unit: 'count', read: (w) => w.breaker.opened },
  'cache.hitRatio': { unit: 'ratio', read: (w) => w.cache.hitRatio },
  'requests.total': { unit: 'count', read: (w) => w.requests.total },
  'requests.failed': { unit: 'count', read: (w) => w.requests.failed },
  throughput: { unit: 'per-second', read: (w) => w.throughput },
};

export function metricValue(metric: MetricName, window: WindowFigures): number {
  return METRIC_DEFINITIONS[metric].read(window);
}
