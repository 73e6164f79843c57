import type { Clock } from '../clock/clock.ts';
import type { EventSink } from '../policies/events.ts';
import type { Load } from '../policies/outcome.ts';
import type { AttemptFn } from '../policies/stack.ts';
import type { Rng } from '../rng/rng.ts';
import type { LoadBalancedTopology } from './load-balanced-schema.ts';
import { OutlierEjection } from './outlier-ejection.ts';
import { createPicker } from './pickers.ts';

export interface BalancedLeg {
  readonly name: string;
  /** The backend behind its own breaker, timeout and bulkhead; throws the failure as the policies see it. */
  readonly load: Load;
}

export interface BalancerDeps {
  readonly clock: Clock;
  readonly rng: Rng;
  readonly events: EventSink;
}

/**
 * One attempt goes to one backend, chosen by the strategy among those not ejected (all of them when
 * every one is ejected: Envoy's panic mode, better some traffic than none). A retry above is a new
 * attempt and picks again, so it may land elsewhere. The failure thrown is the backend's own, so the
 * retry and the breaker classify it as they would with a single backend.
 */
export function loadBalancedAttempt(
  topology: LoadBalancedTopology,
  legs: readonly BalancedLeg[],
  deps: BalancerDeps,
): AttemptFn {
  const names = legs.map((leg) => leg.name);
  const weights = names.map((name) => topology.weights?.[name] ?? 1);
  const pick = createPicker(topology.strategy, weights, deps.rng);
  const ejection = new OutlierEjection(names, topology.outlierEjection, deps.clock, deps.events);
  const outstanding = names.map(() => 0);
  const pool = {
    size: legs.length,
    available: (index: number) => !ejection.isEjected(index),
    outstanding: (index: number) => outstanding[index] ?? 0,
  };
  const panicPool = { ...pool, available: () => true };
  let ejectedAll = () => names.every((_, i) => ejection.isEjected(i));
  if (!topology.outlierEjection) ejectedAll = () => false;

  return async (request) => {
    const index = pick(ejectedAll() ? panicPool : pool);
    const leg = legs[index];
    if (!leg) throw new Error(`load balancer picked backend #${index} of ${legs.length}`);
    outstanding[index] = (outstanding[index] ?? 0) + 1;
    try {
      const value = await leg.load(request);
      ejection.succeeded(index);
      return value;
    } catch (error) {
      ejection.failed(index, error);
      throw error;
    } finally {
      outstanding[index] = (outstanding[index] ?? 1) - 1;
    }
  };
}
