import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseShard, resolveShard, selectShard } from '../../src/cli/shard.ts';

describe('shards', () => {
  it('together cover every file exactly once, and differ in size by at most one', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string(), { maxLength: 60 }),
        fc.integer({ min: 1, max: 12 }),
        (files, count) => {
          const sorted = [...files].sort();
          const shards = Array.from({ length: count }, (_, i) =>
            selectShard(sorted, { index: i + 1, count }),
          );
          expect(shards.flat().sort()).toEqual(sorted);
          const sizes = shards.map((s) => s.length);
          expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('keeps the sorted order inside a shard', () => {
    expect(selectShard(['a', 'b', 'c', 'd', 'e'], { index: 2, count: 2 })).toEqual(['b', 'd']);
  });

  it('parses i/n and refuses anything else with a usage error', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    for (const bad of ['0/2', '3/2', '1/0', '1', 'a/b', '1/2/3', '-1/2', '1/10001']) {
      expect(() => parseShard(bad), bad).toThrow(/--shard .* is not a shard/);
    }
  });

  it('takes a Kubernetes Indexed Job’s JOB_COMPLETION_INDEX (from 0) and JOB_COMPLETIONS', () => {
    expect(resolveShard({}, { JOB_COMPLETION_INDEX: '0', JOB_COMPLETIONS: '3' })).toEqual({
      index: 1,
      count: 3,
    });
    expect(resolveShard({}, { JOB_COMPLETION_INDEX: '2', JOB_COMPLETIONS: '3' })).toEqual({
      index: 3,
      count: 3,
    });
    expect(resolveShard({ shardCount: 4 }, { JOB_COMPLETION_INDEX: '3', JOB_COMPLETIONS: '3' })).toEqual({
      index: 4,
      count: 4,
    });
    // The flag wins over the environment; nothing set means no shard.
    expect(resolveShard({ shard: '2/5' }, { JOB_COMPLETION_INDEX: '0', JOB_COMPLETIONS: '3' })).toEqual({
      index: 2,
      count: 5,
    });
    expect(resolveShard({}, {})).toBeUndefined();
    expect(resolveShard({}, { JOB_COMPLETIONS: '3' })).toBeUndefined();
  });

  it('refuses a set but invalid variable with one line naming it', () => {
    const cases: [Record<string, string>, RegExp][] = [
      [
        { JOB_COMPLETION_INDEX: 'x', JOB_COMPLETIONS: '3' },
        /^JOB_COMPLETION_INDEX=x is not a shard index of 3/,
      ],
      [{ JOB_COMPLETION_INDEX: '3', JOB_COMPLETIONS: '3' }, /^JOB_COMPLETION_INDEX=3 .* from 0 to 2$/],
      [{ JOB_COMPLETION_INDEX: '-1', JOB_COMPLETIONS: '3' }, /^JOB_COMPLETION_INDEX=-1 /],
      [{ JOB_COMPLETION_INDEX: '0', JOB_COMPLETIONS: '0' }, /^JOB_COMPLETIONS=0 is not a shard count/],
      [{ JOB_COMPLETION_INDEX: '0', JOB_COMPLETIONS: 'many' }, /^JOB_COMPLETIONS=many /],
      [
        { JOB_COMPLETION_INDEX: '0' },
        /^JOB_COMPLETION_INDEX is set but not the shard count; set JOB_COMPLETIONS/,
      ],
    ];
    for (const [env, message] of cases)
      expect(() => resolveShard({}, env), JSON.stringify(env)).toThrow(message);
    expect(() => resolveShard({ shardCount: 2 }, {})).toThrow(/^--shard-count needs a shard index/);
    expect(() => resolveShard({ shardCount: 0 }, { JOB_COMPLETION_INDEX: '0' })).toThrow(
      /^--shard-count 0 is not a shard count/,
    );
  });
});
