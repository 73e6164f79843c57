import type { FaultDecider, FaultOf } from '../decider.ts';

/** Lets the call through and corrupts its body; the first corruption chosen wins. */
export function malformedDecider(fault: FaultOf<'malformed'>): FaultDecider {
  return {
    addsDelay: false,
    apply(_nowMs, _rng, draft) {
      if (draft.corrupt !== undefined) return false;
      draft.corrupt = fault.mode;
      return true;
    },
  };
}
