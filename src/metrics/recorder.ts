import type { PolicyEvent } from '../policies/events.ts';

export type OutcomeKind = 'succeeded' | 'fell-back' | 'failed';

/** One client request, from arrival to its single outcome. */
export interface RequestRecord {
  readonly startedAtMs: number;
  readonly endedAtMs: number;
  readonly kind: OutcomeKind;
  /** Error code for failures, and for fallbacks the code of the failure that triggered it. */
  readonly code?: string;
  /** Backend calls the request made before it ended (absent: not counted, e.g. never sent). */
  readonly attempts?: number;
  /** Refused before it was ever in flight (an open workload over maxInFlight): no requestStarted for it. */
  readonly turnedAway?: boolean;
}

/**
 * Receives everything that happens during a run. Implementations must stream (fixed memory whatever the
 * number of requests): counters, HDR histograms, bounded timelines.
 */
export interface MetricsRecorder {
  /** A request went in flight (for the in-flight figures); its requestEnded follows. */
  requestStarted(atMs: number): void;
  requestEnded(record: RequestRecord): void;
  /** A call left the policy stack towards `backend`: the cost a policy pays, reached or not. */
  backendCall(atMs: number, backend: string): void;
  /** That call got past the injected faults and the backend itself ran it. */
  backendReached(atMs: number, backend: string): void;
  faultInjected(atMs: number, kinds: readonly string[]): void;
  policyEvent(atMs: number, event: PolicyEvent): void;
}
