import type { PolicyEvent, PolicyEventType } from '../policies/events.ts';
import type { BackendBreakerFigures, PhaseFigures } from '../report/result.ts';
import { type BreakerState, BreakerTimeline } from './breaker-timeline.ts';
import type { RecorderFigures } from './figures.ts';
import type { MetricsRecorder, RequestRecord } from './recorder.ts';
import { roundMs } from './rounding.ts';
import { TimelineBuckets } from './timeline-buckets.ts';
import { WindowStats } from './window-stats.ts';

export interface PhaseWindow {
  readonly name: string;
  readonly fromMs: number;
  /** Open-ended (to the end of the run) when absent. */
  readonly toMs?: number;
}

export interface RecorderOptions {
  readonly phases: readonly PhaseWindow[];
  /** The finest timeline slice; slices widen (doubling) until the run's actual length fits the target. */
  readonly bucketMs: number;
  /** In multi-backend topologies, whose breaker the whole-run breaker figures follow. */
  readonly primaryBackend?: string;
}

/** What the recorder holds, to show it does not grow with the number of requests. */
export interface RecorderFootprint {
  readonly histogramBytes: number;
  readonly timelineBuckets: number;
  readonly listedTransitions: number;
}

export interface Recorder extends MetricsRecorder {
  /** The figures measured over [0, endMs). Can be called more than once. */
  figures(endMs: number): RecorderFigures;
  footprint(): RecorderFootprint;
}

const BREAKER_STATE_OF: Partial<Record<PolicyEventType, BreakerState>> = {
  'breaker-open': 'open',
  'breaker-half-open': 'half-open',
  'breaker-closed': 'closed',
};

/**
 * A MetricsRecorder that streams into fixed-size state: counters, HDR histograms, a bounded timeline.
 * A request counts in the phases where it started; backend calls, faults and policy events in the
 * phases active when they happened. Overlapping phases each count what falls in their window.
 */
export function createRecorder(options: RecorderOptions): Recorder {
  const overall = new WindowStats({ fromMs: 0 });
  const phases = options.phases.map((phase) => ({
    name: phase.name,
    stats: new WindowStats({ fromMs: phase.fromMs, ...(phase.toMs !== undefined && { toMs: phase.toMs }) }),
  }));
  const timeline = new TimelineBuckets(options.bucketMs);
  const breaker = new BreakerTimeline();
  // Per-backend breakers (failover, fan-out legs); the whole-run figures follow `primaryBackend`'s.
  const backendBreakers = new Map<string, BreakerTimeline>();
  function breakerOf(backend: string): BreakerTimeline {
    const own = backendBreakers.get(backend) ?? new BreakerTimeline();
    backendBreakers.set(backend, own);
    return own;
  }

  /** The whole-run window always, plus every phase whose window holds `atMs`. */
  function windowsAt(atMs: number, visit: (stats: WindowStats) => void): void {
    visit(overall);
    for (const phase of phases) if (phase.stats.contains(atMs)) visit(phase.stats);
  }
  // The per-request calls below visit the same windows in the same order without a closure each: they
  // run several times per request, and the closures were a good part of what the collector swept.
  const phaseStats = phases.map((phase) => phase.stats);

  // The requests in flight now, and since when that count has held.
  let inFlight = 0;
  let inFlightSinceMs = 0;
  function inFlightChangesAt(atMs: number): void {
    if (atMs <= inFlightSinceMs) return;
    if (inFlight > 0) {
      overall.inFlightHeld(inFlight, inFlightSinceMs, atMs);
      for (const phase of phases) phase.stats.inFlightHeld(inFlight, inFlightSinceMs, atMs);
    }
    inFlightSinceMs = atMs;
  }

  function breakerEvent(atMs: number, to: BreakerState, halfOpenAfterMs?: number): void {
    const effect = breaker.transition(atMs, to, halfOpenAfterMs);
    if (!effect) return;
    const span = effect.endedSpan;
    if (span) {
      overall.breakerOpenSpan(span);
      for (const phase of phases) phase.stats.breakerOpenSpan(span);
    }
    if (effect.opened) windowsAt(atMs, (stats) => stats.breakerOpened());
  }

  return {
    requestStarted(atMs: number): void {
      inFlightChangesAt(atMs);
      inFlight++;
      overall.inFlightPeak(inFlight);
      for (const stats of phaseStats) if (stats.contains(atMs)) stats.inFlightPeak(inFlight);
    },

    requestEnded(record: RequestRecord): void {
      const atMs = record.startedAtMs;
      overall.requestEnded(record);
      for (const stats of phaseStats) if (stats.contains(atMs)) stats.requestEnded(record);
      timeline.requestEnded(record);
      if (record.turnedAway || inFlight === 0) return;
      inFlightChangesAt(record.endedAtMs);
      inFlight--;
    },

    backendCall(atMs: number, backend: string): void {
      overall.backendCall(backend);
      for (const stats of phaseStats) if (stats.contains(atMs)) stats.backendCall(backend);
      timeline.backendCall(atMs);
    },

    backendReached(atMs: number): void {
      overall.backendReached();
      for (const stats of phaseStats) if (stats.contains(atMs)) stats.backendReached();
    },

    faultInjected(atMs: number, kinds: readonly string[]): void {
      if (kinds.length > 0) windowsAt(atMs, (stats) => stats.faultInjected(kinds));
    },

    policyEvent(atMs: number, event: PolicyEvent): void {
      const to = BREAKER_STATE_OF[event.type];
      if (!to) {
        windowsAt(atMs, (stats) => stats.policyEvent(event.type));
        return;
      }
      const backend = 'backend' in event ? event.backend : undefined;
      const halfOpenAfterMs = 'halfOpenAfterMs' in event ? event.halfOpenAfterMs : undefined;
      const follows = backend === undefined || backend === options.primaryBackend;
      // Counted where the transition really happened (a half-open is reported late: see BreakerTimeline).
      windowsAt((follows ? breaker : breakerOf(backend)).stampOf(atMs, to), (stats) =>
        stats.policyEvent(event.type),
      );
      if (backend !== undefined) breakerOf(backend).transition(atMs, to, halfOpenAfterMs);
      if (follows) breakerEvent(atMs, to, halfOpenAfterMs);
    },

    figures(endMs: number): RecorderFigures {
      const stillOpen = breaker.openSpanAt(endMs);
      const now = { count: inFlight, sinceMs: inFlightSinceMs };
      const whole = overall.figures(endMs, stillOpen, now);
      return {
        requests: whole.requests,
        availability: whole.availability,
        latency: whole.latency,
        inFlight: whole.inFlight,
        throughput: whole.throughput,
        backend: { ...whole.backend, byBackend: overall.callsByBackend() },
        cache: { ...whole.cache, stale: overall.policyEventCount('cache-stale') },
        breaker: {
          ...whole.breaker,
          transitions: [...breaker.transitions(endMs)],
          ...(backendBreakers.size > 0 && { byBackend: backendBreakerFigures(backendBreakers, endMs) }),
        },
        faults: { injected: overall.faultsByKind() },
        policyEvents: overall.policyEventCounts(),
        phases: phases.map(
          ({ name, stats }): PhaseFigures => ({
            name,
            fromMs: roundMs(stats.range.fromMs),
            // Where measuring the phase stopped: its declared end, or the run's end when that came first.
            toMs: roundMs(stats.range.fromMs + stats.measuredMs(endMs)),
            ...stats.figures(endMs, stillOpen, now),
            faults: { injected: stats.faultsByKind() },
            policyEvents: stats.policyEventCounts(),
          }),
        ),
        timeline: timeline.toJSON(endMs),
      };
    },

    footprint(): RecorderFootprint {
      const windows = [overall, ...phases.map((phase) => phase.stats)];
      return {
        histogramBytes:
          windows.reduce((sum, stats) => sum + stats.footprintBytes, 0) + timeline.footprintBytes,
        timelineBuckets: timeline.allocated,
        listedTransitions: breaker.transitions().length,
      };
    },
  };
}

function backendBreakerFigures(
  timelines: ReadonlyMap<string, BreakerTimeline>,
  endMs: number,
): Record<string, BackendBreakerFigures> {
  const out: Record<string, BackendBreakerFigures> = {};
  for (const name of [...timelines.keys()].sort()) {
    const timeline = timelines.get(name) as BreakerTimeline;
    const transitions = timeline.transitions(endMs);
    let openMs = 0;
    let openedAt: number | undefined;
    for (const t of transitions) {
      if (t.to === 'open') openedAt ??= t.atMs;
      else if (openedAt !== undefined) {
        openMs += t.atMs - openedAt;
        openedAt = undefined;
      }
    }
    const stillOpen = timeline.openSpanAt(endMs);
    if (stillOpen) openMs += stillOpen.toMs - stillOpen.fromMs;
    out[name] = {
      opened: transitions.filter((t) => t.to === 'open').length,
      openTimeMs: roundMs(openMs),
      transitions: [...transitions],
    };
  }
  return out;
}
