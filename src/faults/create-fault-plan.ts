import type { BackendRequest } from '../backend/contract.ts';
import type { EffectDraft, FaultDecider, PhaseWindow } from './decider.ts';
import { type FaultEffect, NO_EFFECT } from './effect.ts';
import type { FaultPlan } from './fault-plan.ts';
import { createDecider } from './kinds/index.ts';
import { buildPhaseTimeline, type TimedPhase } from './phase-timeline.ts';
import type { Fault, FaultKind, Phase } from './schema.ts';

interface CompiledFault {
  readonly kind: FaultKind;
  readonly rate: number;
  readonly target: string | undefined;
  readonly routes: ReadonlySet<string> | undefined;
  readonly decider: FaultDecider;
}

/**
 * Compiles scenario phases into a plan. For each call, the faults of the active phases are tried in order:
 * target and route must match, then one `rng.chance(rate)` draw, then the kind's own draws. Delays add up;
 * the first failure wins, and faults that can only fail are not reached by a call already failed.
 */
export function createFaultPlan(phases: readonly Phase[]): FaultPlan {
  const timeline = buildPhaseTimeline(phases.map(compilePhase));
  // One draft reused for every call: deciding a call is synchronous, so nothing else can see it meanwhile.
  const draft: EffectDraft = { delayMs: 0, failure: undefined, corrupt: undefined };

  return {
    effectFor(request, backendName, nowMs, rng) {
      const faults = timeline.at(nowMs).items;
      if (faults.length === 0) return NO_EFFECT;
      draft.delayMs = 0;
      draft.failure = undefined;
      draft.corrupt = undefined;
      let injected: FaultKind[] | undefined;
      for (const fault of faults) {
        if (draft.failure !== undefined && !fault.decider.addsDelay) continue;
        if (fault.target !== undefined && fault.target !== backendName) continue;
        if (fault.routes !== undefined && !fault.routes.has(routeOf(request))) continue;
        if (!rng.chance(fault.rate)) continue;
        if (!fault.decider.apply(nowMs, rng, draft, backendName)) continue;
        if (injected === undefined) injected = [fault.kind];
        else injected.push(fault.kind);
      }
      return injected === undefined ? NO_EFFECT : toEffect(draft, injected);
    },
    phaseAt: (nowMs) => timeline.at(nowMs).phase,
  };
}

function compilePhase(phase: Phase): TimedPhase<CompiledFault> {
  const window: PhaseWindow = { fromMs: phase.from, toMs: phase.to };
  // A fault with rate 0 can never fire; dropping it here guarantees it never draws from the rng either.
  const items = phase.faults.filter((fault) => fault.rate > 0).map((fault) => compileFault(fault, window));
  return { name: phase.name, window, items };
}

function compileFault(fault: Fault, window: PhaseWindow): CompiledFault {
  return {
    kind: fault.kind,
    rate: fault.rate,
    target: fault.target,
    routes: fault.routes && new Set(fault.routes),
    decider: createDecider(fault, window),
  };
}

/** Routes are matched on the path without its query string. */
function routeOf(request: BackendRequest): string {
  const query = request.path.indexOf('?');
  return query < 0 ? request.path : request.path.slice(0, query);
}

function toEffect(draft: EffectDraft, injected: FaultKind[]): FaultEffect {
  const { delayMs, failure, corrupt } = draft;
  if (failure === undefined) return { delayMs, corrupt, injected };
  // A failed call has no body to corrupt: a malformed fault earlier in the list did not really inject.
  const kinds = corrupt === undefined ? injected : injected.filter((kind) => kind !== 'malformed');
  return { delayMs, failure, injected: kinds };
}
