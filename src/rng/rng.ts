import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/**
 * The only source of randomness. Seeded, so a run can be replayed; forkable by label, so adding a
 * policy (which draws jitter) does not shift the arrivals or the faults another stream draws.
 */
export interface Rng {
  readonly seed: number;
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** An independent stream derived from this seed and a label. */
  fork(label: string): Rng;
}

export function createRng(seed: number): Rng {
  const gen = xoroshiro128plus(mixSeed(seed));
  // xoroshiro's first outputs from a low-entropy state are poor (seed 1 starts near 0.99999): skip them.
  for (let i = 0; i < 8; i++) gen.next();
  const rng: Rng = {
    seed,
    next: () => uniformFloat64(gen),
    int: (min, max) => min + Math.floor(uniformFloat64(gen) * (max - min + 1)),
    chance: (p) => p >= 1 || (p > 0 && uniformFloat64(gen) < p),
    fork: (label) => createRng(deriveSeed(seed, label)),
  };
  return rng;
}

/** FNV-1a over the label, mixed with the parent seed: stable across platforms and Node versions. */
export function deriveSeed(seed: number, label: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h | 0;
}

/** splitmix32 finaliser: spreads small seeds (1, 2, 42...) across all 32 bits. */
function mixSeed(seed: number): number {
  let z = (seed + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) | 0;
}

/** A fresh seed for runs that did not name one: the one place wall-clock entropy enters. */
export function randomSeed(): number {
  return Math.floor(Math.random() * 0x7fffffff);
}
