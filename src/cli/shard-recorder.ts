import { rename } from 'node:fs/promises';
import type { Reporter } from '../report/reporters/index.ts';
import { writeOutputFile } from '../report/reporters/output-file.ts';
import { serializeResult } from '../report/serialize.ts';
import { FAULTLINE_VERSION } from '../runner/version.ts';
import type { Shard } from './shard.ts';
import {
  type RunShardManifest,
  SHARD_MANIFEST_FILE,
  type ShardManifest,
  type ShardManifestCommon,
  unitResultPath,
} from './shard-manifest.ts';

/** What a shard runs: its part of the suite, by position in the suite's unit list. */
export interface ShardPart<M extends ShardManifest> {
  readonly kind: M['kind'];
  readonly shard: Shard;
  readonly suite: M['suite'];
  /** Positions (in `suite.units`) of this shard's units, in order. */
  readonly positions: readonly number[];
}

/** Writes one shard's output for `faultline merge`, whatever kind of suite it runs. */
export interface ShardWriter {
  /** Before the first unit: a manifest that says "not complete", so a shard killed mid-run says so. */
  start(): Promise<void>;
  /** A unit's result (the JSON text merge reads back), and that it ran. */
  unitDone(at: number, json: string, wallMs: number): Promise<void>;
  /** The manifest again, saying whether the shard ran every unit it will run. */
  finish(complete: boolean, wallMs: number): Promise<void>;
}

/**
 * The manifest and one result file per unit, in the shard's `faultline-shard/` folder. The manifest is
 * replaced by rename, so a kill never leaves half a manifest.
 */
export function createShardWriter<M extends ShardManifest>(outDir: string, run: ShardPart<M>): ShardWriter {
  const ran: ShardManifestCommon['ran'] = [];
  const idAt = (at: number) => (run.suite.units[at] as { id: string }).id;
  const write = async (complete: boolean, wallMs: number) => {
    const manifest: Pick<M, 'kind' | 'suite'> & ShardManifestCommon = {
      kind: run.kind,
      faultline: FAULTLINE_VERSION,
      shard: { index: run.shard.index, count: run.shard.count },
      suite: run.suite,
      units: run.positions.map((at) => ({ at, id: idAt(at) })),
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
    start: () => write(false, 0),
    async unitDone(at, json, wallMs) {
      await writeOutputFile(outDir, unitResultPath(at, idAt(at)), json);
      ran.push({ at, wallMs });
    },
    finish: write,
  };
}

/** The part of a `faultline run` suite one shard runs. */
export type ShardRun = Omit<ShardPart<RunShardManifest>, 'kind'>;

/** A `faultline run` shard's writer, as a reporter: it hears each unit's result as the run reports it. */
export function createShardRecorder(outDir: string, run: ShardRun): Reporter {
  const writer = createShardWriter<RunShardManifest>(outDir, { kind: 'run', ...run });
  return {
    onRunStart: () => writer.start(),
    async onScenarioEnd({ plan, result, wallMs }) {
      await writer.unitDone(run.positions[plan.index] as number, serializeResult(result), wallMs);
    },
    onRunEnd: (summary) => writer.finish(!summary.interrupted, summary.wallMs),
  };
}
