import type { Rng } from '../rng/rng.ts';
import type { Variant, VariantValue } from '../work/work-unit.ts';
import type { SweepPlan } from './sweep-plan.ts';
import type { Sampling } from './sweep-schema.ts';

/** One swept path and the values it takes. */
export type Dimension = SweepPlan['dimensions'][number];

/** How many variants a full grid of these dimensions has. */
export function gridSize(dimensions: readonly Dimension[]): number {
  return dimensions.reduce((size, dimension) => size * dimension.values.length, 1);
}

/**
 * The variants a sweep runs. grid: every combination, the first path changing slowest. random:
 * `samples` combinations drawn uniformly. lhs (Latin hypercube): `samples` combinations in which each
 * path's values are spread evenly (its range cut into `samples` strata, each used once), so a few dozen
 * samples cover a space a grid would need thousands for. Duplicates are dropped, first one kept.
 */
export function variantsOf(
  dimensions: readonly Dimension[],
  sampling: Sampling,
  samples: number,
  rng: Rng,
): Variant[] {
  if (sampling === 'grid') return grid(dimensions);
  const picks: number[][] =
    sampling === 'random'
      ? Array.from({ length: samples }, () => dimensions.map((d) => rng.int(0, d.values.length - 1)))
      : latinHypercube(dimensions, samples, rng);
  const seen = new Set<string>();
  const variants: Variant[] = [];
  for (const pick of picks) {
    const key = pick.join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    variants.push(variantAt(dimensions, pick));
  }
  return variants;
}

function grid(dimensions: readonly Dimension[]): Variant[] {
  const variants: Variant[] = [];
  const total = gridSize(dimensions);
  for (let n = 0; n < total; n++) {
    const pick: number[] = [];
    let rest = n;
    for (let d = dimensions.length - 1; d >= 0; d--) {
      const size = dimensions[d]?.values.length ?? 1;
      pick[d] = rest % size;
      rest = Math.floor(rest / size);
    }
    variants.push(variantAt(dimensions, pick));
  }
  return variants;
}

function latinHypercube(dimensions: readonly Dimension[], samples: number, rng: Rng): number[][] {
  const columns = dimensions.map((dimension) => {
    const strata = shuffled(samples, rng);
    return strata.map((stratum) => {
      const u = (stratum + rng.next()) / samples;
      return Math.min(dimension.values.length - 1, Math.floor(u * dimension.values.length));
    });
  });
  return Array.from({ length: samples }, (_, i) => columns.map((column) => column[i] as number));
}

/** 0..n-1 in random order (Fisher–Yates). */
function shuffled(n: number, rng: Rng): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}

function variantAt(dimensions: readonly Dimension[], pick: readonly number[]): Variant {
  const variant: Record<string, VariantValue> = {};
  dimensions.forEach((dimension, d) => {
    variant[dimension.path] = dimension.values[pick[d] ?? 0] as VariantValue;
  });
  return variant;
}
