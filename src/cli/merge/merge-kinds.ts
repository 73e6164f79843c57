import type { Reporter } from '../../report/reporters/index.ts';
import { exitCodeOf } from '../run-session.ts';
import type { ShardKind, ShardManifest } from '../shard-manifest.ts';
import { describeRunUnit, mergeRunShards } from './merge-run.ts';
import { describeSweepUnit, mergeSweep } from './merge-sweep.ts';
import type { ShardOutput } from './read-shards.ts';

/** What merge was asked to write: reporters for a run, a folder for a sweep's own reports. */
export interface MergeTarget {
  /** The reporters `--reporter`, `--out-dir`, `--out`, `--quiet` and the config ask for. */
  readonly reporters: () => Promise<readonly Reporter[]>;
  /** `--out-dir` (default faultline-results). */
  readonly outDir: string;
  /** Whether a sweep's table is coloured, and where it goes (stdout). */
  readonly color: boolean;
  readonly print: (line: string) => void;
}

/** How merge handles one kind of shard output, once the set has been checked to be one whole suite. */
export interface MergeKind<M extends ShardManifest> {
  /** Names the suite's unit `at` in messages (file, seed, id…). */
  readonly describe: (manifest: M, at: number) => string;
  /** Writes the whole suite's reports from the outputs; resolves to the exit code of the whole suite. */
  readonly merge: (outputs: readonly ShardOutput<M>[], target: MergeTarget) => Promise<number>;
}

type ManifestOf<K extends ShardKind> = Extract<ShardManifest, { kind: K }>;

/** Every kind of shard output merge reads, by the manifest's `kind`; a new kind is one entry. */
export const MERGE_KINDS: { readonly [K in ShardKind]: MergeKind<ManifestOf<K>> } = {
  run: {
    describe: (manifest, at) => {
      const unit = manifest.suite.units[at];
      return unit ? describeRunUnit(unit) : `unit ${at}`;
    },
    merge: async (outputs, target) => exitCodeOf(await mergeRunShards(outputs, await target.reporters())),
  },
  sweep: {
    describe: (manifest, at) => describeSweepUnit(manifest.suite, at),
    merge: (outputs, target) => mergeSweep(outputs, target),
  },
};
