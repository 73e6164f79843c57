import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseShard, selectShard } from '../../src/cli/shard.ts';

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
    for (const bad of ['0/2', '3/2', '1/0', '1', 'a/b', '1/2/3', '-1/2']) {
      expect(() => parseShard(bad), bad).toThrow(/--shard .* is not a shard/);
    }
  });
});
