import type { PolicyEventType } from '../policies/events.ts';
import type { WindowFigures } from '../report/result.ts';
import type { OpenSpan } from './breaker-timeline.ts';
import { KeyedCounter } from './keyed-counter.ts';
import { LatencyHistogram } from './latency-histogram.ts';
import type { RequestRecord } from './recorder.ts';
import { ratio, roundMs, roundRatio } from './rounding.ts';

/** A stretch of the run, [fromMs, toMs); open-ended when toMs is absent. */
export interface WindowRange {
  readonly fromMs: number;
  readonly toMs?: number;
}

/** The virtual clock's step: a run whose requests all took 0 ms spanned less than this, not nothing. */
const CLOCK_RESOLUTION_MS = 1;

/** The in-flight count at the end of what was recorded, and since when it has held. */
export interface InFlightSince {
  readonly count: number;
  readonly sinceMs: number;
}

/** Attempt counts are listed one by one up to this; more land in one "N+" entry, so memory stays fixed. */
export const MAX_LISTED_ATTEMPTS = 100;

/** The code a failure without one is counted under. */
export const UNKNOWN_CODE = 'UNKNOWN';

/**
 * Streaming figures for one window of the run (the whole run, or one phase): counters and one HDR
 * histogram, so memory does not depend on the number of requests. The caller asks `contains` and
 * feeds only what belongs here.
 */
export class WindowStats {
  readonly #latency = new LatencyHistogram({ significantDigits: 3 });
  #succeeded = 0;
  #fellBack = 0;
  #failed = 0;
  readonly #failuresByCode = new KeyedCounter();
  #backendCalls = 0;
  #backendReached = 0;
  readonly #callsByBackend = new KeyedCounter();
  readonly #faults = new KeyedCounter();
  readonly #policyEvents = new KeyedCounter();
  #breakerOpened = 0;
  #breakerOpenMs = 0;
  /** Requests by the number of backend calls they made; index MAX_LISTED_ATTEMPTS holds "that many or more". */
  readonly #attempts: number[] = [];
  /** ∫ in-flight dt over the window (request·ms), and the most in flight at any instant of it. */
  #inFlightArea = 0;
  #inFlightMax = 0;

  constructor(readonly range: WindowRange) {}

  contains(atMs: number): boolean {
    return atMs >= this.range.fromMs && (this.range.toMs === undefined || atMs < this.range.toMs);
  }

  /** How much of the window was measured by `endMs`: its declared span, cut at the run's end. */
  measuredMs(endMs: number): number {
    const to = Math.min(this.range.toMs ?? endMs, endMs);
    return Math.max(0, to - this.range.fromMs);
  }

  /** Bytes the latency histogram holds (for footprint checks); independent of the request count. */
  get footprintBytes(): number {
    return this.#latency.footprintBytes;
  }

  requestEnded(record: RequestRecord): void {
    this.#latency.record(record.endedAtMs - record.startedAtMs);
    const attempts = record.attempts ?? (record.turnedAway ? 0 : undefined);
    if (attempts !== undefined) {
      const at = Math.min(attempts, MAX_LISTED_ATTEMPTS);
      while (this.#attempts.length <= at) this.#attempts.push(0);
      this.#attempts[at] = (this.#attempts[at] ?? 0) + 1;
    }
    if (record.kind === 'succeeded') this.#succeeded++;
    else if (record.kind === 'fell-back') this.#fellBack++;
    else {
      this.#failed++;
      this.#failuresByCode.add(record.code ?? UNKNOWN_CODE);
    }
  }

  backendCall(backend: string): void {
    this.#backendCalls++;
    this.#callsByBackend.add(backend);
  }

  backendReached(): void {
    this.#backendReached++;
  }

  faultInjected(kinds: readonly string[]): void {
    for (const kind of kinds) this.#faults.add(kind);
  }

  policyEvent(type: PolicyEventType): void {
    this.#policyEvents.add(type);
  }

  breakerOpened(): void {
    this.#breakerOpened++;
  }

  /** `count` requests were in flight over [fromMs, toMs): adds the part inside this window. */
  inFlightHeld(count: number, fromMs: number, toMs: number): void {
    const overlap = this.#overlapMs({ fromMs, toMs });
    if (overlap <= 0) return;
    this.#inFlightArea += count * overlap;
    if (count > this.#inFlightMax) this.#inFlightMax = count;
  }

  /** The in-flight count just rose to `count` at an instant inside this window (0 ms requests count too). */
  inFlightPeak(count: number): void {
    if (count > this.#inFlightMax) this.#inFlightMax = count;
  }

  /** Adds the part of an open span that falls inside this window. */
  breakerOpenSpan(span: OpenSpan): void {
    this.#breakerOpenMs += this.#overlapMs(span);
  }

  #overlapMs(span: OpenSpan): number {
    const from = Math.max(span.fromMs, this.range.fromMs);
    const to = Math.min(span.toMs, this.range.toMs ?? Number.POSITIVE_INFINITY);
    return Math.max(0, to - from);
  }

  /**
   * The window's figures at `endMs`. `stillOpen` is the breaker's open span not yet closed at the end.
   * With no requests, availability is 1 (nothing failed) and the other request ratios are 0.
   */
  figures(endMs: number, stillOpen?: OpenSpan, inFlightNow?: InFlightSince): WindowFigures {
    const windowMs = this.measuredMs(endMs);
    const total = this.#succeeded + this.#fellBack + this.#failed;
    const openMs = this.#breakerOpenMs + (stillOpen ? this.#overlapMs(stillOpen) : 0);
    const hits = this.#policyEvents.get('cache-hit');
    const misses = this.#policyEvents.get('cache-miss');
    const coalesced = this.#policyEvents.get('cache-coalesced');
    // Requests still in flight at the end held their count from the last change up to endMs.
    const tail = inFlightNow ? this.#overlapMs({ fromMs: inFlightNow.sinceMs, toMs: endMs }) : 0;
    const area = this.#inFlightArea + (inFlightNow ? inFlightNow.count * tail : 0);
    const max = Math.max(this.#inFlightMax, tail > 0 ? (inFlightNow?.count ?? 0) : 0);
    // A run shorter than the clock's resolution (every request took 0 ms) still had a rate: floor the span.
    const rateSpanMs = total > 0 ? Math.max(windowMs, CLOCK_RESOLUTION_MS) : windowMs;
    return {
      requests: {
        total,
        succeeded: this.#succeeded,
        fellBack: this.#fellBack,
        failed: this.#failed,
        failuresByCode: this.#failuresByCode.toSortedRecord(),
      },
      availability: ratio(this.#succeeded + this.#fellBack, total, 1),
      latency: this.#latency.summary(),
      inFlight: { mean: windowMs > 0 ? roundRatio(area / windowMs) : 0, max },
      backend: {
        calls: this.#backendCalls,
        reached: this.#backendReached,
        callsPerRequest: ratio(this.#backendCalls, total, 0),
        attemptsPerRequest: this.#attemptCounts(),
      },
      cache: {
        hits,
        misses,
        coalesced,
        lookups: hits + misses + coalesced,
        hitRatio: ratio(hits, hits + misses, 0),
      },
      breaker: {
        openTimeMs: roundMs(openMs),
        openRatio: ratio(openMs, windowMs, 0),
        opened: this.#breakerOpened,
      },
      throughput: rateSpanMs > 0 ? roundRatio(total / (rateSpanMs / 1_000)) : 0,
    };
  }

  #attemptCounts(): Record<string, number> {
    const out: Record<string, number> = {};
    this.#attempts.forEach((count, attempts) => {
      if (count > 0) out[attempts === MAX_LISTED_ATTEMPTS ? `${attempts}+` : String(attempts)] = count;
    });
    return out;
  }

  callsByBackend(): Record<string, number> {
    return this.#callsByBackend.toSortedRecord();
  }

  faultsByKind(): Record<string, number> {
    return this.#faults.toSortedRecord();
  }

  policyEventCounts(): Record<string, number> {
    return this.#policyEvents.toSortedRecord();
  }

  policyEventCount(type: PolicyEventType): number {
    return this.#policyEvents.get(type);
  }
}
