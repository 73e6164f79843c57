import { buildPolicyStack } from '../../../src/policies/build-stack.ts';
import type { LawSubject } from '../../../src/testing/index.ts';

/** Declares a breaker and never trips it: every call goes to the backend, however many have failed. */
export const breakerNeverOpens: LawSubject = {
  name: 'breaker that never opens',
  createClient({ attempt, deps, scenario: { policies } }) {
    return buildPolicyStack({ ...policies, breaker: undefined }, attempt, deps);
  },
};
