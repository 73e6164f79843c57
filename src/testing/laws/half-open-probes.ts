import { type Transition, transitions } from './breaker-state.ts';
import { type Law, violation } from './law.ts';
import { formatMs, hasBulkheadQueue, lastActivityBefore } from './trace-queries.ts';

/** cockatiel's breaker, and so the built-in stack, sends exactly one probe per half-open state. */
export const HALF_OPEN_PROBES = 1;

/**
 * While a breaker is half-open, exactly one probe reaches its backend; callers arriving meanwhile,
 * including at the very instant it half-opened, wait for the probe's verdict. The probe is the first call
 * after breaker-half-open (or a bulkhead rejection or a timeout in the bulkhead queue, which also settle
 * it); any other call before the next
 * open or closed slipped through. As for breaker-blocks, a call the breaker admitted before the state began
 * and that waited in a bulkhead queue is not held against it.
 */
export const halfOpenProbesLaw: Law = {
  name: 'half-open-probes',
  statement: `a half-open breaker admits exactly ${HALF_OPEN_PROBES} probe; concurrent callers do not slip through`,
  notApplicable: (scenario) => (scenario.policies.breaker ? undefined : 'no breaker policy'),
  check(trace) {
    const changes = transitions(trace);
    const queued = hasBulkheadQueue(trace.scenario.policies);
    const single = trace.scenario.topology.type === 'single';
    for (const [index, state] of changes.entries()) {
      if (state.to !== 'half-open') continue;
      const endSeq = nextChange(changes, index, state)?.seq ?? trace.entries.length;
      const admitted: { call?: number; request?: number; at: number }[] = [];
      let timedOut = false;
      for (let seq = state.seq + 1; seq < endSeq; seq++) {
        const entry = trace.entries[seq];
        if (entry?.kind === 'call' && entry.role === 'stack' && entry.backend === state.backend) {
          const isProbe = admitted.length === 0;
          const waitedInQueue =
            queued &&
            entry.request !== undefined &&
            lastActivityBefore(trace, entry.request, seq) < state.seq;
          if (isProbe || !waitedInQueue)
            admitted.push({ call: entry.call, request: entry.request, at: entry.at });
        } else if (single && entry?.kind === 'event' && entry.event.type === 'bulkhead-rejected') {
          admitted.push({ request: entry.request, at: entry.at });
        } else if (entry?.kind === 'event' && entry.event.type === 'timeout') {
          timedOut = true;
        }
      }
      if (admitted.length === HALF_OPEN_PROBES) continue;
      const during = `while ${state.backend}'s breaker was half-open (from ${formatMs(state.at)})`;
      // A probe waiting in a full bulkhead can time out there before it ever makes a call.
      if (admitted.length === 0) {
        if (timedOut) continue;
        return violation(`no probe was admitted ${during}`);
      }
      const who = admitted
        .map(
          (a) =>
            `${a.call === undefined ? 'a rejected call' : `call ${a.call}`}${a.request === undefined ? '' : ` (request ${a.request})`} at ${formatMs(a.at)}`,
        )
        .join(', ');
      return violation(
        `${admitted.length} calls were admitted ${during}: ${who}; only ${HALF_OPEN_PROBES} probe may be`,
      );
    }
    return undefined;
  },
};

function nextChange(all: readonly Transition[], index: number, current: Transition): Transition | undefined {
  for (let i = index + 1; i < all.length; i++) if (all[i]?.backend === current.backend) return all[i];
  return undefined;
}
