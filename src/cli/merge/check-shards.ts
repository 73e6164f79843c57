import { isDeepStrictEqual } from 'node:util';
import { FaultlineError } from '../../errors/faultline-error.ts';
import type { ShardOutput } from './read-shards.ts';

/** How many unit names an error lists before "and N more". */
const NAMED = 3;

/**
 * Refuses a set of shard outputs that is not exactly one suite, split once: mixed kinds or faultline
 * versions, different splits, suites or settings, a shard or unit given twice, or units no shard holds.
 * `describe(at)` names the suite's unit `at` for the message.
 */
export function checkShardSet(outputs: readonly ShardOutput[], describe: (at: number) => string): void {
  const [first, ...others] = outputs;
  if (!first) throw new FaultlineError('MERGE_INPUT', 'merge needs at least one shard output');
  for (const other of others) checkSameSuite(first, other);
  const holder = new Map<number, ShardOutput>();
  const byIndex = new Map<number, ShardOutput>();
  const suiteSize = first.manifest.suite.units.length;
  for (const output of outputs) {
    const { shard, units, ran } = output.manifest;
    const twin = byIndex.get(shard.index);
    if (twin) {
      throw new FaultlineError(
        'MERGE_OVERLAP',
        `${twin.shown} and ${output.shown} are both shard ${shard.index}/${shard.count}; pass each shard's output once (the rerun, if one was rerun)`,
      );
    }
    byIndex.set(shard.index, output);
    const own = new Set<number>();
    for (const { at, id } of units) {
      if (at >= suiteSize || output.manifest.suite.units[at]?.id !== id) {
        throw new FaultlineError(
          'MERGE_INPUT',
          `${output.shown}: its unit ${id} is not unit ${at} of its own suite; the manifest is damaged`,
        );
      }
      const other = holder.get(at);
      if (other) {
        throw new FaultlineError(
          'MERGE_OVERLAP',
          `${describe(at)} is in both ${other.shown} and ${output.shown}; each unit must be in one shard`,
        );
      }
      holder.set(at, output);
      own.add(at);
    }
    const stray = ran.find(({ at }) => !own.has(at));
    if (stray) {
      throw new FaultlineError(
        'MERGE_INPUT',
        `${output.shown}: it ran ${describe(stray.at)}, which is not one of its units; the manifest is damaged`,
      );
    }
  }
  const missing = [...Array(suiteSize).keys()].filter((at) => !holder.has(at));
  if (missing.length > 0) {
    const count = first.manifest.shard.count;
    const absent = [...Array(count).keys()].map((i) => i + 1).filter((index) => !byIndex.has(index));
    const names = missing.slice(0, NAMED).map(describe).join(', ');
    const more = missing.length > NAMED ? ` and ${missing.length - NAMED} more` : '';
    throw new FaultlineError(
      'MERGE_MISSING',
      `${missing.length} of ${suiteSize} units are in no shard given: ${names}${more}; add the output of shard ${absent.map((i) => `${i}/${count}`).join(', ') || '(none: the manifests are damaged)'}`,
    );
  }
}

function checkSameSuite(first: ShardOutput, other: ShardOutput): void {
  const a = first.manifest;
  const b = other.manifest;
  const pair = `${first.shown} and ${other.shown}`;
  if (a.kind !== b.kind) {
    throw new FaultlineError(
      'MERGE_MISMATCH',
      `${pair} are different kinds of shard output (${a.kind}, ${b.kind}); merge one suite at a time`,
    );
  }
  if (a.faultline !== b.faultline) {
    throw new FaultlineError(
      'MERGE_MISMATCH',
      `${pair} were written by faultline ${a.faultline} and ${b.faultline}; run every shard with one faultline version`,
    );
  }
  if (a.shard.count !== b.shard.count) {
    throw new FaultlineError(
      'MERGE_MISMATCH',
      `${pair} are shards of different splits (${a.shard.index}/${a.shard.count}, ${b.shard.index}/${b.shard.count}); merge the shards of one split`,
    );
  }
  if (!isDeepStrictEqual(a.suite.settings, b.suite.settings)) {
    const keys = new Set([...Object.keys(a.suite.settings), ...Object.keys(b.suite.settings)]);
    const differ = [...keys].filter(
      (key) =>
        !isDeepStrictEqual(
          (a.suite.settings as Record<string, unknown>)[key],
          (b.suite.settings as Record<string, unknown>)[key],
        ),
    );
    throw new FaultlineError(
      'MERGE_MISMATCH',
      `${pair} ran with different settings (${differ.join(', ')}); rerun the shards with the same flags`,
    );
  }
  const unitsA: readonly unknown[] = a.suite.units;
  const unitsB: readonly unknown[] = b.suite.units;
  if (!isDeepStrictEqual(unitsA, unitsB)) {
    const at = unitsA.findIndex((unit, i) => !isDeepStrictEqual(unit, unitsB[i]));
    const where = at === -1 ? `${unitsA.length} units against ${unitsB.length}` : `unit ${at + 1} differs`;
    throw new FaultlineError(
      'MERGE_MISMATCH',
      `${pair} planned different suites (${where}: other files, file contents or seeds); rerun the shards on the same files`,
    );
  }
}
