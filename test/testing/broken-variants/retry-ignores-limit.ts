import { buildPolicyStack } from '../../../src/policies/build-stack.ts';
import type { LawSubject } from '../../../src/testing/index.ts';

/** Retries far past retry.maxAttempts: declares the scenario's limit, keeps trying up to 100 times. */
export const retryIgnoresLimit: LawSubject = {
  name: 'retry ignoring its limit',
  createClient({ attempt, deps, scenario: { policies } }) {
    const retry = policies.retry && { ...policies.retry, maxAttempts: 100 };
    return buildPolicyStack({ ...policies, retry }, attempt, deps);
  },
};
