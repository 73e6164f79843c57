import type { Scenario } from '../../scenario/schema.ts';
import { retryDelayBounds } from './backoff-bounds.ts';
import { type Law, violation } from './law.ts';
import { formatMs, maxAttemptsOf, requestLives } from './trace-queries.ts';

/** What the virtual clock may add per timed attempt: deadlines are armed on whole milliseconds. */
export const TIMEOUT_EPSILON_MS = 1;

/**
 * The longest a request may take when every attempt is bounded by `timeout.after` (+ epsilon): each of
 * maxAttempts attempts, doubled with a breaker (a caller arriving while it is half-open waits for the
 * probe, itself bounded, before its own attempt), plus the longest delay before each retry; one such
 * stack per backend of a failover, tried in turn. Cache hits, coalesced waits, breaker and bulkhead
 * rejections and fallback values only make a request shorter.
 */
export function latencyBound(scenario: Scenario): number | undefined {
  const { policies, topology } = scenario;
  const { timeout, retry, breaker } = policies;
  if (!timeout) return undefined;
  const attempts = maxAttemptsOf(policies);
  const perAttempt = (timeout.after + TIMEOUT_EPSILON_MS) * (breaker ? 2 : 1);
  let waits = 0;
  if (retry) for (let n = 1; n < attempts; n++) waits += retryDelayBounds(retry, n).max;
  const perStack = attempts * perAttempt + waits;
  return topology.type === 'failover' ? topology.order.length * perStack : perStack;
}

/** A timeout bounds what a client waits: no request lasts longer than latencyBound (virtual time). */
export const timeoutBoundsLaw: Law = {
  name: 'timeout-bounds',
  statement: 'with a timeout, no request takes longer than its attempts, retry delays and timeouts allow',
  notApplicable(scenario) {
    if (!scenario.policies.timeout) return 'no timeout policy';
    const { fallback } = scenario.policies;
    if (fallback && 'backend' in fallback) return 'a fallback backend call has no timeout of its own';
    return undefined;
  },
  check(trace) {
    const bound = latencyBound(trace.scenario);
    if (bound === undefined) return undefined;
    const after = trace.scenario.policies.timeout?.after ?? 0;
    for (const life of requestLives(trace).values()) {
      const answer = life.answers[0]?.entry;
      const waited = (answer?.at ?? trace.endMs) - life.sent.at;
      if (waited <= bound) continue;
      const what = answer ? `took ${formatMs(waited)}` : `was still waiting after ${formatMs(waited)}`;
      return violation(
        `request ${life.id} (sent at ${formatMs(life.sent.at)}) ${what}; with timeout.after ${formatMs(after)} it may take at most ${formatMs(bound)}`,
      );
    }
    return undefined;
  },
};
