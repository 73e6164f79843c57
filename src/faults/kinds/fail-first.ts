import type { FaultDecider, FaultOf } from '../decider.ts';
import { toEffectFailure } from '../failure.ts';

/** The first `count` calls that reach this fault in its phase fail; later ones pass. */
export function failFirstDecider(fault: FaultOf<'fail-first'>): FaultDecider {
  const failure = toEffectFailure(fault.failure);
  let failed = 0;
  return {
    addsDelay: false,
    apply(_nowMs, _rng, draft) {
      if (failed >= fault.count) return false;
      failed++;
      draft.failure = failure;
      return true;
    },
  };
}
