import type { FaultDecider, FaultOf, PhaseWindow } from '../decider.ts';
import { toEffectFailure } from '../failure.ts';

/** From the phase start: `up` ms healthy, then `down` ms failing, over and over. */
export function flappingDecider(fault: FaultOf<'flapping'>, window: PhaseWindow): FaultDecider {
  const failure = toEffectFailure(fault.failure);
  const period = fault.up + fault.down;
  return {
    addsDelay: false,
    apply(nowMs, _rng, draft) {
      if (fault.down <= 0) return false;
      if ((nowMs - window.fromMs) % period < fault.up) return false;
      draft.failure = failure;
      return true;
    },
  };
}
