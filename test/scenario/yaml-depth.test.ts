import { describe, expect, it } from 'vitest';
import { estimateNesting } from '../../src/scenario/yaml-depth.ts';

describe('estimateNesting', () => {
  it('counts block levels, compact indicators and flow brackets', () => {
    expect(estimateNesting('a: 1\n', 100)).toBe(1);
    expect(estimateNesting('a:\n  b:\n    c: 1\n', 100)).toBe(3);
    expect(estimateNesting('a: [[[1]]]\n', 100)).toBe(4);
    expect(estimateNesting('a:\n  - - - x\n', 100)).toBe(5);
  });

  it('ignores brackets inside quotes and comments, but not behind an apostrophe in plain text', () => {
    expect(estimateNesting('a: "[[[[["\nb: \'{{{{\'\n# [[[[[[\n', 100)).toBe(1);
    expect(estimateNesting("a: it's\nb: [[[[1]]]]\n", 100)).toBe(5);
  });

  it('stops early on a hostile file instead of reading all of it', () => {
    const deep = `a: ${'['.repeat(400_000)}${']'.repeat(400_000)}`;
    expect(estimateNesting(deep, 40)).toBe(41);
  });
});
