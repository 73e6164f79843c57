import type { ErrorCode } from '../errors/codes.ts';
import { FaultlineError } from '../errors/faultline-error.ts';
import { didYouMean } from '../util/did-you-mean.ts';
import { METRIC_DEFINITIONS, type MetricUnit } from './metric-value.ts';
import { type Hypothesis, METRICS, type MetricName, OPERATORS, type Operator } from './schema.ts';

const SHAPE = '"<metric> <op> <value>[ms|s|%] [in <phase>]", e.g. "latency.p99 < 800ms in outage"';
const PATTERN =
  /^\s*(?<metric>[A-Za-z_][\w.]*)\s*(?<op>[<>=!]=?)\s*(?<value>[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)\s*(?<unit>ms|s|%)?(?:\s+in\s+(?<phase>\S.*?))?\s*$/i;

/** How a written unit converts to the metric's own unit, for the metric kinds that accept it. */
const UNIT_FACTORS: Record<string, { readonly fits: MetricUnit; readonly factor: number }> = {
  ms: { fits: 'ms', factor: 1 },
  s: { fits: 'ms', factor: 1_000 },
  '%': { fits: 'ratio', factor: 0.01 },
};

/**
 * Reads the shorthand people write for a hypothesis: "availability >= 0.99", "latency.p99 < 800ms",
 * "errorRate <= 1%", "cache.hitRatio > 0.5 in warm". Times come out in ms and percentages as ratios.
 */
export function parseHypothesis(text: string): Hypothesis {
  const match = PATTERN.exec(text);
  const groups = match?.groups;
  if (!groups?.metric || !groups.op || !groups.value) fail(text, 'HYPOTHESIS_SYNTAX', `expected ${SHAPE}`);
  const metric = readMetric(text, groups.metric);
  const op = readOperator(text, groups.op);
  const value = readValue(text, metric, Number(groups.value), groups.unit?.toLowerCase());
  return { metric, op, value, ...(groups.phase && { phase: groups.phase }) };
}

function readMetric(text: string, written: string): MetricName {
  const metric = METRICS.find((name) => name === written);
  if (metric) return metric;
  const hint = didYouMean(written, METRICS);
  fail(
    text,
    'HYPOTHESIS_UNKNOWN_METRIC',
    `unknown metric "${written}"${hint ? ` (did you mean "${hint}"?)` : ''}. Metrics: ${METRICS.join(', ')}`,
  );
}

function readOperator(text: string, written: string): Operator {
  const op = OPERATORS.find((candidate) => candidate === written);
  if (op) return op;
  const hint = written === '=' ? ' (did you mean "=="?)' : '';
  fail(text, 'HYPOTHESIS_SYNTAX', `unknown operator "${written}"${hint}. Operators: ${OPERATORS.join(' ')}`);
}

function readValue(text: string, metric: MetricName, number: number, unit: string | undefined): number {
  const kind = METRIC_DEFINITIONS[metric].unit;
  if (unit === undefined) {
    if (kind === 'ratio' && (number < 0 || number > 1)) {
      fail(text, 'HYPOTHESIS_UNIT', `${metric} is a ratio from 0 to 1: write ${number / 100} or ${number}%`);
    }
    return number;
  }
  const conversion = UNIT_FACTORS[unit];
  if (!conversion || conversion.fits !== kind) {
    const accepted = Object.keys(UNIT_FACTORS).filter((name) => UNIT_FACTORS[name]?.fits === kind);
    const advice = accepted.length > 0 ? `use ${accepted.join(' or ')}` : 'write a plain number';
    fail(text, 'HYPOTHESIS_UNIT', `"${unit}" does not fit ${metric} (${describe(kind)}): ${advice}`);
  }
  // toPrecision strips binary noise (0.3s → 300, not 300.00000000000006) so names and JSON stay clean.
  return Number((number * conversion.factor).toPrecision(12));
}

function describe(kind: MetricUnit): string {
  switch (kind) {
    case 'ratio':
      return 'a ratio from 0 to 1';
    case 'ms':
      return 'a time in ms';
    case 'count':
      return 'a count';
    case 'per-second':
      return 'requests per second';
  }
}

function fail(text: string, code: ErrorCode, problem: string): never {
  throw new FaultlineError(code, `Failed to read hypothesis "${text}": ${problem}.`);
}
