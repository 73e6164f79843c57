import { FaultlineError } from '../errors/faultline-error.ts';

export interface Shard {
  /** From 1. */
  readonly index: number;
  readonly count: number;
}

/** Parses `--shard 2/3`. */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new FaultlineError(
      'USAGE',
      `--shard ${text} is not a shard; write index/count with 1 <= index <= count, e.g. --shard 1/3`,
    );
  }
  return { index, count };
}

/**
 * The files this shard runs: every count-th file of the sorted list, starting at index - 1. The shards
 * of one count cover every file exactly once and differ in size by at most one.
 */
export function selectShard<T>(sorted: readonly T[], shard: Shard): T[] {
  return sorted.filter((_, position) => position % shard.count === shard.index - 1);
}
