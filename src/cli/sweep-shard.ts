import type { RunRecord } from '../sweep/run-record.ts';
import { type PlannedRun, plannedRuns, type SweepPlan } from '../sweep/sweep-plan.ts';
import { unitId } from '../work/work-unit.ts';
import { type Shard, selectShard } from './shard.ts';
import type { SweepShardManifest, SweepSuite } from './shard-manifest.ts';
import { createShardWriter, type ShardWriter } from './shard-recorder.ts';

/** A run's position in the sweep's suite: its place in plannedRuns, variant by variant. */
export const runPosition = (plan: SweepPlan, run: Pick<PlannedRun, 'variant' | 'seedIndex'>) =>
  run.variant * plan.seeds.length + run.seedIndex;

/** The sweep as a shard manifest's suite: the plan is the settings, every planned run a unit. */
export function sweepSuite(plan: SweepPlan): SweepSuite {
  return {
    settings: plan,
    units: plannedRuns(plan).map((run) => ({
      id: unitId({
        scenarioSha256: plan.scenario.scenarioSha256,
        seed: run.seed,
        variant: plan.variants[run.variant] ?? {},
      }),
      variant: run.variant,
      seedIndex: run.seedIndex,
      seed: run.seed,
    })),
  };
}

export interface SweepShard {
  readonly shard: Shard;
  /** The planned runs this shard runs (every count-th). */
  readonly selected: PlannedRun[];
  readonly writer: ShardWriter;
  /** Writes a run's record as its unit's result. */
  readonly record: (record: RunRecord, wallMs: number) => Promise<void>;
}

/** A sweep shard's output in `outDir`: the same manifest and folder as a `faultline run` shard. */
export function createSweepShard(outDir: string, plan: SweepPlan, shard: Shard): SweepShard {
  const selected = selectShard(plannedRuns(plan), shard);
  const writer = createShardWriter<SweepShardManifest>(outDir, {
    kind: 'sweep',
    shard,
    suite: sweepSuite(plan),
    positions: selected.map((run) => runPosition(plan, run)),
  });
  return {
    shard,
    selected,
    writer,
    record: (record, wallMs) =>
      writer.unitDone(runPosition(plan, record), `${JSON.stringify(record, null, 2)}\n`, wallMs),
  };
}
