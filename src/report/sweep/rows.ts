import type { Spread } from '../../sweep/stats.ts';
import type { SweepReport, VariantSummary } from '../../sweep/sweep-report.ts';
import { displayText, millis } from '../reporters/format.ts';

/** One variant as every sweep report shows it: the same words and numbers in console, markdown and HTML. */
export interface SweepRow {
  readonly rank: number;
  readonly index: number;
  readonly values: readonly string[];
  readonly held: string;
  readonly availability: string;
  readonly fallback: string;
  readonly p50: string;
  readonly p95: string;
  readonly p99: string;
  readonly cost: string;
  readonly retries: string;
  readonly breakerOpen: string;
  readonly marks: string;
}

/** Ratios with enough digits to tell 99.9% from 99.99%. */
const pct = (ratio: number) => `${(ratio * 100).toFixed(ratio >= 0.99 && ratio < 1 ? 3 : 2)}%`;
const interval = (spread: Spread, show: (n: number) => string) =>
  spread.low === spread.high
    ? show(spread.mean)
    : `${show(spread.mean)} [${show(spread.low)}, ${show(spread.high)}]`;
const cost = (n: number) =>
  Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 0.01 ? n.toFixed(3) : n.toPrecision(3);

export function sweepRows(report: SweepReport): SweepRow[] {
  const recommended = report.recommendation.found ? report.recommendation.variant : undefined;
  return report.ranking.map((index, at) => {
    const v = report.variants[index] as VariantSummary;
    const marks = [index === recommended ? 'recommended' : '', v.onFrontier ? 'frontier' : ''].filter(
      Boolean,
    );
    return {
      rank: at + 1,
      index,
      values: report.plan.dimensions.map((d) => displayText(String(v.variant[d.path]))),
      held: `${v.held}/${v.seeds}`,
      availability: interval(v.figures.availability, pct),
      fallback: pct(v.figures.fallbackShare.mean),
      p50: millis(v.figures.p50.mean),
      p95: millis(v.figures.p95.mean),
      p99: interval(v.figures.p99, millis),
      cost: interval(v.cost, cost),
      retries: v.figures.retries.mean.toFixed(0),
      breakerOpen: `${(v.figures.breakerOpenMs.mean / 1000).toFixed(1)}s`,
      marks: marks.join(', '),
    };
  });
}

export const ROW_HEAD = ['held', 'availability (95% CI)', 'fell back', 'p50', 'p95', 'p99 (95% CI)'] as const;

/** The column heads: rank, the swept paths, the figures. */
export function sweepHead(report: SweepReport): string[] {
  return [
    '#',
    ...report.plan.dimensions.map((d) => d.path),
    ...ROW_HEAD,
    `cost (${report.costUnit})`,
    'retries',
    'breaker open',
    '',
  ];
}

export function rowCells(row: SweepRow): string[] {
  return [
    String(row.rank),
    ...row.values,
    row.held,
    row.availability,
    row.fallback,
    row.p50,
    row.p95,
    row.p99,
    row.cost,
    row.retries,
    row.breakerOpen,
    row.marks,
  ];
}

/** The recommendation in one or two sentences. */
export function recommendationText(report: SweepReport): string {
  const name = (index: number) =>
    `#${report.ranking.indexOf(index) + 1} (${report.plan.dimensions.map((d) => `${d.path}=${displayText(String(report.variants[index]?.variant[d.path]))}`).join(', ')})`;
  const share = `${Math.round(report.plan.minPassShare * 100)}%`;
  const r = report.recommendation;
  if (!r.found) {
    return `No variant meets the hypotheses in ${share} of seeds. Closest: ${r.closest
      .map((i) => `${name(i)} held in ${report.variants[i]?.held}/${report.variants[i]?.seeds}`)
      .join('; ')}.`;
  }
  const best = report.variants[r.variant] as VariantSummary;
  const parts = [
    `Recommended: ${name(r.variant)}, the cheapest variant whose hypotheses held in at least ${share} of seeds (${best.held}/${best.seeds}); cost ${cost(best.cost.mean)} ${report.costUnit}.`,
  ];
  if (r.next) parts.push(`Next: ${name(r.next.variant)} costs ${cost(r.next.costDelta)} more.`);
  if (r.cheaper) {
    parts.push(
      `Cheaper by ${cost(-r.cheaper.costDelta)}: ${name(r.cheaper.variant)}, which held in only ${Math.round(r.cheaper.passShare * 100)}% of seeds.`,
    );
  }
  return parts.join(' ');
}

/** The sweep in one line: what was swept, on how many seeds, with or without common random numbers. */
export function planLine(report: SweepReport): string {
  const { plan } = report;
  const seeds =
    plan.seeds.length === 1 ? `seed ${plan.seeds[0]}` : `seeds ${plan.seeds[0]}..${plan.seeds.at(-1)}`;
  return `sweep of ${displayText(plan.scenario.name)} (${displayText(plan.scenario.file)}): ${plan.variants.length} variants (${plan.sampling}) × ${plan.seeds.length} ${seeds}, ${plan.crn ? 'common random numbers' : 'independent seeds per variant (--no-crn)'}${report.complete ? '' : ', INCOMPLETE'}`;
}
