/** Everything a policy does that a person may want counted or drawn on a timeline. */
export type PolicyEvent =
  | { readonly type: 'retry'; readonly attempt: number; readonly delayMs: number; readonly code: string }
  | { readonly type: 'give-up'; readonly code: string }
  /** Breaker state changes name their backend in multi-backend topologies (failover, fan-out). */
  /** halfOpenAfterMs: when the breaker will let a probe through, so its half-open time is exact. */
  | { readonly type: 'breaker-open'; readonly backend?: string; readonly halfOpenAfterMs?: number }
  | { readonly type: 'breaker-half-open'; readonly backend?: string }
  | { readonly type: 'breaker-closed'; readonly backend?: string }
  | { readonly type: 'breaker-rejected' }
  | { readonly type: 'timeout' }
  | { readonly type: 'bulkhead-rejected' }
  | { readonly type: 'fallback'; readonly code: string }
  | { readonly type: 'cache-hit' }
  | { readonly type: 'cache-miss' }
  | { readonly type: 'cache-coalesced' }
  | { readonly type: 'cache-stale' };

export type PolicyEventType = PolicyEvent['type'];

/** Where policies report; the runner stamps each event with the clock's time. */
export interface EventSink {
  emit(event: PolicyEvent): void;
}

export const NO_EVENTS: EventSink = { emit() {} };
