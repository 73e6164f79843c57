import type { BackendRequest } from '../backend/contract.ts';
import type { Rng } from '../rng/rng.ts';
import type { FaultEffect } from './effect.ts';

/**
 * Decides, for one call at one instant, which faults apply. Pure apart from the state that some fault
 * kinds need by definition (fail-first counters, rate-limit buckets), which lives inside the plan.
 */
export interface FaultPlan {
  effectFor(request: BackendRequest, backendName: string, nowMs: number, rng: Rng): FaultEffect;
  /** Name of the phase active at `nowMs` (the last one started, when several overlap), if any. */
  phaseAt(nowMs: number): string | undefined;
}
