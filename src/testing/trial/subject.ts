import { buildPolicyStack } from '../../policies/build-stack.ts';
import type { AttemptFn, ResilientClient, StackDeps } from '../../policies/stack.ts';
import { buildClient } from '../../runner/build-client.ts';
import type { Scenario } from '../../scenario/schema.ts';

/** What a trial hands the client under test. Every call through these is traced. */
export interface TrialWiring {
  /** One attempt on the backend the client guards (the scenario's single or first backend). */
  readonly attempt: AttemptFn;
  /** One attempt on any backend of the scenario, counted as the client's own calls (topologies). */
  readonly attemptOn: (backend: string) => AttemptFn;
  /** The run's clock, a policy rng, the event sink laws read, and `attemptOn` for a fallback backend. */
  readonly deps: StackDeps;
  /** The trial's scenario; its `policies` are what the client claims to apply, and the laws hold it to them. */
  readonly scenario: Scenario;
}

/**
 * What the laws check: a factory for a fresh client per trial. The built-in stack is one; wrap your own
 * client the same way to hold it to the laws. Laws about breaker, cache and fallback also read the
 * PolicyEvents the client emits on `deps.events` (breaker-open, cache-hit, fallback...).
 */
export interface LawSubject {
  readonly name: string;
  createClient(wiring: TrialWiring): ResilientClient;
}

/** faultline's own policy stack, wired for the scenario's topology exactly as `faultline run` wires it. */
export const builtInStack: LawSubject = {
  name: 'built-in policy stack',
  createClient({ attempt, attemptOn, deps, scenario }) {
    const { topology, policies } = scenario;
    if (topology.type === 'single') {
      // deps.attemptOn stays the fallback's, so its secondary calls are traced apart from the stack's.
      return buildPolicyStack(policies, attempt, deps);
    }
    return buildClient(topology, policies, Object.keys(scenario.backends), attemptOn, deps);
  },
};
