import { type Law, violation } from './law.ts';
import { maxAttemptsOf, requestLives } from './trace-queries.ts';

/**
 * A request makes at most retry.maxAttempts calls to each backend (one without a retry), whatever fails
 * and however often. Calls the fallback makes to its secondary are the fallback law's business.
 */
export const maxAttemptsLaw: Law = {
  name: 'max-attempts',
  statement: 'a request makes at most retry.maxAttempts calls to each backend',
  notApplicable: () => undefined,
  check(trace) {
    const limit = maxAttemptsOf(trace.scenario.policies);
    for (const life of requestLives(trace).values()) {
      const perBackend = new Map<string, number>();
      for (const { start } of life.calls) {
        const made = (perBackend.get(start.backend) ?? 0) + 1;
        perBackend.set(start.backend, made);
        if (made > limit) {
          return violation(
            `request ${life.id} made ${made} calls to ${start.backend}; at most ${limit} ${limit === 1 ? 'is' : 'are'} allowed (${trace.scenario.policies.retry ? 'retry.maxAttempts' : 'no retry policy'})`,
          );
        }
      }
    }
    return undefined;
  },
};
