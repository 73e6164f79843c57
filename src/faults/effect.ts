import type { NetworkFailure } from './schema.ts';

/**
 * What the chaos layer does to one call, decided purely from (request, time, rng, fault state).
 * Several faults can combine: delays add up, the first failure wins.
 */
export interface FaultEffect {
  /** Added before the call (or before the failure is delivered). */
  readonly delayMs: number;
  readonly failure?: EffectFailure;
  /** Corrupt the response body after a successful call. */
  readonly corrupt?: 'truncated' | 'garbage' | 'empty';
  /** Kinds of the faults that fired, for metrics ("faults injected by kind"). */
  readonly injected: readonly string[];
}

export type EffectFailure =
  | { readonly type: 'status'; readonly status: number; readonly retryAfterMs?: number }
  | { readonly type: 'network'; readonly error: Exclude<NetworkFailure, 'hang'> }
  | { readonly type: 'hang' }
  | { readonly type: 'timeout'; readonly afterMs: number };

export const NO_EFFECT: FaultEffect = Object.freeze({ delayMs: 0, injected: Object.freeze([]) });
