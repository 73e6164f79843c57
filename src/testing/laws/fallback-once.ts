import { eventsOf } from '../trial/trace.ts';
import { type Law, violation } from './law.ts';
import { formatMs, requestLives } from './trace-queries.ts';

/**
 * A fallback runs at most once per request: one fallback event and at most one call to a fallback
 * backend, however the failure came about (retries exhausted, breaker open, timeout, bulkhead full).
 */
export const fallbackOnceLaw: Law = {
  name: 'fallback-once',
  statement: 'a fallback runs at most once per request',
  notApplicable: (scenario) => (scenario.policies.fallback ? undefined : 'no fallback policy'),
  check(trace) {
    const runs = new Map<number, number[]>();
    for (const { request, at } of eventsOf(trace, 'fallback')) {
      if (request === undefined) continue;
      const times = runs.get(request) ?? [];
      times.push(at);
      runs.set(request, times);
      if (times.length > 1) {
        return violation(
          `request ${request} fell back ${times.length} times (at ${times.map(formatMs).join(', ')})`,
        );
      }
    }
    for (const life of requestLives(trace).values()) {
      if (life.fallbackCalls.length > 1) {
        return violation(`request ${life.id} called its fallback backend ${life.fallbackCalls.length} times`);
      }
    }
    return undefined;
  },
};
