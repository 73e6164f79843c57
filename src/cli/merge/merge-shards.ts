import type { ShardManifest } from '../shard-manifest.ts';
import { checkShardSet } from './check-shards.ts';
import { MERGE_KINDS, type MergeKind, type MergeTarget } from './merge-kinds.ts';
import type { ShardOutput } from './read-shards.ts';

/**
 * Checks that the outputs are every shard of one suite (whatever its kind), warns of each shard that
 * did not complete, then hands them to their kind's merge. Resolves to the exit code of the whole suite.
 */
export async function mergeShards(
  outputs: readonly ShardOutput[],
  target: MergeTarget,
  warn: (message: string) => void,
): Promise<number> {
  const first = outputs[0];
  // checkShardSet refuses an empty set; the kind is read only after that.
  const kind = MERGE_KINDS[first?.manifest.kind ?? 'run'] as MergeKind<ShardManifest>;
  checkShardSet(outputs, (at) => (first ? kind.describe(first.manifest, at) : `unit ${at}`));
  for (const output of outputs) {
    if (output.manifest.complete) continue;
    const { index, count } = output.manifest.shard;
    const missing = output.manifest.units.length - output.manifest.ran.length;
    warn(
      `${output.shown}: shard ${index}/${count} did not complete (killed or interrupted); its ${missing} unit${missing === 1 ? '' : 's'} without a result count as not run; rerun that shard and merge again`,
    );
  }
  return kind.merge(outputs, target);
}
