import type { Scenario } from '../../scenario/schema.ts';
import { entriesOf } from '../trial/trace.ts';
import { type Law, violation } from './law.ts';
import { legsOf, maxAttemptsOf } from './trace-queries.ts';

/**
 * The most calls per request the policies themselves allow: maxAttempts on each backend of the topology,
 * plus one to a fallback backend. Declare a tighter bound (--max-amplification, or `maxAmplification` in
 * the API) to hold the stack to what a breaker should buy you under an outage.
 */
export function defaultAmplification(scenario: Scenario): number {
  const { fallback } = scenario.policies;
  return maxAttemptsOf(scenario.policies) * legsOf(scenario) + (fallback && 'backend' in fallback ? 1 : 0);
}

/** Retry amplification, backend calls ÷ requests over the whole trial, stays under the declared bound. */
export const amplificationLaw: Law = {
  name: 'amplification',
  statement: 'backend calls per request stay under the declared bound',
  notApplicable: () => undefined,
  check(trace, context) {
    const bound = context.maxAmplification ?? defaultAmplification(trace.scenario);
    const requests = entriesOf(trace, 'sent').length;
    if (requests === 0) return undefined;
    const calls = entriesOf(trace, 'call').length;
    const ratio = calls / requests;
    if (ratio <= bound) return undefined;
    return violation(
      `${calls} backend calls for ${requests} request${requests === 1 ? '' : 's'}: ${round(ratio)} per request, above the bound of ${bound}`,
    );
  },
};

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
