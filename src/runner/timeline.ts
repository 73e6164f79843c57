/** Timeline resolution: about 120 buckets over the run, never finer than 100 ms. */
export function timelineBucketMs(durationMs: number | undefined, requests: number | undefined): number {
  const span = durationMs ?? (requests ?? 1000) * 10;
  return Math.max(100, Math.ceil(span / 120));
}

// After the workload stops, in-flight requests get this long (at least) to finish before they count as unanswered.
const MIN_DRAIN_MS = 60_000;

/** Virtual time past which a simulation stops waiting for stragglers: as long again as the run, at least a minute. */
export function drainHorizonMs(endMs: number): number {
  return Number.isFinite(endMs) ? endMs + Math.max(MIN_DRAIN_MS, endMs) : Number.POSITIVE_INFINITY;
}
