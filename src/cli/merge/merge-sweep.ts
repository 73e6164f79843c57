import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { FaultlineError } from '../../errors/faultline-error.ts';
import { renderSweepConsole } from '../../report/sweep/console.ts';
import { FIGURE_KEYS } from '../../sweep/run-figures.ts';
import type { RunRecord } from '../../sweep/run-record.ts';
import { buildSweepReport, type SweepReport } from '../../sweep/sweep-report.ts';
import { describeVariant } from '../../work/work-unit.ts';
import { sweepExitCode, writeSweepReports } from '../commands/sweep.ts';
import type { SweepShardManifest, SweepSuite, SweepSuiteUnit } from '../shard-manifest.ts';
import { sweepSuite } from '../sweep-shard.ts';
import type { MergeTarget } from './merge-kinds.ts';
import { readUnitFile, type ShardOutput } from './read-shards.ts';

/** A run's record as merge checks it before trusting the rest (the sweep's reports read these fields). */
const recordSchema = z.looseObject({
  variant: z.number().int(),
  seedIndex: z.number().int(),
  seed: z.number().int(),
  verdict: z.enum(['pass', 'fail']),
  held: z.boolean(),
  hypotheses: z.array(z.looseObject({ name: z.string(), pass: z.boolean() })),
  figures: z.looseObject({
    requests: z.number(),
    ...Object.fromEntries(FIGURE_KEYS.map((key) => [key, z.number()])),
  }),
  replay: z.looseObject({ file: z.string(), scenarioSha256: z.string() }),
});

/** Names a run of the sweep in messages. */
export function describeSweepUnit(suite: SweepSuite, at: number): string {
  const unit = suite.units[at];
  if (!unit) return `run ${at}`;
  const variant = suite.settings.variants[unit.variant] ?? {};
  return `variant ${describeVariant(variant)} on seed ${unit.seed} (unit ${unit.id})`;
}

/**
 * The whole sweep's report from its shards, checked to be one whole sweep: the same as the unsharded
 * sweep's when every shard completed; else without the runs an incomplete shard did not make.
 */
export async function mergeSweepShards(
  outputs: readonly ShardOutput<SweepShardManifest>[],
): Promise<SweepReport> {
  const first = outputs[0] as ShardOutput<SweepShardManifest>;
  const { suite } = first.manifest;
  if (!isDeepStrictEqual(suite.units, sweepSuite(suite.settings).units)) {
    throw new FaultlineError(
      'MERGE_INPUT',
      `${first.shown}: its units are not the planned runs of its own plan; the manifest is damaged`,
    );
  }
  const runs: RunRecord[] = [];
  for (const output of outputs) {
    const ran = new Set(output.manifest.ran.map(({ at }) => at));
    const missing = output.manifest.complete && output.manifest.units.find(({ at }) => !ran.has(at));
    if (missing) {
      throw new FaultlineError(
        'MERGE_INPUT',
        `${output.shown} says it completed but has no result for ${describeSweepUnit(suite, missing.at)}; rerun that shard`,
      );
    }
    for (const at of ran) runs.push(await readRecord(output, at));
  }
  return buildSweepReport(suite.settings, runs);
}

async function readRecord(output: ShardOutput<SweepShardManifest>, at: number): Promise<RunRecord> {
  const { suite } = output.manifest;
  const unit = suite.units[at] as SweepSuiteUnit;
  const where = `${output.shown}: the record of ${describeSweepUnit(suite, at)}`;
  const { json, checked } = await readUnitFile(output, at, unit.id, where, recordSchema);
  if (
    checked.variant !== unit.variant ||
    checked.seedIndex !== unit.seedIndex ||
    checked.seed !== unit.seed ||
    checked.replay.scenarioSha256 !== suite.settings.scenario.scenarioSha256
  ) {
    throw new FaultlineError(
      'MERGE_INPUT',
      `${where} is of another run (variant, seed or scenario differ); rerun that shard`,
    );
  }
  // Checked above where the reports rely on it; passed on as written, so sweep.json keeps its bytes.
  return json as RunRecord;
}

/** Writes the whole sweep's sweep.json, sweep.md and sweep.html; resolves to the sweep's exit code. */
export async function mergeSweep(
  outputs: readonly ShardOutput<SweepShardManifest>[],
  { outDir, color, print }: Pick<MergeTarget, 'outDir' | 'color' | 'print'>,
): Promise<number> {
  const report = await mergeSweepShards(outputs);
  await mkdir(outDir, { recursive: true });
  await writeSweepReports(report, outDir);
  print(renderSweepConsole(report, color));
  print(`reports: ${join(outDir, 'sweep.json')}, sweep.md, sweep.html`);
  return sweepExitCode(
    report,
    outputs.some((output) => !output.manifest.complete),
  );
}
