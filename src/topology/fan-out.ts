import { CallError } from '../errors/call-errors.ts';
import type { AttemptFn } from '../policies/stack.ts';
import { aggregateFallacies, type FanOutMerge } from './aggregate-fallacies.ts';
import type { Leg } from './failover.ts';
import { mergeAnswers } from './merge-answers.ts';

/**
 * "Distributed analysis": every backend answers the same request in parallel; the request succeeds
 * when at least `quorum` answered, with their answers merged and the failed backends named. With a
 * `merge` strategy the answer also carries `aggregated_fallacies` (analysis routes only).
 */
export function fanOutAttempt(legs: readonly Leg[], quorum: number, merge?: FanOutMerge): AttemptFn {
  return async (request) => {
    const outcomes = await Promise.all(legs.map((leg) => leg.client.execute(request)));
    const answered: { name: string; value: unknown }[] = [];
    const failed: { name: string; code: string }[] = [];
    outcomes.forEach((outcome, i) => {
      const name = legs[i]?.name ?? String(i);
      if (outcome.kind === 'failed') failed.push({ name, code: outcome.code ?? 'UNKNOWN' });
      else answered.push({ name, value: outcome.value });
    });
    if (answered.length < quorum) {
      throw new CallError(
        'exhausted',
        'QUORUM_NOT_MET',
        `${answered.length} of ${legs.length} backends answered, quorum is ${quorum}`,
      );
    }
    const merged = mergeAnswers(answered, failed);
    const aggregated = merge ? aggregateFallacies(merge, answered) : undefined;
    return aggregated ? { ...(merged as object), aggregated_fallacies: aggregated } : merged;
  };
}
