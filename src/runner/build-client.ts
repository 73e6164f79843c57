import { buildPolicyStack } from '../policies/build-stack.ts';
import type { PolicyEvent } from '../policies/events.ts';
import type { PoliciesConfig } from '../policies/schema.ts';
import type { AttemptFn, ResilientClient, StackDeps } from '../policies/stack.ts';
import type { Topology } from '../scenario/schema.ts';
import { failoverAttempt, type Leg } from '../topology/failover.ts';
import { fanOutAttempt } from '../topology/fan-out.ts';

const BREAKER_STATE_EVENTS = new Set<PolicyEvent['type']>([
  'breaker-open',
  'breaker-half-open',
  'breaker-closed',
]);

/**
 * Wires the topology: a single backend gets the whole stack; failover and fan-out give each backend
 * its own retry/breaker/timeout/bulkhead and keep cache and fallback around the whole.
 */
export function buildClient(
  topology: Topology,
  policies: PoliciesConfig,
  backendNames: readonly string[],
  attemptOn: (name: string) => AttemptFn,
  deps: StackDeps,
): ResilientClient {
  if (topology.type === 'single') {
    const name = topology.backend ?? backendNames[0];
    if (!name) throw new Error('scenario has no backend');
    return buildPolicyStack(policies, attemptOn(name), { ...deps, attemptOn });
  }
  const { cache, fallback, ...perBackend } = policies;
  const names = topology.type === 'failover' ? topology.order : topology.backends;
  const legs: Leg[] = names.map((name, index) => ({
    name,
    client: buildPolicyStack(perBackend, attemptOn(name), {
      ...deps,
      rng: deps.rng.fork(`leg:${name}`),
      // The result's breaker timeline follows the first backend's breaker; the others' transitions stay out of it.
      events:
        index === 0
          ? deps.events
          : { emit: (e: PolicyEvent) => BREAKER_STATE_EVENTS.has(e.type) || deps.events.emit(e) },
    }),
  }));
  const whole = topology.type === 'failover' ? failoverAttempt(legs) : fanOutAttempt(legs, topology.quorum);
  return buildPolicyStack({ cache, fallback }, whole, { ...deps, attemptOn });
}
