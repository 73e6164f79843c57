import type { Rng } from '../rng/rng.ts';
import type { EffectFailure, FaultEffect } from './effect.ts';
import type { Fault, FaultKind } from './schema.ts';

export type FaultOf<K extends FaultKind> = Extract<Fault, { kind: K }>;

/** The span of the phase a fault belongs to; `toMs` is undefined when the phase runs to the end. */
export interface PhaseWindow {
  readonly fromMs: number;
  readonly toMs: number | undefined;
}

/** The effect of one call while its faults are decided; the plan reuses a single draft so calls allocate nothing. */
export interface EffectDraft {
  delayMs: number;
  failure: EffectFailure | undefined;
  corrupt: FaultEffect['corrupt'];
}

/**
 * One fault of one phase, compiled once with whatever state its kind needs (counters, buckets), so that
 * state is per phase and per fault by construction.
 */
export interface FaultDecider {
  /** A fault that cannot delay is skipped once an earlier fault failed the call: the call never reaches it. */
  readonly addsDelay: boolean;
  /** Applies the fault to a call that passed the phase, target, route and rate checks; true when it fired. */
  apply(nowMs: number, rng: Rng, draft: EffectDraft, backendName: string): boolean;
}

/** The decider of the kinds that fail every call they select, with a failure built once. */
export function failWith(failure: EffectFailure): FaultDecider {
  return {
    addsDelay: false,
    apply(_nowMs, _rng, draft) {
      draft.failure = failure;
      return true;
    },
  };
}
