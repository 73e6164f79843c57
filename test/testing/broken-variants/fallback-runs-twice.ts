import { buildPolicyStack } from '../../../src/policies/build-stack.ts';
import { createFallback } from '../../../src/policies/fallback.ts';
import type { LawSubject } from '../../../src/testing/index.ts';
import { failureOf } from './compose.ts';

/** Falls back, then falls back again (a retry of the fallback itself), answering with the second. */
export const fallbackRunsTwice: LawSubject = {
  name: 'fallback running twice',
  createClient({ attempt, deps, scenario: { policies } }) {
    const { fallback, cache: _cache, ...below } = policies;
    const inner = buildPolicyStack(below, attempt, deps);
    if (!fallback) return inner;
    const recover = createFallback(fallback, deps);
    return {
      async execute(request) {
        const outcome = await inner.execute(request);
        if (outcome.kind !== 'failed') return outcome;
        const error = failureOf(outcome.code);
        await recover(request, error);
        return recover(request, error);
      },
    };
  },
};
