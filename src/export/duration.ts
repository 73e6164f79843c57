import type { LatencyDistribution } from '../faults/schema.ts';

/** A Go-style duration ("150ms", "1.5s"), as Istio, Chaos Mesh and Kubernetes read them. */
export function goDuration(ms: number): string {
  const rounded = Math.max(1, Math.round(ms));
  return rounded % 1000 === 0 ? `${rounded / 1000}s` : `${rounded}ms`;
}

/** The median of a latency distribution: what a target with only fixed delays gets. */
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

/** How a distribution is described in a warning. */
export function describeLatency(dist: LatencyDistribution): string {
  return Object.entries(dist)
    .map(([key, value]) => (key === 'type' ? String(value) : `${key} ${value}`))
    .join(' ');
}
