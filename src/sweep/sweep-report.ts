import type { Variant } from '../work/work-unit.ts';
import { type Candidate, paretoFrontier, type Recommendation, ranking, recommend } from './recommend.ts';
import { FIGURE_KEYS } from './run-figures.ts';
import type { RunRecord } from './run-record.ts';
import { type Spread, spreadOf } from './stats.ts';
import type { SweepPlan } from './sweep-plan.ts';

export const SWEEP_REPORT_VERSION = 1;

export type FigureKey = (typeof FIGURE_KEYS)[number];

export interface VariantSummary {
  readonly index: number;
  readonly variant: Variant;
  /** Seeds in which every hypothesis held (with evidence), and their share of the seeds run. */
  readonly held: number;
  readonly seeds: number;
  readonly passShare: number;
  /** Each hypothesis: in how many seeds it held. */
  readonly hypotheses: readonly { readonly name: string; readonly held: number }[];
  readonly figures: Readonly<Record<FigureKey, Spread>>;
  /** Money per request when every run was priced, else backend calls per request. */
  readonly cost: Spread;
  readonly onFrontier: boolean;
  readonly runs: readonly RunRecord[];
}

export interface SweepReport {
  readonly kind: 'sweep-report';
  readonly version: typeof SWEEP_REPORT_VERSION;
  readonly plan: SweepPlan;
  /** What `cost` measures: money per request (`USD/request`) when priced, else `calls/request`. */
  readonly costUnit: string;
  readonly variants: readonly VariantSummary[];
  /** Variant indices in the order reports list them (recommended first). */
  readonly ranking: readonly number[];
  readonly recommendation: Recommendation;
  /** False when runs are missing (an interrupted sweep): then there is no recommendation to trust. */
  readonly complete: boolean;
}

/**
 * The sweep's report from its plan and runs: a pure function of both, so a sweep merged from shards
 * gives the same bytes as the sweep run whole. Runs may come in any order.
 */
export function buildSweepReport(plan: SweepPlan, runs: readonly RunRecord[]): SweepReport {
  const byVariant = plan.variants.map(() => [] as RunRecord[]);
  for (const run of runs) byVariant[run.variant]?.push(run);
  for (const list of byVariant) list.sort((a, b) => a.seedIndex - b.seedIndex);
  const priced = runs.length > 0 && runs.every((run) => run.figures.costPerRequest !== undefined);
  const variants = byVariant.map((list, index) => summarise(plan, index, list, priced));
  const candidates: Candidate[] = variants
    .filter((v) => v.runs.length > 0)
    .map((v) => ({
      index: v.index,
      passShare: v.passShare,
      checksHeld: v.hypotheses.reduce((sum, h) => sum + h.held, 0),
      availability: v.figures.availability,
      p99: v.figures.p99,
      cost: v.cost,
    }));
  const frontier = paretoFrontier(candidates);
  return {
    kind: 'sweep-report',
    version: SWEEP_REPORT_VERSION,
    plan,
    costUnit: priced ? `${runs[0]?.figures.currency ?? 'money'}/request` : 'calls/request',
    variants: variants.map((v) => ({ ...v, onFrontier: frontier.has(v.index) })),
    ranking: ranking(candidates, plan.minPassShare),
    recommendation: recommend(candidates, plan.minPassShare),
    complete: runs.length === plan.variants.length * plan.seeds.length,
  };
}

function summarise(
  plan: SweepPlan,
  index: number,
  runs: readonly RunRecord[],
  priced: boolean,
): VariantSummary {
  const held = runs.filter((run) => run.held).length;
  const names = runs[0]?.hypotheses.map((h) => h.name) ?? [];
  const figures = Object.fromEntries(
    FIGURE_KEYS.map((key) => [key, spreadOf(runs.map((run) => run.figures[key]))]),
  ) as Record<FigureKey, Spread>;
  return {
    index,
    variant: plan.variants[index] as Variant,
    held,
    seeds: runs.length,
    passShare: runs.length > 0 ? Math.round((held / runs.length) * 1e6) / 1e6 : 0,
    hypotheses: names.map((name, at) => ({
      name,
      held: runs.filter((run) => run.hypotheses[at]?.pass === true && run.figures.requests > 0).length,
    })),
    figures,
    cost: spreadOf(
      runs.map((run) => (priced ? (run.figures.costPerRequest ?? 0) : run.figures.callsPerRequest)),
    ),
    onFrontier: false,
    runs,
  };
}
