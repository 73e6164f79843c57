import type { OutcomeKind } from '../../metrics/recorder.ts';
import { callSpans, type Trace } from '../trial/trace.ts';
import { type Law, type Violation, violation } from './law.ts';
import { formatMs, type RequestLife, requestLives } from './trace-queries.ts';

const KINDS: ReadonlySet<OutcomeKind> = new Set(['succeeded', 'fell-back', 'failed']);

/**
 * Every request is accounted for exactly once: one answer, of one valid kind (a failure or a fallback
 * names the code that caused it), and one chain of work: its calls to a backend never overlap (the
 * request is not being served twice at once) and none starts after it was answered. A request may stay
 * unanswered only when the trial ran out of time, or while a call it may be waiting on never ends (a hang
 * nothing cancels). Assumes backends honour their call's abort signal, as the built-in ones do.
 */
export const accountingLaw: Law = {
  name: 'accounting',
  statement: 'every request is answered exactly once, with one valid outcome, by one chain of work',
  notApplicable: () => undefined,
  check(trace) {
    const openCalls = callSpans(trace).filter((span) => span.end === undefined).length;
    for (const life of requestLives(trace).values()) {
      const problem = answerProblem(life, trace, openCalls) ?? overlapProblem(life);
      if (problem) return problem;
    }
    return undefined;
  },
};

function answerProblem(life: RequestLife, trace: Trace, openCalls: number): Violation | undefined {
  const { id, answers } = life;
  if (answers.length > 1) {
    const list = answers.map(({ entry }) => `${entry.outcome.kind} at ${formatMs(entry.at)}`).join(', then ');
    return violation(`request ${id} was answered ${answers.length} times: ${list}`);
  }
  const answer = answers[0]?.entry;
  if (!answer) {
    if (trace.ending === 'horizon' || openCalls > 0) return undefined;
    return violation(
      `request ${id} (sent at ${formatMs(life.sent.at)}) was never answered, though no call was left open and no timer was left to fire`,
    );
  }
  if (answer.threw)
    return violation(`request ${id}: the client threw (${answer.outcome.code}) instead of answering`);
  const { kind, code } = answer.outcome;
  if (!KINDS.has(kind)) return violation(`request ${id} ended as "${String(kind)}", which is not an outcome`);
  if (kind !== 'succeeded' && !code)
    return violation(`request ${id} ended ${kind} without the code that caused it`);
  return undefined;
}

function overlapProblem(life: RequestLife): Violation | undefined {
  const answeredAt = life.answers[0]?.seq;
  const openByBackend = new Map<string, number>();
  const byStart = [...life.calls, ...life.fallbackCalls].sort((a, b) => a.seq - b.seq);
  for (const span of byStart) {
    if (answeredAt !== undefined && span.seq > answeredAt) {
      return violation(
        `request ${life.id} was answered, then call ${span.start.call} to ${span.start.backend} started for it at ${formatMs(span.start.at)}`,
      );
    }
    const { backend } = span.start;
    const previous = openByBackend.get(backend);
    const earlier = previous === undefined ? undefined : byStart.find((s) => s.start.call === previous);
    if (earlier && (earlier.endSeq === undefined || earlier.endSeq > span.seq)) {
      return violation(
        `request ${life.id} was served twice at once: calls ${earlier.start.call} and ${span.start.call} to ${backend} overlap at ${formatMs(span.start.at)}`,
      );
    }
    openByBackend.set(backend, span.start.call);
  }
  return undefined;
}
