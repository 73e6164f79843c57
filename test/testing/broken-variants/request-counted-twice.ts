import { buildPolicyStack } from '../../../src/policies/build-stack.ts';
import type { LawSubject } from '../../../src/testing/index.ts';

/**
 * Puts every request through the stack twice, as a client that double-submits does, and answers with the
 * first: each request is served (and paid for) twice.
 */
export const requestCountedTwice: LawSubject = {
  name: 'request counted twice',
  createClient({ attempt, deps, scenario: { policies } }) {
    const inner = buildPolicyStack(policies, attempt, deps);
    return {
      execute(request) {
        const first = inner.execute(request);
        // The bug: the same request enters the stack a second time.
        void inner.execute(request);
        return first;
      },
    };
  },
};
