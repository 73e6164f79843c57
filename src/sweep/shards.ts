import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { FaultlineError } from '../errors/faultline-error.ts';
import { FAULTLINE_VERSION } from '../runner/version.ts';
import { unitId } from '../work/work-unit.ts';
import type { RunRecord } from './run-record.ts';
import { type PlannedRun, planId, plannedRuns, type SweepPlan } from './sweep-plan.ts';
import { buildSweepReport, type SweepReport } from './sweep-report.ts';

/**
 * What a sharded sweep writes: its shard's runs, with the whole plan and a manifest `faultline merge`
 * reads. The manifest has the fields every kind of shard shares on main (src/work/shard-manifest.ts:
 * faultline, shard, units, ran, complete, wallMs, suite.settings, suite.units with ids), plus planId.
 */
export interface SweepShardFile {
  readonly manifest: {
    readonly kind: 'sweep';
    readonly faultline: string;
    readonly planId: string;
    readonly shard: { readonly index: number; readonly count: number };
    /** Runs of the whole sweep, over every shard. */
    readonly totalRuns: number;
    /** This shard's runs: position in the sweep's planned runs, and that run's unit id. */
    readonly units: readonly { readonly at: number; readonly id: string }[];
    readonly ran: readonly { readonly at: number; readonly wallMs: number }[];
    readonly complete: boolean;
    readonly wallMs: number;
    readonly suite: {
      readonly settings: { readonly planId: string };
      readonly units: readonly {
        readonly id: string;
        readonly variant: number;
        readonly seedIndex: number;
      }[];
    };
  };
  readonly plan: SweepPlan;
  readonly runs: readonly RunRecord[];
}

export interface ShardRunInfo {
  /** The planned runs this shard was given (selectShard of plannedRuns). */
  readonly selected: readonly PlannedRun[];
  /** Wall ms of each run, by its position in `selected`. */
  readonly wallMs: readonly number[];
  readonly totalWallMs: number;
}

export function sweepShardFile(
  plan: SweepPlan,
  shard: { index: number; count: number },
  runs: readonly RunRecord[],
  info?: ShardRunInfo,
): SweepShardFile {
  const all = plannedRuns(plan);
  const idOf = (run: PlannedRun) =>
    unitId({
      scenarioSha256: plan.scenario.scenarioSha256,
      seed: run.seed,
      variant: plan.variants[run.variant] ?? {},
    });
  const at = (run: PlannedRun) => run.variant * plan.seeds.length + run.seedIndex;
  const selected = info?.selected ?? runs;
  return {
    manifest: {
      kind: 'sweep',
      faultline: FAULTLINE_VERSION,
      planId: planId(plan),
      shard,
      totalRuns: all.length,
      units: selected.map((run) => ({ at: at(run), id: idOf(run) })),
      ran: runs.map((run, i) => ({ at: at(run), wallMs: Math.round(info?.wallMs[i] ?? 0) })),
      complete: runs.length === selected.length,
      wallMs: Math.round(info?.totalWallMs ?? 0),
      suite: {
        settings: { planId: planId(plan) },
        units: all.map((run) => ({ id: idOf(run), variant: run.variant, seedIndex: run.seedIndex })),
      },
    },
    plan,
    runs,
  };
}

/** The shape checked on read; plan and runs are then checked against the manifest, not trusted. */
const shardFileSchema = z.object({
  manifest: z.object({
    kind: z.literal('sweep'),
    planId: z.string(),
    shard: z.object({ index: z.number().int().min(1), count: z.number().int().min(1) }),
    totalRuns: z.number().int().min(0),
  }),
  plan: z.object({ variants: z.array(z.unknown()), seeds: z.array(z.number()) }).loose(),
  runs: z.array(z.object({ variant: z.number().int().min(0), seedIndex: z.number().int().min(0) }).loose()),
});

/**
 * The full sweep report rebuilt from the partial files of a sharded sweep: refused unless they are all
 * the shards of one plan, each once, holding every run exactly once. Equal to the unsharded report.
 */
export async function mergeSweepShards(files: readonly string[]): Promise<SweepReport> {
  const shards: SweepShardFile[] = [];
  for (const file of files) shards.push(await readShard(file));
  const first = shards[0];
  if (!first) throw mergeError('no shard files given; pass every sweep-shard-*.json of the sweep');
  const { count } = first.manifest.shard;
  const seen = new Set<number>();
  for (const [i, shard] of shards.entries()) {
    const file = files[i] as string;
    if (shard.manifest.planId !== first.manifest.planId) {
      throw mergeError(
        `${file} is a shard of another sweep (plan ${shard.manifest.planId}, not ${first.manifest.planId})`,
      );
    }
    if (shard.manifest.shard.count !== count)
      throw mergeError(
        `${file} is shard ${shard.manifest.shard.index}/${shard.manifest.shard.count}, not of ${count}`,
      );
    if (seen.has(shard.manifest.shard.index))
      throw mergeError(`${file}: shard ${shard.manifest.shard.index}/${count} is given twice`);
    seen.add(shard.manifest.shard.index);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length > 0)
    throw mergeError(
      `shard ${missing.map((i) => `${i}/${count}`).join(', ')} missing; pass every shard of the sweep`,
    );
  const runs = shards.flatMap((shard) => shard.runs);
  const keys = new Set(runs.map((run) => `${run.variant}.${run.seedIndex}`));
  if (keys.size !== runs.length || runs.length !== first.manifest.totalRuns) {
    throw mergeError(
      `the shards hold ${keys.size} distinct runs of ${first.manifest.totalRuns}; was a shard interrupted? rerun it`,
    );
  }
  return buildSweepReport(first.plan, runs);
}

async function readShard(file: string): Promise<SweepShardFile> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw mergeError(
      `${file}: ${code === 'ENOENT' ? 'file not found' : code ? `cannot be read (${code})` : 'is not JSON'}`,
    );
  }
  const parsed = shardFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw mergeError(
      `${file} is not a sweep shard (${issue?.path.join('.') || 'root'}: ${issue?.message}); pass files written by faultline sweep --shard`,
    );
  }
  const shard = raw as SweepShardFile;
  if (planId(shard.plan) !== shard.manifest.planId)
    throw mergeError(`${file}: its plan does not match its manifest (edited?); rerun the shard`);
  return shard;
}

function mergeError(message: string): FaultlineError {
  return new FaultlineError('SWEEP_MERGE_INPUT', message);
}
