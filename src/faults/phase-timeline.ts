import type { PhaseWindow } from './decider.ts';

export interface TimedPhase<T> {
  readonly name: string;
  readonly window: PhaseWindow;
  readonly items: readonly T[];
}

/** A stretch of time in which the same phases are active. */
export interface Segment<T> {
  readonly startMs: number;
  readonly endMs: number;
  /** The active phase started last (the later-declared one on a tie), if any. */
  readonly phase: string | undefined;
  /** Items of every active phase, in declaration order of phases, then of items. */
  readonly items: readonly T[];
}

export interface PhaseTimeline<T> {
  at(nowMs: number): Segment<T>;
}

/**
 * Cuts time at every phase boundary and precomputes what is active in each piece, so a lookup is a
 * check of the last segment (time mostly moves forward) and otherwise a binary search.
 */
export function buildPhaseTimeline<T>(phases: readonly TimedPhase<T>[]): PhaseTimeline<T> {
  const live = phases.filter(({ window }) => window.toMs === undefined || window.toMs > window.fromMs);
  const bounds = [
    ...new Set(
      live.flatMap(({ window }) =>
        window.toMs === undefined ? [window.fromMs] : [window.fromMs, window.toMs],
      ),
    ),
  ].sort((a, b) => a - b);
  const starts = [Number.NEGATIVE_INFINITY, ...bounds];
  const segments: Segment<T>[] = starts.map((startMs, i) => {
    const active = live.filter(({ window }) => isActive(window, startMs));
    return {
      startMs,
      endMs: starts[i + 1] ?? Number.POSITIVE_INFINITY,
      phase: lastStarted(active),
      items: active.flatMap((phase) => phase.items),
    };
  });

  let cursor = 0;
  return {
    at(nowMs) {
      const current = segments[cursor]!;
      if (nowMs >= current.startMs && nowMs < current.endMs) return current;
      cursor = lastStartingAtOrBefore(segments, nowMs);
      return segments[cursor]!;
    },
  };
}

function isActive(window: PhaseWindow, nowMs: number): boolean {
  return window.fromMs <= nowMs && (window.toMs === undefined || nowMs < window.toMs);
}

function lastStarted(active: readonly TimedPhase<unknown>[]): string | undefined {
  let latest: TimedPhase<unknown> | undefined;
  for (const phase of active) if (!latest || phase.window.fromMs >= latest.window.fromMs) latest = phase;
  return latest?.name;
}

/** Index of the segment containing `nowMs`; segment 0 starts at -Infinity, so there always is one. */
function lastStartingAtOrBefore(segments: readonly Segment<unknown>[], nowMs: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (segments[mid]!.startMs <= nowMs) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
