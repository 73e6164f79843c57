import { type FaultDecider, type FaultOf, failWith } from '../decider.ts';

/** Fails with ETIMEDOUT after `after`, as when an upstream gateway gives up. */
export function timeoutDecider(fault: FaultOf<'timeout'>): FaultDecider {
  return failWith(Object.freeze({ type: 'timeout', afterMs: fault.after }));
}
