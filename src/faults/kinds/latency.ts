import type { FaultDecider, FaultOf } from '../decider.ts';
import { sampleLatency } from '../latency.ts';

/** Adds a sampled delay; several latency faults that fire on one call add up. */
export function latencyDecider(fault: FaultOf<'latency'>): FaultDecider {
  return {
    addsDelay: true,
    apply(_nowMs, rng, draft) {
      draft.delayMs += sampleLatency(fault.distribution, rng);
      return true;
    },
  };
}
