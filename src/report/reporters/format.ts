import { METRIC_DEFINITIONS } from '../../hypotheses/metric-value.ts';
import { redact } from '../../logging/redact.ts';
import { escapeControlChars } from '../../util/control-chars.ts';
import type { HypothesisResult, RunResult } from '../result.ts';
import type { RunSummary, ScenarioOutcome } from './types.ts';

/** A user's string (a name, a file) as a report shows it: secrets replaced, control characters made visible. */
export const displayText = (text: string) => escapeControlChars(redact(text));

/** Number formats shared by every human-readable reporter, so all of them show the same figures. */
export const percent = (ratio: number, digits = 2) => `${(ratio * 100).toFixed(digits)}%`;

export const millis = (value: number) => (value === 0 ? '0ms' : `${value.toFixed(value < 10 ? 2 : 0)}ms`);

export const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)}s`;

/** A span of (simulated) time the way people say it: "450ms", "12.5s", "7m 12s", "2h 31m". */
export function humanDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${Number((ms / 1000).toFixed(1))}s`;
  const totalSeconds = Math.round(ms / 1000);
  if (totalSeconds < 3600) return joinUnits(Math.floor(totalSeconds / 60), 'm', totalSeconds % 60, 's');
  const totalMinutes = Math.round(totalSeconds / 60);
  return joinUnits(Math.floor(totalMinutes / 60), 'h', totalMinutes % 60, 'm');
}

const joinUnits = (big: number, bigUnit: string, small: number, smallUnit: string) =>
  small === 0 ? `${big}${bigUnit}` : `${big}${bigUnit} ${small}${smallUnit}`;

/** A hypothesis's measured value, in the metric's unit: ratios as percentages (never a bare "1"). */
export function formatActual(hypothesis: Pick<HypothesisResult, 'metric' | 'actual' | 'noEvidence'>): string {
  const { metric, actual } = hypothesis;
  if (hypothesis.noEvidence) return 'no evidence (0 requests)';
  switch (METRIC_DEFINITIONS[metric].unit) {
    case 'ms':
      return millis(actual);
    case 'ratio':
      return `${Number((actual * 100).toFixed(3))}%`;
    case 'per-second':
      return `${Number(actual.toFixed(2))}/s`;
    case 'count':
      return Number.isInteger(actual) ? String(actual) : String(Number(actual.toFixed(4)));
  }
}

/**
 * A latency figure of a window where fallbacks answered: their latency is the time until the fallback
 * fired (often 0 ms in simulation), so say that it is in there rather than show a bare, puzzling 0 ms.
 */
export function withFallbackNote(text: string, fellBack: number): string {
  return fellBack > 0 ? `${text} (incl. ${fellBack} fallback answer${fellBack === 1 ? '' : 's'})` : text;
}

/** What the hypothesis demanded: "availability >= 0.999 (outage)". */
export function formatExpectation(hypothesis: HypothesisResult): string {
  const where = hypothesis.phase === undefined ? '' : ` during ${displayText(hypothesis.phase)}`;
  return `${hypothesis.metric} ${hypothesis.op} ${hypothesis.value}${where}`;
}

export type Verdict = 'pass' | 'fail' | 'incomplete';

export function verdictOf(result: RunResult): Verdict {
  if (!result.complete) return 'incomplete';
  return result.verdict;
}

/** The command that reruns exactly this run, printed on failure the way fast-check prints its seed. */
export function reproduceCommand(outcome: ScenarioOutcome): string {
  const { result, plan } = outcome;
  const parts = ['npx faultline run', quoteArg(plan.file), `--seed ${result.seed}`];
  const duration = result.replay?.durationMs;
  if (duration !== undefined) parts.push(`--duration ${duration}ms`);
  if (result.replay?.realTime) parts.push('--real-time');
  const api = result.replay?.realBackend;
  if (api) {
    parts.push('--real-backend', `--api-url ${quoteArg(api.url)}`);
    if (api.apiKeyEnv !== undefined) parts.push(`--api-key-env ${quoteArg(api.apiKeyEnv)}`);
  }
  if (result.replay?.allowInsecureHttp) parts.push('--allow-insecure-http');
  return parts.join(' ');
}

function quoteArg(arg: string): string {
  return /^[\w./@:+-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

export interface Totals {
  readonly scenarios: number;
  readonly passed: number;
  readonly failed: number;
  readonly incomplete: number;
  readonly notRun: number;
  readonly hypotheses: number;
  readonly hypothesesFailed: number;
}

export function totalsOf(summary: RunSummary): Totals {
  const verdicts = summary.outcomes.map((o) => verdictOf(o.result));
  const hypotheses = summary.outcomes.flatMap((o) => o.result.hypotheses);
  return {
    scenarios: summary.outcomes.length + summary.notRun.length,
    passed: verdicts.filter((v) => v === 'pass').length,
    failed: verdicts.filter((v) => v === 'fail').length,
    incomplete: verdicts.filter((v) => v === 'incomplete').length,
    notRun: summary.notRun.length,
    hypotheses: hypotheses.length,
    hypothesesFailed: hypotheses.filter((h) => !h.pass).length,
  };
}

/** "12 passed, 1 failed, 2 not run (15)": the counts that are not zero. */
export function describeTotals(totals: Totals): string {
  const parts = [`${totals.passed} passed`];
  if (totals.failed) parts.push(`${totals.failed} failed`);
  if (totals.incomplete) parts.push(`${totals.incomplete} incomplete`);
  if (totals.notRun) parts.push(`${totals.notRun} not run`);
  return `${parts.join(', ')} (${totals.scenarios})`;
}
