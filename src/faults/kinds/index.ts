import type { FaultDecider, FaultOf, PhaseWindow } from '../decider.ts';
import type { Fault, FaultKind } from '../schema.ts';
import { degradationDecider } from './degradation.ts';
import { errorDecider } from './error.ts';
import { failFirstDecider } from './fail-first.ts';
import { flappingDecider } from './flapping.ts';
import { latencyDecider } from './latency.ts';
import { malformedDecider } from './malformed.ts';
import { networkDecider } from './network.ts';
import { rateLimitDecider } from './rate-limit.ts';
import { timeoutDecider } from './timeout.ts';

type DeciderFactory<K extends FaultKind> = (fault: FaultOf<K>, window: PhaseWindow) => FaultDecider;

/** Every fault kind has exactly one decider; adding a kind to the schema fails to compile until it has one. */
const DECIDERS: { readonly [K in FaultKind]: DeciderFactory<K> } = {
  latency: latencyDecider,
  error: errorDecider,
  network: networkDecider,
  timeout: timeoutDecider,
  malformed: malformedDecider,
  'fail-first': failFirstDecider,
  flapping: flappingDecider,
  degradation: degradationDecider,
  'rate-limit': rateLimitDecider,
};

export function createDecider(fault: Fault, window: PhaseWindow): FaultDecider {
  // TypeScript cannot correlate the kind with the factory's parameter; the mapped type above guarantees it.
  const factory = DECIDERS[fault.kind] as DeciderFactory<FaultKind>;
  return factory(fault, window);
}
