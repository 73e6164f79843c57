import { rename } from 'node:fs/promises';
import type { Reporter } from '../report/reporters/index.ts';
import { writeOutputFile } from '../report/reporters/output-file.ts';
import { serializeResult } from '../report/serialize.ts';
import { FAULTLINE_VERSION } from '../runner/version.ts';
import {
  type RunShardManifest,
  type RunSuite,
  SHARD_MANIFEST_FILE,
  unitResultPath,
} from '../work/shard-manifest.ts';
import type { Shard } from './shard.ts';

/** What a shard runs: its part of the suite, by position in the suite's unit list. */
export interface ShardRun {
  readonly shard: Shard;
  readonly suite: RunSuite;
  /** Positions (in `suite.units`) of this shard's units, in order. */
  readonly positions: readonly number[];
}

/**
 * Records a shard's output for `faultline merge`: the manifest (written before the first unit, so a
 * shard killed mid-run leaves one that says "not complete", and again at the end) and each unit's
 * result. The manifest is replaced by rename, so a kill never leaves half a manifest.
 */
export function createShardRecorder(outDir: string, run: ShardRun): Reporter {
  const ran: RunShardManifest['ran'][number][] = [];
  const write = async (complete: boolean, wallMs: number) => {
    const manifest: RunShardManifest = {
      kind: 'run',
      faultline: FAULTLINE_VERSION,
      shard: { index: run.shard.index, count: run.shard.count },
      suite: run.suite,
      units: run.positions.map((at) => ({ at, id: (run.suite.units[at] as RunSuite['units'][number]).id })),
      ran,
      complete,
      wallMs,
    };
    const temporary = await writeOutputFile(
      outDir,
      `${SHARD_MANIFEST_FILE}.partial`,
      `${JSON.stringify(manifest, null, 2)}\n`,
    );
    await rename(temporary, temporary.slice(0, -'.partial'.length));
  };
  return {
    async onRunStart() {
      await write(false, 0);
    },
    async onScenarioEnd({ plan, result, wallMs }) {
      const at = run.positions[plan.index] as number;
      const unit = run.suite.units[at] as RunSuite['units'][number];
      await writeOutputFile(outDir, unitResultPath(at, unit.id), serializeResult(result));
      ran.push({ at, wallMs });
    },
    async onRunEnd(summary) {
      await write(!summary.interrupted, summary.wallMs);
    },
  };
}
