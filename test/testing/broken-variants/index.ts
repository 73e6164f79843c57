import type * as fc from 'fast-check';
import type { PoliciesConfig } from '../../../src/policies/schema.ts';
import type { Scenario } from '../../../src/scenario/schema.ts';
import {
  type LawName,
  type LawSubject,
  type PolicyName,
  policiesArbitrary,
  scenarioArbitrary,
} from '../../../src/testing/index.ts';
import { breakerAdmitsEveryHalfOpenCaller } from './breaker-admits-every-half-open-caller.ts';
import { breakerNeverOpens } from './breaker-never-opens.ts';
import { cacheStoresErrors } from './cache-stores-errors.ts';
import { fallbackRunsTwice } from './fallback-runs-twice.ts';
import { requestCountedTwice } from './request-counted-twice.ts';
import { retryIgnoresLimit } from './retry-ignores-limit.ts';
import { timeoutNeverFires } from './timeout-never-fires.ts';

/** A deliberately broken client, the law that must catch it, and scenarios that have the policy it breaks. */
export interface BrokenVariant {
  readonly subject: LawSubject;
  readonly law: LawName;
  readonly scenarios: fc.Arbitrary<Scenario>;
}

const consecutiveBreaker = (policies: PoliciesConfig) => policies.breaker?.strategy.type === 'consecutive';

function scenariosWith(include: PolicyName[], keep: (policies: PoliciesConfig) => boolean = () => true) {
  return scenarioArbitrary({ policies: policiesArbitrary({ include }).filter(keep) });
}

export const BROKEN_VARIANTS: readonly BrokenVariant[] = [
  { subject: retryIgnoresLimit, law: 'max-attempts', scenarios: scenariosWith(['retry']) },
  {
    subject: breakerNeverOpens,
    law: 'breaker-opens',
    scenarios: scenariosWith(['breaker'], consecutiveBreaker),
  },
  {
    subject: breakerAdmitsEveryHalfOpenCaller,
    law: 'half-open-probes',
    scenarios: scenariosWith(['breaker'], consecutiveBreaker),
  },
  { subject: cacheStoresErrors, law: 'cache-hits', scenarios: scenariosWith(['cache']) },
  { subject: fallbackRunsTwice, law: 'fallback-once', scenarios: scenariosWith(['fallback']) },
  { subject: timeoutNeverFires, law: 'timeout-bounds', scenarios: scenariosWith(['timeout']) },
  { subject: requestCountedTwice, law: 'accounting', scenarios: scenariosWith([]) },
];
