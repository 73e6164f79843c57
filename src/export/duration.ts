import type { LatencyDistribution } from '../faults/schema.ts';

/** A Go-style duration ("150ms", "1.5s"), as Istio, Chaos Mesh and Kubernetes read them. */
export function goDuration(ms: number): string {
  const rounded = Math.max(1, Math.round(ms));
  return rounded % 1000 === 0 ? `${rounded / 1000}s` : `${rounded}ms`;
}

/** How a distribution is described in a warning. */
export function describeLatency(dist: LatencyDistribution): string {
  return Object.entries(dist)
    .map(([key, value]) => (key === 'type' ? String(value) : `${key} ${value}`))
    .join(' ');
}
