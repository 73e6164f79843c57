import { FaultlineError } from '../errors/faultline-error.ts';
import { MAX_SHARD_COUNT } from './shard-manifest.ts';

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
  if (!match || count < 1 || index < 1 || index > count || count > MAX_SHARD_COUNT) {
    throw new FaultlineError(
      'USAGE',
      `--shard ${text} is not a shard; write index/count with 1 <= index <= count <= ${MAX_SHARD_COUNT}, e.g. --shard 1/3`,
    );
  }
  return { index, count };
}

export interface ShardFlags {
  readonly shard?: string;
  readonly shardCount?: number;
}

/**
 * The shard this process runs: `--shard i/n` wins; else a Kubernetes Indexed Job's `JOB_COMPLETION_INDEX`
 * (from 0) with the count from `--shard-count` or `JOB_COMPLETIONS`, so a pod needs no wrapper script.
 * Undefined when nothing asks for a shard.
 */
export function resolveShard(
  flags: ShardFlags,
  env: Readonly<Record<string, string | undefined>>,
): Shard | undefined {
  if (flags.shard !== undefined) return parseShard(flags.shard);
  const indexText = env.JOB_COMPLETION_INDEX;
  const countFromEnv = env.JOB_COMPLETIONS === undefined ? undefined : envCount(env.JOB_COMPLETIONS);
  if (flags.shardCount !== undefined) checkCount(flags.shardCount, '--shard-count');
  if (indexText === undefined) {
    if (flags.shardCount !== undefined) {
      throw new FaultlineError(
        'USAGE',
        '--shard-count needs a shard index: set JOB_COMPLETION_INDEX (an Indexed Job does) or give --shard i/n',
      );
    }
    return undefined;
  }
  const count = flags.shardCount ?? countFromEnv;
  if (count === undefined) {
    throw new FaultlineError(
      'USAGE',
      'JOB_COMPLETION_INDEX is set but not the shard count; set JOB_COMPLETIONS (the Job’s completions) or give --shard-count N',
    );
  }
  const index = /^\d{1,6}$/.test(indexText.trim()) ? Number(indexText.trim()) : Number.NaN;
  if (!(index >= 0 && index < count)) {
    throw new FaultlineError(
      'USAGE',
      `JOB_COMPLETION_INDEX=${indexText.slice(0, 20)} is not a shard index of ${count} shards; it counts from 0 to ${count - 1}`,
    );
  }
  return { index: index + 1, count };
}

function envCount(text: string): number {
  const count = /^\d{1,6}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!(count >= 1 && count <= MAX_SHARD_COUNT)) {
    throw new FaultlineError(
      'USAGE',
      `JOB_COMPLETIONS=${text.slice(0, 20)} is not a shard count; set it to a whole number from 1 to ${MAX_SHARD_COUNT}`,
    );
  }
  return count;
}

function checkCount(count: number, flag: string): void {
  if (!(Number.isInteger(count) && count >= 1 && count <= MAX_SHARD_COUNT)) {
    throw new FaultlineError(
      'USAGE',
      `${flag} ${count} is not a shard count; give a whole number from 1 to ${MAX_SHARD_COUNT}`,
    );
  }
}

/**
 * The units this shard runs: every count-th unit of the sorted list, starting at index - 1. The shards
 * of one count cover every unit exactly once and differ in size by at most one.
 */
export function selectShard<T>(sorted: readonly T[], shard: Shard): T[] {
  return sorted.filter((_, position) => position % shard.count === shard.index - 1);
}
