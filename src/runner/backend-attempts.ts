import type { Backend } from '../backend/contract.ts';
import { createAttempt } from '../client/attempt.ts';
import type { Clock } from '../clock/clock.ts';
import { type ChaosOptions, withChaos } from '../faults/chaos-backend.ts';
import type { FaultPlan } from '../faults/fault-plan.ts';
import type { AttemptFn } from '../policies/stack.ts';
import type { Rng } from '../rng/rng.ts';
import { type ArrivalIds, keyedDraws } from './call-draws.ts';

/**
 * One attempt function per backend, each behind the scenario's faults. Each backend draws its own
 * latency from `latency:<name>` and its faults from `faults:<name>`, so turning a fault on (or a cache,
 * which skips calls) leaves the backend's latency sequence as it was. With `arrivals`, each call draws
 * from a fork keyed by its request's arrival and attempt number, so a retry does not shift the draws of
 * the requests after it.
 */
export function backendAttempts(
  backends: ReadonlyMap<string, Backend>,
  plan: FaultPlan,
  clock: Clock,
  rng: Rng,
  hooks: (name: string) => ChaosOptions = () => ({}),
  arrivals?: ArrivalIds,
): (name: string) => AttemptFn {
  const attempts = new Map<string, AttemptFn>();
  for (const [name, backend] of backends) {
    // A backend that injects the faults itself (msw, nock) must not get them a second time.
    const chaos = backend.injectsFaults
      ? backend
      : withChaos(backend, name, plan, {
          ...hooks(name),
          rngFor: keyedDraws(rng.fork(`faults:${name}`), arrivals),
        });
    attempts.set(name, createAttempt(chaos, clock, keyedDraws(rng.fork(`latency:${name}`), arrivals)));
  }
  return (name) => {
    const attempt = attempts.get(name);
    if (!attempt) throw new Error(`unknown backend ${name}`);
    return attempt;
  };
}
