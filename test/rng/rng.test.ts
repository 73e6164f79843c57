import { describe, expect, it } from 'vitest';
import { createRng, deriveSeed } from '../../src/rng/rng.ts';

describe('createRng', () => {
  it('replays the same stream from the same seed and another from another seed', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, createRng(seed).next);
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('has an unbiased first draw even for small seeds', () => {
    // Mean of 10,000 first draws of U(0,1): sd = sqrt(1/12/10000) ≈ 0.0029.
    let sum = 0;
    for (let seed = 0; seed < 10_000; seed++) sum += createRng(seed).next();
    expect(Math.abs(sum / 10_000 - 0.5)).toBeLessThan(4 * 0.0029);
  });

  it('forks independent streams by label, stable across calls', () => {
    const root = createRng(1);
    expect(root.fork('a').next()).toBe(createRng(1).fork('a').next());
    expect(root.fork('a').next()).not.toBe(root.fork('b').next());
    expect(deriveSeed(1, 'a')).not.toBe(deriveSeed(2, 'a'));
  });

  it('draws integers inclusively within bounds', () => {
    const rng = createRng(3);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(rng.int(1, 6));
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
