import type { Backend } from '../backend/contract.ts';
import { createAttempt } from '../client/attempt.ts';
import type { Clock } from '../clock/clock.ts';
import { type ChaosOptions, withChaos } from '../faults/chaos-backend.ts';
import type { FaultPlan } from '../faults/fault-plan.ts';
import type { AttemptFn } from '../policies/stack.ts';
import type { Rng } from '../rng/rng.ts';

/**
 * One attempt function per backend, each behind the scenario's faults, with the random streams
 * `faultline run` uses (so `faultline check` trials meet the same faults as a run of the same scenario).
 */
export function backendAttempts(
  backends: ReadonlyMap<string, Backend>,
  plan: FaultPlan,
  clock: Clock,
  rng: Rng,
  hooks: (name: string) => ChaosOptions = () => ({}),
): (name: string) => AttemptFn {
  const attempts = new Map<string, AttemptFn>();
  for (const [name, backend] of backends) {
    // A backend that injects the faults itself (msw, nock) must not get them a second time.
    const chaos = backend.injectsFaults ? backend : withChaos(backend, name, plan, hooks(name));
    attempts.set(name, createAttempt(chaos, clock, rng.fork(`chaos:${name}`)));
  }
  return (name) => {
    const attempt = attempts.get(name);
    if (!attempt) throw new Error(`unknown backend ${name}`);
    return attempt;
  };
}
