import { ratio } from '../metrics/rounding.ts';
import type { RunResult } from '../report/result.ts';

/** What a sweep compares from one run (one variant on one seed). */
export interface RunFigures {
  readonly requests: number;
  readonly availability: number;
  /** Requests answered by the fallback, over all requests. */
  readonly fallbackShare: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  /** Backend calls per request: the cost in load. */
  readonly callsPerRequest: number;
  /** Money per request, when the scenario prices its backends. */
  readonly costPerRequest?: number;
  readonly currency?: string;
  readonly retries: number;
  readonly breakerOpenMs: number;
}

/** The keys of RunFigures that every run has, in report order. */
export const FIGURE_KEYS = [
  'availability',
  'fallbackShare',
  'p50',
  'p95',
  'p99',
  'callsPerRequest',
  'retries',
  'breakerOpenMs',
] as const satisfies readonly (keyof RunFigures)[];

export function runFigures(result: RunResult): RunFigures {
  return {
    requests: result.requests.total,
    availability: result.availability,
    fallbackShare: ratio(result.requests.fellBack, result.requests.total, 0),
    p50: result.latency.p50,
    p95: result.latency.p95,
    p99: result.latency.p99,
    callsPerRequest: result.backend.callsPerRequest,
    ...(result.cost && { costPerRequest: result.cost.perRequest, currency: result.cost.currency }),
    retries: result.policyEvents.retry ?? 0,
    breakerOpenMs: result.breaker.openTimeMs,
  };
}
