/**
 * The finest timeline slice. The recorder widens slices (doubling) as the run goes on, and once more at
 * the end, so the timeline fits the run's actual length, not its configured duration or request count.
 */
export const TIMELINE_FINEST_BUCKET_MS = 100;

// After the workload stops, in-flight requests get this long (at least) to finish before they count as unanswered.
const MIN_DRAIN_MS = 60_000;

/** Virtual time past which a simulation stops waiting for stragglers: as long again as the run, at least a minute. */
export function drainHorizonMs(endMs: number): number {
  return Number.isFinite(endMs) ? endMs + Math.max(MIN_DRAIN_MS, endMs) : Number.POSITIVE_INFINITY;
}
