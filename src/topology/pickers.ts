import type { Rng } from '../rng/rng.ts';
import type { BalancingStrategy } from './load-balanced-schema.ts';

/** What a picker may look at: which backends are in rotation and how many calls each has in flight. */
export interface PoolView {
  readonly size: number;
  available(index: number): boolean;
  outstanding(index: number): number;
}

/** Chooses the index of the backend for the next call, among the available ones (never called with none). */
export type Picker = (pool: PoolView) => number;

export function createPicker(strategy: BalancingStrategy, weights: readonly number[], rng: Rng): Picker {
  switch (strategy) {
    case 'round-robin':
      return roundRobin();
    case 'random':
      return (pool) => randomAvailable(pool, rng);
    case 'least-outstanding':
      return (pool) => leastOutstanding(pool, rng);
    case 'power-of-two-choices':
      return (pool) => powerOfTwo(pool, rng);
    case 'weighted':
      return smoothWeighted(weights);
  }
}

function availableIndices(pool: PoolView): number[] {
  const out: number[] = [];
  for (let i = 0; i < pool.size; i++) if (pool.available(i)) out.push(i);
  return out;
}

/** The next available backend after the last one picked, so an ejected one is skipped, not doubled up on. */
function roundRobin(): Picker {
  let cursor = -1;
  return (pool) => {
    for (let step = 1; step <= pool.size; step++) {
      const index = (cursor + step) % pool.size;
      if (pool.available(index)) {
        cursor = index;
        return index;
      }
    }
    return 0;
  };
}

function randomAvailable(pool: PoolView, rng: Rng): number {
  const indices = availableIndices(pool);
  return indices[rng.int(0, indices.length - 1)] ?? 0;
}

/** Fewest calls in flight; ties broken at random so equal backends share the load. */
function leastOutstanding(pool: PoolView, rng: Rng): number {
  let best: number[] = [];
  let fewest = Number.POSITIVE_INFINITY;
  for (const index of availableIndices(pool)) {
    const n = pool.outstanding(index);
    if (n < fewest) {
      fewest = n;
      best = [index];
    } else if (n === fewest) best.push(index);
  }
  return best[rng.int(0, best.length - 1)] ?? 0;
}

/** Two distinct backends drawn at random; the one with fewer calls in flight wins (the first on a tie). */
function powerOfTwo(pool: PoolView, rng: Rng): number {
  const indices = availableIndices(pool);
  if (indices.length < 2) return indices[0] ?? 0;
  const a = rng.int(0, indices.length - 1);
  let b = rng.int(0, indices.length - 2);
  if (b >= a) b++;
  const first = indices[a] ?? 0;
  const second = indices[b] ?? 0;
  return pool.outstanding(second) < pool.outstanding(first) ? second : first;
}

/**
 * nginx's smooth weighted round-robin: each pick adds every weight to its backend's score, takes the
 * highest and subtracts the total, so weights 5,1,1 give a,a,b,a,c,a,a rather than five a's in a row.
 */
function smoothWeighted(weights: readonly number[]): Picker {
  const current = weights.map(() => 0);
  return (pool) => {
    let total = 0;
    let best = -1;
    for (let i = 0; i < pool.size; i++) {
      const weight = weights[i] ?? 1;
      if (!pool.available(i) || weight === 0) continue;
      current[i] = (current[i] ?? 0) + weight;
      total += weight;
      if (best < 0 || (current[i] ?? 0) > (current[best] ?? 0)) best = i;
    }
    if (best < 0) return availableIndices(pool)[0] ?? 0;
    current[best] = (current[best] ?? 0) - total;
    return best;
  };
}
