import { buildPolicyStack } from '../../../src/policies/build-stack.ts';
import type { LawSubject } from '../../../src/testing/index.ts';

/** Declares a timeout and never applies it: a slow or hung call holds its caller as long as it likes. */
export const timeoutNeverFires: LawSubject = {
  name: 'timeout that never fires',
  createClient({ attempt, deps, scenario: { policies } }) {
    return buildPolicyStack({ ...policies, timeout: undefined }, attempt, deps);
  },
};
