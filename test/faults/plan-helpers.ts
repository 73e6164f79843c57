import type { BackendRequest } from '../../src/backend/contract.ts';
import { createFaultPlan } from '../../src/faults/create-fault-plan.ts';
import type { FaultEffect } from '../../src/faults/effect.ts';
import type { FaultPlan } from '../../src/faults/fault-plan.ts';
import { phaseSchema } from '../../src/faults/schema.ts';
import type { Rng } from '../../src/rng/rng.ts';

export type PhaseInput = Parameters<typeof phaseSchema.parse>[0];

/** Builds a plan from scenario-shaped input, so defaults (rate 1, failure 503) and durations apply as in a file. */
export function planOf(...phases: PhaseInput[]): FaultPlan {
  return createFaultPlan(phases.map((phase) => phaseSchema.parse(phase)));
}

/** A single phase from 0 without end holding the given faults. */
export function alwaysPlan(...faults: unknown[]): FaultPlan {
  return planOf({ name: 'always', from: 0, faults });
}

export function get(path = '/api/analyze'): BackendRequest {
  return { method: 'GET', path };
}

/** Effects of `times.length` calls to backend `backend`, one at each time. */
export function effectsAt(
  plan: FaultPlan,
  times: readonly number[],
  rng: Rng,
  backend = 'primary',
  request = get(),
): FaultEffect[] {
  return times.map((t) => plan.effectFor(request, backend, t, rng));
}

export function failed(effect: FaultEffect): boolean {
  return effect.failure !== undefined;
}

/** Half-width of a 4-sigma band for a binomial count. */
export function fourSigma(n: number, p: number): number {
  return 4 * Math.sqrt(n * p * (1 - p));
}
