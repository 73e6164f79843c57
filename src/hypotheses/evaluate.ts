import { FaultlineError } from '../errors/faultline-error.ts';
import type { RecorderFigures } from '../metrics/figures.ts';
import type { HypothesisResult, WindowFigures } from '../report/result.ts';
import { didYouMean } from '../util/did-you-mean.ts';
import { compare } from './compare.ts';
import { metricValue } from './metric-value.ts';
import type { Hypothesis } from './schema.ts';

/** Checks each hypothesis against the whole run or the phase it names. */
export function evaluateHypotheses(
  list: readonly Hypothesis[],
  figures: RecorderFigures,
): HypothesisResult[] {
  return list.map((hypothesis) => {
    const name = hypothesisName(hypothesis);
    const window = windowOf(hypothesis, name, figures);
    const actual = metricValue(hypothesis.metric, window);
    // A verdict needs evidence: over a window without a single request, nothing held or failed.
    const noEvidence = window.requests.total === 0;
    return {
      name,
      metric: hypothesis.metric,
      op: hypothesis.op,
      value: hypothesis.value,
      ...(hypothesis.phase !== undefined && { phase: hypothesis.phase }),
      actual,
      pass: !noEvidence && compare(actual, hypothesis.op, hypothesis.value),
      ...(noEvidence && { noEvidence: true as const }),
    };
  });
}

/** The hypothesis's own name, or one written from it: "latency.p99 <= 800 (outage)". */
export function hypothesisName(hypothesis: Hypothesis): string {
  if (hypothesis.name) return hypothesis.name;
  const where = hypothesis.phase === undefined ? '' : ` (${hypothesis.phase})`;
  return `${hypothesis.metric} ${hypothesis.op} ${hypothesis.value}${where}`;
}

function windowOf(hypothesis: Hypothesis, name: string, figures: RecorderFigures): WindowFigures {
  if (hypothesis.phase === undefined) return figures;
  const phase = figures.phases.find((candidate) => candidate.name === hypothesis.phase);
  if (phase) return phase;
  const names = figures.phases.map((candidate) => candidate.name);
  const hint = didYouMean(hypothesis.phase, names);
  const known = names.length > 0 ? `Phases: ${names.join(', ')}.` : 'The scenario defines no phases.';
  throw new FaultlineError(
    'HYPOTHESIS_UNKNOWN_PHASE',
    `Failed to evaluate hypothesis "${name}": no phase named "${hypothesis.phase}"` +
      `${hint ? ` (did you mean "${hint}"?)` : ''}. ${known} Name one of them or drop \`phase\`.`,
  );
}
