import type { Trace } from '../trial/trace.ts';
import { breakerBackend } from './trace-queries.ts';

export type BreakerState = 'closed' | 'open' | 'half-open';

const STATE_OF: Readonly<Record<string, BreakerState>> = {
  'breaker-open': 'open',
  'breaker-half-open': 'half-open',
  'breaker-closed': 'closed',
};

/** A breaker state change as the client reported it, with its place in the trace. */
export interface Transition {
  readonly seq: number;
  readonly at: number;
  readonly backend: string;
  readonly to: BreakerState;
}

/** Every breaker state change in the trace, in order. */
export function transitions(trace: Trace): Transition[] {
  const found: Transition[] = [];
  trace.entries.forEach((entry, seq) => {
    if (entry.kind !== 'event') return;
    const to = STATE_OF[entry.event.type];
    if (!to) return;
    found.push({
      seq,
      at: entry.at,
      backend: breakerBackend(entry.event as { backend?: string }, trace),
      to,
    });
  });
  return found;
}

/** The reported state of `backend`'s breaker at each position: the last transition before it. */
export function stateBefore(
  all: readonly Transition[],
  backend: string,
  seq: number,
): Transition | undefined {
  let last: Transition | undefined;
  for (const t of all) {
    if (t.seq >= seq) break;
    if (t.backend === backend) last = t;
  }
  return last;
}
