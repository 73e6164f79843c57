import type { PolicyEvent } from '../policies/events.ts';

export type OutcomeKind = 'succeeded' | 'fell-back' | 'failed';

/** One client request, from arrival to its single outcome. */
export interface RequestRecord {
  readonly startedAtMs: number;
  readonly endedAtMs: number;
  readonly kind: OutcomeKind;
  /** Error code for failures, and for fallbacks the code of the failure that triggered it. */
  readonly code?: string;
}

/**
 * Receives everything that happens during a run. Implementations must stream (fixed memory whatever the
 * number of requests): counters, HDR histograms, bounded timelines.
 */
export interface MetricsRecorder {
  requestEnded(record: RequestRecord): void;
  /** A call left the policy stack towards `backend` (the cost); `reached` when the backend itself ran it. */
  backendCall(atMs: number, backend: string, reached: boolean): void;
  faultInjected(atMs: number, kinds: readonly string[]): void;
  policyEvent(atMs: number, event: PolicyEvent): void;
}
