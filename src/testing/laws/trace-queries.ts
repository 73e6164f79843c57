import type { PoliciesConfig } from '../../policies/schema.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { type CallSpan, callSpans, type EntryOf, entriesOf, type Trace } from '../trial/trace.ts';

/** A request from the moment it was sent, with every answer it got (a correct client gives exactly one). */
export interface RequestLife {
  readonly id: number;
  readonly sent: EntryOf<'sent'>;
  readonly sentSeq: number;
  readonly answers: { readonly seq: number; readonly entry: EntryOf<'answered'> }[];
  /** Calls the stack made for it, in order (the fallback's are in `fallbackCalls`). */
  readonly calls: CallSpan[];
  readonly fallbackCalls: CallSpan[];
}

export function requestLives(trace: Trace): Map<number, RequestLife> {
  const lives = new Map<number, RequestLife>();
  for (const { seq, entry } of entriesOf(trace, 'sent')) {
    lives.set(entry.request, {
      id: entry.request,
      sent: entry,
      sentSeq: seq,
      answers: [],
      calls: [],
      fallbackCalls: [],
    });
  }
  for (const answered of entriesOf(trace, 'answered'))
    lives.get(answered.entry.request)?.answers.push(answered);
  for (const span of callSpans(trace)) {
    const life = span.start.request === undefined ? undefined : lives.get(span.start.request);
    if (!life) continue;
    (span.start.role === 'fallback' ? life.fallbackCalls : life.calls).push(span);
  }
  return lives;
}

/** Attempts one request may make on one backend: retry's maxAttempts, or 1 without a retry. */
export function maxAttemptsOf(policies: PoliciesConfig): number {
  return policies.retry?.maxAttempts ?? 1;
}

/** Backends the stack's per-backend policies run in front of, one after another (failover) or at once. */
export function legsOf(scenario: Scenario): number {
  const { topology } = scenario;
  if (topology.type === 'failover') return topology.order.length;
  if (topology.type === 'fan-out') return topology.backends.length;
  return 1;
}

/** The backend a breaker state event belongs to: events of a single stack name none. */
export function breakerBackend(event: { readonly backend?: string }, trace: Trace): string {
  return event.backend ?? trace.primary;
}

/** "1.25 s" or "250 ms": virtual times and durations in messages. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  if (Math.abs(ms) >= 1000) return `${round(ms / 1000)} s`;
  return `${round(ms)} ms`;
}

/** Wall-clock time a check took: "0.28 s". */
export function formatWall(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** Whether a queue under the breaker can start calls the breaker admitted earlier (bulkhead with a queue). */
export function hasBulkheadQueue(policies: PoliciesConfig): boolean {
  return (policies.bulkhead?.queue ?? 0) > 0;
}

/**
 * The position of the last entry about `request` before position `before`: its sending, a call or call end,
 * or an event emitted on its behalf. A call whose request did nothing since before some moment may have
 * been admitted before it and waited in a bulkhead queue since.
 */
export function lastActivityBefore(trace: Trace, request: number, before: number): number {
  const callsOfRequest = new Set<number>();
  let last = -1;
  for (let seq = 0; seq < before; seq++) {
    const entry = trace.entries[seq];
    if (!entry) break;
    switch (entry.kind) {
      case 'sent':
      case 'answered':
      case 'event':
        if (entry.request === request) last = seq;
        break;
      case 'call':
        if (entry.request === request) {
          callsOfRequest.add(entry.call);
          last = seq;
        }
        break;
      case 'call-ended':
        if (callsOfRequest.has(entry.call)) last = seq;
        break;
    }
  }
  return last;
}
