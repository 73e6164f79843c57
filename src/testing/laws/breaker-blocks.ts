import { callSpans } from '../trial/trace.ts';
import { stateBefore, transitions } from './breaker-state.ts';
import { type Law, violation } from './law.ts';
import { formatMs, hasBulkheadQueue, lastActivityBefore } from './trace-queries.ts';

/**
 * No call reaches a backend while its breaker is open (from breaker-open until breaker-half-open). The
 * breaker decides when a call passes it: with a bulkhead queue beneath it, a call the breaker let through
 * before it opened may still start from the queue, so a call whose request did nothing since before the
 * breaker opened is not held against it.
 */
export const breakerBlocksLaw: Law = {
  name: 'breaker-blocks',
  statement: 'no backend call starts while the breaker is open',
  notApplicable: (scenario) => (scenario.policies.breaker ? undefined : 'no breaker policy'),
  check(trace) {
    const changes = transitions(trace);
    if (changes.length === 0) return undefined;
    const queued = hasBulkheadQueue(trace.scenario.policies);
    for (const span of callSpans(trace)) {
      const { start } = span;
      if (start.role !== 'stack') continue;
      const state = stateBefore(changes, start.backend, span.seq);
      if (state?.to !== 'open') continue;
      if (
        queued &&
        start.request !== undefined &&
        lastActivityBefore(trace, start.request, span.seq) < state.seq
      ) {
        continue;
      }
      const halfOpenAfter = trace.scenario.policies.breaker?.halfOpenAfter ?? 0;
      return violation(
        `call ${start.call}${start.request === undefined ? '' : ` (request ${start.request})`} reached ${start.backend} at ${formatMs(start.at)} while its breaker was open (opened at ${formatMs(state.at)}, half-open after ${formatMs(halfOpenAfter)})`,
      );
    }
    return undefined;
  },
};
