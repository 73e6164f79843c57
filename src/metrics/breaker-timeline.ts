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
 */
export class BreakerTimeline {
  #state: BreakerState = 'closed';
  #openSinceMs = 0;
  readonly #transitions: BreakerTransition[] = [];

  transition(atMs: number, to: BreakerState): TransitionEffect | undefined {
    if (to === this.#state) return undefined;
    const wasOpen = this.#state === 'open';
    const endedSpan = wasOpen
      ? { fromMs: this.#openSinceMs, toMs: Math.max(atMs, this.#openSinceMs) }
      : undefined;
    this.#state = to;
    if (to === 'open') this.#openSinceMs = atMs;
    if (this.#transitions.length < MAX_LISTED_TRANSITIONS)
      this.#transitions.push({ atMs: roundMs(atMs), to });
    return { opened: to === 'open', ...(endedSpan && { endedSpan }) };
  }

  /** The span still open at `endMs` (the breaker never closed before the window ended), if any. */
  openSpanAt(endMs: number): OpenSpan | undefined {
    if (this.#state !== 'open') return undefined;
    return { fromMs: this.#openSinceMs, toMs: Math.max(endMs, this.#openSinceMs) };
  }

  transitions(): readonly BreakerTransition[] {
    return this.#transitions;
  }
}
