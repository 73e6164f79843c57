import { createHash } from 'node:crypto';
import { deriveSeed } from '../rng/rng.ts';
import type { Variant } from '../work/work-unit.ts';
import type { Dimension } from './space.ts';
import type { Sampling } from './sweep-schema.ts';

/** Everything a sweep's results depend on besides the scenario bytes; the same on every shard. */
export interface SweepPlan {
  readonly scenario: { readonly name: string; readonly file: string; readonly scenarioSha256: string };
  readonly dimensions: readonly Dimension[];
  readonly sampling: Sampling;
  readonly variants: readonly Variant[];
  /** The seeds every variant runs on (with common random numbers; see unitSeed). */
  readonly seeds: readonly number[];
  /** Common random numbers: every variant of seed j runs on seed j itself. */
  readonly crn: boolean;
  readonly minPassShare: number;
  /** The --duration override every run shares. */
  readonly durationMs?: number;
}

/** One simulation of the sweep: variant `variant` on seed number `seedIndex`. */
export interface PlannedRun {
  readonly variant: number;
  readonly seedIndex: number;
  readonly seed: number;
}

/**
 * The seed a variant runs on. With common random numbers every variant of seed j uses seed j, so they
 * meet the same arrivals, texts, latencies and fault draws; without (--no-crn, for comparison) each
 * variant gets a seed of its own derived from seed j.
 */
export function unitSeed(plan: SweepPlan, variant: number, seedIndex: number): number {
  const seed = plan.seeds[seedIndex] as number;
  return plan.crn ? seed : deriveSeed(seed, `variant:${variant}`);
}

/** Every run of the plan, variant by variant, seeds in order. */
export function plannedRuns(plan: SweepPlan): PlannedRun[] {
  return plan.variants.flatMap((_, variant) =>
    plan.seeds.map((_seed, seedIndex) => ({ variant, seedIndex, seed: unitSeed(plan, variant, seedIndex) })),
  );
}

/** Names the plan: shards of one sweep carry the same id, so merge can refuse shards of different sweeps. */
export function planId(plan: SweepPlan): string {
  return createHash('sha256').update(JSON.stringify(plan)).digest('hex').slice(0, 20);
}
