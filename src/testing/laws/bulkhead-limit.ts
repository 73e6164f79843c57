import type { Trace } from '../trial/trace.ts';
import { type Law, violation } from './law.ts';
import { formatMs } from './trace-queries.ts';

/**
 * A bulkhead never has more than `limit` calls in flight to its backend, and gives a slot back when a
 * call ends, aborted or not: it may turn a caller away only while all `limit` slots are busy. Slots are
 * judged over the whole instant of a rejection, since a call that ends at that instant may hand its slot
 * back a moment after the trace saw it end.
 */
export const bulkheadLimitLaw: Law = {
  name: 'bulkhead-limit',
  statement: 'a bulkhead never exceeds its limit and frees its slots when calls end or abort',
  notApplicable: (scenario) => (scenario.policies.bulkhead ? undefined : 'no bulkhead policy'),
  check(trace) {
    const limit = trace.scenario.policies.bulkhead?.limit;
    if (limit === undefined) return undefined;
    const inFlight = new Map<string, number>();
    const backendOfCall = new Map<number, string>();
    // Most calls in flight to the primary since the current instant began (rejections are not per backend).
    let busiestThisInstant = 0;
    let instant = Number.NaN;
    for (const entry of trace.entries) {
      if (entry.at !== instant) {
        instant = entry.at;
        busiestThisInstant = inFlight.get(trace.primary) ?? 0;
      }
      if (entry.kind === 'call' && entry.role === 'stack') {
        const busy = (inFlight.get(entry.backend) ?? 0) + 1;
        inFlight.set(entry.backend, busy);
        backendOfCall.set(entry.call, entry.backend);
        if (entry.backend === trace.primary) busiestThisInstant = Math.max(busiestThisInstant, busy);
        if (busy > limit) {
          return violation(
            `${busy} calls were in flight to ${entry.backend} at ${formatMs(entry.at)}; the limit is ${limit}`,
          );
        }
      } else if (entry.kind === 'call-ended') {
        const backend = backendOfCall.get(entry.call);
        if (backend !== undefined) inFlight.set(backend, (inFlight.get(backend) ?? 0) - 1);
      } else if (isSingleRejection(entry, trace) && busiestThisInstant < limit) {
        return violation(
          `a caller was turned away at ${formatMs(entry.at)} while only ${busiestThisInstant} of ${limit} slots were busy: a slot was not given back`,
        );
      }
    }
    return undefined;
  },
};

/** A bulkhead rejection we can tie to a backend: only a single stack's (topologies' legs do not say which). */
function isSingleRejection(entry: Trace['entries'][number], trace: Trace): boolean {
  return (
    trace.scenario.topology.type === 'single' &&
    entry.kind === 'event' &&
    entry.event.type === 'bulkhead-rejected'
  );
}
