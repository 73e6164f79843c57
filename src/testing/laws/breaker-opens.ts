import type { BreakerConfig } from '../../policies/schema.ts';
import { callSpans, type Trace } from '../trial/trace.ts';
import { stateBefore, transitions } from './breaker-state.ts';
import { type Law, violation } from './law.ts';
import { formatMs } from './trace-queries.ts';

/**
 * A consecutive breaker opens once `threshold` calls in a row have failed with a failure it counts
 * (failOn): by the instant the threshold-th failure ends, it must report open (or be probing, half-open).
 * The count follows calls in the order they end; calls ending at the same instant may reach the breaker
 * in any order, so an instant that mixes successes and failures is read as ending on a success (the
 * breaker's count is then at least the law's, and the law never blames a breaker that was not due).
 */
export const breakerOpensLaw: Law = {
  name: 'breaker-opens',
  statement: 'a consecutive breaker opens after `threshold` failures in a row',
  notApplicable(scenario) {
    const { breaker } = scenario.policies;
    if (!breaker) return 'no breaker policy';
    if (breaker.strategy.type !== 'consecutive')
      return `the ${breaker.strategy.type} strategy has no exact trip point`;
    return undefined;
  },
  check(trace) {
    const { breaker } = trace.scenario.policies;
    if (breaker?.strategy.type !== 'consecutive') return undefined;
    const changes = transitions(trace);
    for (const due of tripPoints(trace, breaker, breaker.strategy.threshold)) {
      const last = stateBefore(changes, due.backend, due.endOfInstant);
      if (last?.to === 'open' || last?.to === 'half-open') continue;
      const { threshold } = breaker.strategy;
      return violation(
        `${threshold} failed call${threshold === 1 ? '' : 's'} in a row to ${due.backend} by ${formatMs(due.at)} (threshold ${threshold}; the last was call ${due.call}), yet its breaker ${last ? `was ${last.to}` : 'never opened'}`,
      );
    }
    return undefined;
  },
};

interface TripPoint {
  readonly backend: string;
  readonly at: number;
  readonly call: number;
  /** Position just after the last entry at that instant. */
  readonly endOfInstant: number;
}

/** Instants at which a backend's run of counted failures reaches `threshold`, read conservatively. */
function tripPoints(trace: Trace, breaker: BreakerConfig, threshold: number): TripPoint[] {
  const failOn = new Set(breaker.failOn);
  const backendOf = new Map<number, string>();
  for (const { start } of callSpans(trace))
    if (start.role === 'stack') backendOf.set(start.call, start.backend);
  const runs = new Map<string, number>();
  const points: TripPoint[] = [];
  const { entries } = trace;
  let seq = 0;
  while (seq < entries.length) {
    const at = entries[seq]?.at ?? 0;
    let end = seq;
    while (end < entries.length && entries[end]?.at === at) end++;
    const groups = new Map<string, { failures: number; succeeded: boolean; lastFailedCall: number }>();
    for (let i = seq; i < end; i++) {
      const entry = entries[i];
      if (entry?.kind !== 'call-ended') continue;
      const backend = backendOf.get(entry.call);
      if (backend === undefined) continue;
      const group = groups.get(backend) ?? { failures: 0, succeeded: false, lastFailedCall: 0 };
      if (entry.ok) group.succeeded = true;
      else if (entry.categories?.some((category) => failOn.has(category))) {
        group.failures++;
        group.lastFailedCall = entry.call;
      }
      groups.set(backend, group);
    }
    for (const [backend, group] of groups) {
      const before = runs.get(backend) ?? 0;
      if (group.succeeded) {
        runs.set(backend, 0);
        continue;
      }
      const after = before + group.failures;
      runs.set(backend, after);
      if (before < threshold && after >= threshold) {
        points.push({ backend, at, call: group.lastFailedCall, endOfInstant: end });
      }
    }
    seq = end;
  }
  return points;
}
