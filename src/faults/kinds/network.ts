import { type FaultDecider, type FaultOf, failWith } from '../decider.ts';
import { networkFailure } from '../failure.ts';

/** Reset, refused, DNS failure, or a connection that hangs until the caller gives up. */
export function networkDecider(fault: FaultOf<'network'>): FaultDecider {
  return failWith(networkFailure(fault.error));
}
