import { buildPolicyStack, loadThrough } from '../policies/build-stack.ts';
import type { PolicyEvent } from '../policies/events.ts';
import type { PoliciesConfig } from '../policies/schema.ts';
import type { AttemptFn, ResilientClient, StackDeps } from '../policies/stack.ts';
import type { Topology } from '../scenario/schema.ts';
import { failoverAttempt, type Leg } from '../topology/failover.ts';
import { fanOutAttempt } from '../topology/fan-out.ts';
import { loadBalancedAttempt } from '../topology/load-balanced.ts';
import { primaryOf } from './primary-backend.ts';

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
    const name = primaryOf(topology, backendNames);
    if (!name) throw new Error('scenario has no backend');
    return buildPolicyStack(policies, attemptOn(name), { ...deps, attemptOn });
  }
  if (topology.type === 'load-balanced') {
    // Retries sit above the balancer, so a retry picks a backend again; each backend has its own breaker.
    const { cache, fallback, retry, retryBudget, hedge, ...perBackend } = policies;
    const legs = topology.backends.map((name) => ({
      name,
      load: loadThrough(perBackend, attemptOn(name), legDeps(deps, name)),
    }));
    const balanced = loadBalancedAttempt(topology, legs, { ...deps, rng: deps.rng.fork('lb') });
    return buildPolicyStack({ cache, fallback, retry, retryBudget, hedge }, balanced, { ...deps, attemptOn });
  }
  const { cache, fallback, ...perBackend } = policies;
  const names = topology.type === 'failover' ? topology.order : topology.backends;
  const legs: Leg[] = names.map((name) => ({
    name,
    client: buildPolicyStack(perBackend, attemptOn(name), legDeps(deps, name)),
  }));
  const whole =
    topology.type === 'failover'
      ? failoverAttempt(legs)
      : fanOutAttempt(legs, topology.quorum, topology.merge);
  return buildPolicyStack({ cache, fallback }, whole, { ...deps, attemptOn });
}

/** A backend's own policies: their own random stream, and breaker events that name the backend. */
function legDeps(deps: StackDeps, name: string): StackDeps {
  return {
    ...deps,
    rng: deps.rng.fork(`leg:${name}`),
    events: { emit: (event) => deps.events.emit(tagBreakerEvent(event, name)) },
  };
}

/** Breaker state changes name their backend, so each leg's breaker gets its own timeline. */
function tagBreakerEvent(event: PolicyEvent, backend: string): PolicyEvent {
  switch (event.type) {
    case 'breaker-open':
    case 'breaker-half-open':
    case 'breaker-closed':
      return { ...event, backend };
    default:
      return event;
  }
}
