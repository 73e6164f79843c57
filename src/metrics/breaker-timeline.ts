import type { BreakerTransition } from '../report/result.ts';
import { roundMs } from './rounding.ts';

export type BreakerState = BreakerTransition['to'];

/** A span of time the breaker spent open, [fromMs, toMs). */
export interface OpenSpan {
  readonly fromMs: number;
  readonly toMs: number;
}

/** What one transition changed, for the windows that account open time and openings. */
export interface TransitionEffect {
  /** The breaker went from not-open to open. */
  readonly opened: boolean;
  /** The open span this transition ended, when it left 'open'. */
  readonly endedSpan?: OpenSpan;
}

/**
 * Listing is capped so a pathological breaker (tiny halfOpenAfter, hour-long run) cannot grow memory
 * without bound; openings and open time stay exact beyond the cap.
 */
export const MAX_LISTED_TRANSITIONS = 10_000;

/**
 * The breaker's state over time, rebuilt from breaker-open / breaker-half-open / breaker-closed events.
 * Starts closed. Repeated events for the state it is already in are not transitions. Assumes one breaker
 * per run (events carry no breaker identity).
 *
 * cockatiel reports half-open lazily, at the first call after `halfOpenAfter`; the breaker became
 * half-open when that wait ended. Given the wait (on the open event), half-open is stamped then, so open
 * time counts exactly the wait, not the idle time until the next call.
 */
export class BreakerTimeline {
  #state: BreakerState = 'closed';
  #openSinceMs = 0;
  /** When the current open spell turns half-open, if the wait is known. */
  #halfOpenDueMs = Number.POSITIVE_INFINITY;
  readonly #transitions: BreakerTransition[] = [];

  /** The instant a transition really happened: a late half-open report is moved back to when it was due. */
  stampOf(atMs: number, to: BreakerState): number {
    return to === 'half-open' && this.#state === 'open' ? Math.min(atMs, this.#halfOpenDueMs) : atMs;
  }

  transition(reportedAtMs: number, to: BreakerState, halfOpenAfterMs?: number): TransitionEffect | undefined {
    if (to === this.#state) return undefined;
    const atMs = this.stampOf(reportedAtMs, to);
    const wasOpen = this.#state === 'open';
    const endedSpan = wasOpen
      ? { fromMs: this.#openSinceMs, toMs: Math.max(atMs, this.#openSinceMs) }
      : undefined;
    this.#state = to;
    if (to === 'open') {
      this.#openSinceMs = atMs;
      this.#halfOpenDueMs = halfOpenAfterMs === undefined ? Number.POSITIVE_INFINITY : atMs + halfOpenAfterMs;
    }
    if (this.#transitions.length < MAX_LISTED_TRANSITIONS)
      this.#transitions.push({ atMs: roundMs(atMs), to });
    return { opened: to === 'open', ...(endedSpan && { endedSpan }) };
  }

  /** The span still open at `endMs` (the breaker never closed before the window ended), if any. */
  openSpanAt(endMs: number): OpenSpan | undefined {
    if (this.#state !== 'open') return undefined;
    return {
      fromMs: this.#openSinceMs,
      toMs: Math.max(Math.min(endMs, this.#halfOpenDueMs), this.#openSinceMs),
    };
  }

  /** The transitions, plus the half-open a breaker still open reached before `endMs` with no call to see it. */
  transitions(endMs?: number): readonly BreakerTransition[] {
    const due = this.#halfOpenDueMs;
    const unseen = this.#state === 'open' && endMs !== undefined && due < endMs;
    if (!unseen || this.#transitions.length >= MAX_LISTED_TRANSITIONS) return this.#transitions;
    return [...this.#transitions, { atMs: roundMs(due), to: 'half-open' }];
  }
}
