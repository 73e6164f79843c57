import type { PolicyEvent } from '../../policies/events.ts';
import type { Retryable } from '../../policies/schema.ts';
import type { Outcome } from '../../policies/stack.ts';
import type { Scenario } from '../../scenario/schema.ts';

/** Who made a backend call: the policy stack itself, or the fallback calling its secondary backend. */
export type CallRole = 'stack' | 'fallback';

/** One thing that happened in a trial, in the order it happened; `at` is virtual time in ms. */
export type TraceEntry =
  | { readonly kind: 'sent'; readonly at: number; readonly request: number; readonly key: string }
  | {
      readonly kind: 'answered';
      readonly at: number;
      readonly request: number;
      readonly outcome: Outcome;
      /** The client broke its contract and threw instead of resolving an Outcome. */
      readonly threw?: true;
    }
  | {
      readonly kind: 'call';
      readonly at: number;
      readonly call: number;
      /** The request the call was made for; undefined when the client passed an object it made itself. */
      readonly request: number | undefined;
      readonly backend: string;
      readonly role: CallRole;
    }
  | {
      readonly kind: 'call-ended';
      readonly at: number;
      readonly call: number;
      readonly ok: boolean;
      /** errorCode() of the failure. */
      readonly code?: string;
      /** The failure categories (what retryOn/failOn name) the error falls in. */
      readonly categories?: readonly Retryable[];
      readonly value?: unknown;
    }
  | {
      readonly kind: 'event';
      readonly at: number;
      /** The request whose async chain emitted it; undefined for timer-driven events (a timeout firing). */
      readonly request: number | undefined;
      readonly event: PolicyEvent;
    };

/** How the simulated work ended: all done, waiting on nothing that will ever come, or out of time. */
export type TrialEnding = 'settled' | 'idle' | 'horizon';

/** Everything a law may look at: what ran, and what happened, in order. */
export interface Trace {
  readonly scenario: Scenario;
  readonly entries: readonly TraceEntry[];
  readonly ending: TrialEnding;
  readonly endMs: number;
  /** The backend the stack's own policies guard (the single backend, or the first of a topology). */
  readonly primary: string;
}

export type EntryOf<K extends TraceEntry['kind']> = Extract<TraceEntry, { kind: K }>;

/** Entries of one kind, each with its position in the trace (its place in the order of events). */
export function entriesOf<K extends TraceEntry['kind']>(
  trace: Trace,
  kind: K,
): { readonly seq: number; readonly entry: EntryOf<K> }[] {
  const found: { seq: number; entry: EntryOf<K> }[] = [];
  trace.entries.forEach((entry, seq) => {
    if (entry.kind === kind) found.push({ seq, entry: entry as EntryOf<K> });
  });
  return found;
}

/** A backend call with its end, when it ended. */
export interface CallSpan {
  readonly seq: number;
  readonly start: EntryOf<'call'>;
  readonly endSeq: number | undefined;
  readonly end: EntryOf<'call-ended'> | undefined;
}

export function callSpans(trace: Trace): CallSpan[] {
  const ends = new Map<number, { seq: number; entry: EntryOf<'call-ended'> }>();
  for (const ended of entriesOf(trace, 'call-ended')) ends.set(ended.entry.call, ended);
  return entriesOf(trace, 'call').map(({ seq, entry }) => {
    const end = ends.get(entry.call);
    return { seq, start: entry, endSeq: end?.seq, end: end?.entry };
  });
}

/** Policy events of one type, with their positions. */
export function eventsOf<T extends PolicyEvent['type']>(
  trace: Trace,
  type: T,
): {
  readonly seq: number;
  readonly at: number;
  readonly request: number | undefined;
  readonly event: Extract<PolicyEvent, { type: T }>;
}[] {
  return entriesOf(trace, 'event')
    .filter(({ entry }) => entry.event.type === type)
    .map(({ seq, entry }) => ({
      seq,
      at: entry.at,
      request: entry.request,
      event: entry.event as Extract<PolicyEvent, { type: T }>,
    }));
}
