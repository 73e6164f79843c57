import { z } from 'zod';
import { FaultlineError } from '../../errors/faultline-error.ts';
import {
  broadcast,
  type Reporter,
  type RunSummary,
  type ScenarioOutcome,
  type ScenarioPlan,
} from '../../report/reporters/index.ts';
import { RESULT_SCHEMA_VERSION, type RunResult } from '../../report/result.ts';
import type { RunShardManifest, RunSuiteUnit } from '../shard-manifest.ts';
import { holderOf, readUnitFile, type ShardOutput } from './read-shards.ts';

/** A unit's result as merge checks it before trusting the rest of the file (faultline wrote it). */
const unitResultSchema = z.looseObject({
  schemaVersion: z.literal(RESULT_SCHEMA_VERSION),
  seed: z.number().int(),
  complete: z.boolean(),
  verdict: z.enum(['pass', 'fail']),
  replay: z.looseObject({ file: z.string(), scenarioSha256: z.string() }),
});

export const describeRunUnit = (unit: RunSuiteUnit) => `${unit.file} (seed ${unit.seed}, unit ${unit.id})`;

/**
 * Feeds the reporters what one process running the whole suite would have: every plan, then each unit's
 * outcome in suite order, then the summary. Units an incomplete shard did not run are "not run" and the
 * run is interrupted; with --bail, everything after the suite's first failure is "not run", as it would
 * have been in one process.
 */
export async function mergeRunShards(
  outputs: readonly ShardOutput<RunShardManifest>[],
  reporters: readonly Reporter[],
): Promise<RunSummary> {
  const first = outputs[0] as ShardOutput<RunShardManifest>;
  const { units, settings } = first.manifest.suite;
  const plans: ScenarioPlan[] = units.map((unit, index) => ({
    file: unit.file,
    name: unit.name,
    seed: unit.seed,
    index,
    count: units.length,
  }));
  const ran = new Map<number, { output: ShardOutput<RunShardManifest>; wallMs: number }>();
  for (const output of outputs)
    for (const { at, wallMs } of output.manifest.ran) ran.set(at, { output, wallMs });
  const incomplete = outputs.filter((output) => !output.manifest.complete);
  await broadcast(reporters, 'onRunStart', { plans });
  const outcomes: ScenarioOutcome[] = [];
  for (const plan of plans) {
    const done = ran.get(plan.index);
    if (!done) {
      const holder = holderOf(outputs, plan.index);
      // Its shard stopped early. (A shard that --bail stopped ran every unit before the suite's first
      // failure, and the loop ends there.)
      if (!holder?.manifest.complete) continue;
      throw new FaultlineError(
        'MERGE_INPUT',
        `${holder.shown} says it completed but has no result for ${describeRunUnit(units[plan.index] as RunSuiteUnit)}; rerun that shard`,
      );
    }
    const unit = units[plan.index] as RunSuiteUnit;
    const result = await readUnitResult(done.output, plan.index, unit);
    const outcome: ScenarioOutcome = { plan, result, wallMs: done.wallMs };
    await broadcast(reporters, 'onScenarioStart', plan);
    outcomes.push(outcome);
    await broadcast(reporters, 'onScenarioEnd', outcome);
    if (settings.bail && result.verdict === 'fail') break;
  }
  const ranAt = new Set(outcomes.map((outcome) => outcome.plan.index));
  const summary: RunSummary = {
    outcomes,
    notRun: plans.filter((plan) => !ranAt.has(plan.index)),
    interrupted: incomplete.length > 0,
    // The shards ran side by side: the suite took as long as the longest.
    wallMs: Math.max(0, ...outputs.map((output) => output.manifest.wallMs)),
  };
  await broadcast(reporters, 'onRunEnd', summary);
  return summary;
}

async function readUnitResult(output: ShardOutput, at: number, unit: RunSuiteUnit): Promise<RunResult> {
  const where = `${output.shown}: the result of ${describeRunUnit(unit)}`;
  const { json, checked } = await readUnitFile(output, at, unit.id, where, unitResultSchema);
  const { seed, replay } = checked;
  if (seed !== unit.seed || replay.scenarioSha256 !== unit.scenarioSha256 || replay.file !== unit.file) {
    throw new FaultlineError(
      'MERGE_INPUT',
      `${where} is of another unit (seed, file or its contents differ); rerun that shard`,
    );
  }
  // Checked above where it matters; the rest is the file faultline wrote, passed on as it stands.
  return json as RunResult;
}
