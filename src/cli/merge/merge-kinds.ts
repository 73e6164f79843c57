import type { Reporter } from '../../report/reporters/index.ts';
import type { ShardKind, ShardManifest } from '../../work/shard-manifest.ts';
import { exitCodeOf } from '../run-session.ts';
import { describeRunUnit, mergeRunShards } from './merge-run.ts';
import type { ShardOutput } from './read-shards.ts';

/** How merge handles one kind of shard output, once the set has been checked to be one whole suite. */
export interface MergeKind<M extends ShardManifest> {
  /** Names the suite's unit `at` in messages (file, seed, id…). */
  readonly describe: (manifest: M, at: number) => string;
  /** Feeds the reporters the combined outcomes; resolves to the exit code of the whole suite. */
  readonly merge: (outputs: readonly ShardOutput<M>[], reporters: readonly Reporter[]) => Promise<number>;
}

type ManifestOf<K extends ShardKind> = Extract<ShardManifest, { kind: K }>;

/** Every kind of shard output merge reads, by the manifest's `kind`; a new kind is one entry. */
export const MERGE_KINDS: { readonly [K in ShardKind]: MergeKind<ManifestOf<K>> } = {
  run: {
    describe: (manifest, at) => {
      const unit = manifest.suite.units[at];
      return unit ? describeRunUnit(unit) : `unit ${at}`;
    },
    merge: async (outputs, reporters) => exitCodeOf(await mergeRunShards(outputs, reporters)),
  },
};
