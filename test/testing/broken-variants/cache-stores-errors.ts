import { buildPolicyStack } from '../../../src/policies/build-stack.ts';
import { cacheKey } from '../../../src/policies/cache-key.ts';
import type { Outcome } from '../../../src/policies/stack.ts';
import type { LawSubject } from '../../../src/testing/index.ts';

/** A cache that stores whatever outcome a request got, failures and fallbacks included, and serves it. */
export const cacheStoresErrors: LawSubject = {
  name: 'cache storing errors',
  createClient({ attempt, deps, scenario: { policies } }) {
    const { cache, ...below } = policies;
    const inner = buildPolicyStack(below, attempt, deps);
    const ttl = cache?.ttl ?? 0;
    const stored = new Map<string, { outcome: Outcome; at: number }>();
    return {
      async execute(request) {
        const key = cacheKey(request);
        const entry = stored.get(key);
        if (entry && deps.clock.now() - entry.at < ttl) {
          deps.events.emit({ type: 'cache-hit' });
          return entry.outcome;
        }
        deps.events.emit({ type: 'cache-miss' });
        const outcome = await inner.execute(request);
        // The bug: only a success may be stored.
        stored.set(key, { outcome, at: deps.clock.now() });
        return outcome;
      },
    };
  },
};
