import { type FaultDecider, type FaultOf, failWith } from '../decider.ts';
import { statusFailure } from '../failure.ts';

/** Answers with the status (and Retry-After) instead of calling the backend. */
export function errorDecider(fault: FaultOf<'error'>): FaultDecider {
  return failWith(statusFailure(fault.status, fault.retryAfter));
}
