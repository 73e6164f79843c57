import { lognormal, normal, pareto } from '../rng/distributions.ts';
import type { Rng } from '../rng/rng.ts';
import type { LatencyDistribution } from './schema.ts';

/**
 * One latency sample in ms. Shared by latency faults and by backends that model their own base latency,
 * so both describe delay with the same vocabulary. `fixed` draws nothing, keeping other streams aligned.
 */
export function sampleLatency(dist: LatencyDistribution, rng: Rng): number {
  switch (dist.type) {
    case 'fixed':
      return dist.ms;
    case 'uniform':
      return dist.minMs + (dist.maxMs - dist.minMs) * rng.next();
    case 'normal':
      // A delay cannot be negative; clamping keeps the mean close for the usual mean >> stdDev case.
      return Math.max(0, normal(rng, dist.meanMs, dist.stdDevMs));
    case 'lognormal':
      return lognormal(rng, dist.medianMs, dist.sigma);
    case 'pareto':
      return pareto(rng, dist.scaleMs, dist.shape);
  }
}

/** The median of a latency distribution: what a tool with only fixed delays gets, and how phases compare. */
export function latencyMedian(dist: LatencyDistribution): number {
  switch (dist.type) {
    case 'fixed':
      return dist.ms;
    case 'uniform':
      return (dist.minMs + dist.maxMs) / 2;
    case 'normal':
      return dist.meanMs;
    case 'lognormal':
      return dist.medianMs;
    case 'pareto':
      return dist.scaleMs * 2 ** (1 / dist.shape);
  }
}
