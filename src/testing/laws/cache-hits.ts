import { eventsOf } from '../trial/trace.ts';
import { type Law, violation } from './law.ts';
import { formatMs, requestLives } from './trace-queries.ts';

/**
 * A cache hit makes no backend call and serves what a backend call for the same request returned with
 * success within the TTL: never a failure, never a fallback value, never something no call returned.
 * (With a fan-out topology the cached value is the merged answer, so only the first two are checked.)
 */
export const cacheHitsLaw: Law = {
  name: 'cache-hits',
  statement: 'a cache hit makes no backend call and serves a fresh success, never an error',
  notApplicable: (scenario) => (scenario.policies.cache ? undefined : 'no cache policy'),
  check(trace) {
    const { cache } = trace.scenario.policies;
    if (!cache) return undefined;
    const lives = requestLives(trace);
    const successes = successesByKey(lives);
    const checkValue = trace.scenario.topology.type !== 'fan-out';
    for (const hit of eventsOf(trace, 'cache-hit')) {
      const life = hit.request === undefined ? undefined : lives.get(hit.request);
      if (!life) continue;
      const who = `request ${life.id} hit the cache at ${formatMs(hit.at)}`;
      const call = life.calls[0] ?? life.fallbackCalls[0];
      if (call) return violation(`${who} but still called ${call.start.backend} (call ${call.start.call})`);
      const answer = life.answers[0]?.entry;
      if (!answer) continue;
      if (answer.outcome.kind !== 'succeeded') {
        return violation(
          `${who} and was answered ${answer.outcome.kind} (${answer.outcome.code}): a failure was cached`,
        );
      }
      if (!checkValue) continue;
      const fresh = (successes.get(life.sent.key) ?? []).some(
        (stored) =>
          stored.value === answer.outcome.value && stored.at <= hit.at && hit.at - stored.at < cache.ttl,
      );
      if (!fresh) {
        return violation(
          `${who} and was served a value no successful call for that request returned in the last ${formatMs(cache.ttl)} (ttl)`,
        );
      }
    }
    return undefined;
  },
};

/** Values of successful calls, by the cache key of the request they were made for. */
function successesByKey(lives: ReturnType<typeof requestLives>) {
  const byKey = new Map<string, { value: unknown; at: number }[]>();
  for (const life of lives.values()) {
    for (const span of life.calls) {
      if (!span.end?.ok) continue;
      const list = byKey.get(life.sent.key) ?? [];
      list.push({ value: span.end.value, at: span.end.at });
      byKey.set(life.sent.key, list);
    }
  }
  return byKey;
}
