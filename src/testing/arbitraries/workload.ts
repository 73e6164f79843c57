import * as fc from 'fast-check';
import type { Workload } from '../../workload/schema.ts';
import { DEFAULT_TIME_SCALE, type TimeScale } from './time-scale.ts';

export interface WorkloadConstraints {
  readonly scale?: TimeScale;
  /** At most this many requests per run (default 40). */
  readonly maxRequests?: number;
}

/**
 * A small workload over the scale's horizon: a closed loop of 1..6 clients, or open-loop arrivals up to
 * four per unit (bursts that meet a half-open breaker or a full bulkhead). Texts come from the first 1..4
 * of the corpus, so identical requests repeat (cache hits, coalescing). Shrinks towards one client sending
 * one request.
 */
export function workloadArbitrary(constraints: WorkloadConstraints = {}): fc.Arbitrary<Workload> {
  const scale = constraints.scale ?? DEFAULT_TIME_SCALE;
  const common = {
    requests: fc.integer({ min: 1, max: constraints.maxRequests ?? 40 }),
    corpusSize: fc.integer({ min: 1, max: 4 }),
  };
  const closed = fc
    .record({
      ...common,
      clients: fc.integer({ min: 1, max: 6 }),
      thinkUnits: fc.integer({ min: 0, max: 5 }),
    })
    .map(
      ({ requests, corpusSize, clients, thinkUnits }): Workload => ({
        model: 'closed',
        clients,
        thinkTime: thinkUnits * scale.unitMs,
        ...shared(requests, corpusSize, scale),
      }),
    );
  const open = fc
    .record({
      ...common,
      quarterUnitsApart: fc.integer({ min: 1, max: 16 }),
      arrivals: fc.constantFrom('constant' as const, 'poisson' as const),
    })
    .map(
      ({ requests, corpusSize, quarterUnitsApart, arrivals }): Workload => ({
        model: 'open',
        rate: 4000 / (quarterUnitsApart * scale.unitMs),
        arrivals,
        maxInFlight: 10_000,
        ...shared(requests, corpusSize, scale),
      }),
    );
  return fc.oneof(closed, open);
}

function shared(requests: number, corpusSize: number, scale: TimeScale) {
  return {
    requests,
    duration: scale.horizonMs,
    mix: [{ endpoint: '/api/analyze', weight: 1 }],
    corpus: { size: corpusSize, zipf: 1, language: 'any' as const },
  };
}
