import { z } from 'zod';
import { deriveSeed } from '../rng/rng.ts';
import {
  MAX_DURATION_MS,
  MAX_SWEEP_DIMENSIONS,
  MAX_SWEEP_SEEDS,
  MAX_SWEEP_VALUES,
  MAX_SWEEP_VARIANTS,
} from '../scenario/limits.ts';
import { samplingSchema } from './sweep-schema.ts';

const MAX_TEXT = 4096;
const variantValueSchema = z.union([z.string().max(MAX_TEXT), z.number(), z.boolean()]);

/**
 * Everything a sweep's results depend on besides the scenario bytes; the same on every shard, which
 * carries it in its manifest. Keys in the order buildSweepPlan writes them: a plan read back from a
 * shard serialises to the same bytes.
 */
export const sweepPlanSchema = z.strictObject({
  scenario: z.strictObject({
    name: z.string().max(MAX_TEXT),
    file: z.string().min(1).max(MAX_TEXT),
    scenarioSha256: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 (64 hex digits)'),
  }),
  dimensions: z
    .array(
      z.strictObject({
        path: z.string().min(1).max(MAX_TEXT),
        values: z.array(variantValueSchema).max(MAX_SWEEP_VALUES).readonly(),
      }),
    )
    .max(MAX_SWEEP_DIMENSIONS)
    .readonly(),
  sampling: samplingSchema,
  variants: z
    .array(z.record(z.string().max(MAX_TEXT), variantValueSchema).readonly())
    .max(MAX_SWEEP_VARIANTS)
    .readonly(),
  /** The seeds every variant runs on (with common random numbers; see unitSeed). */
  seeds: z.array(z.number().int()).min(1).max(MAX_SWEEP_SEEDS).readonly(),
  /** Common random numbers: every variant of seed j runs on seed j itself. */
  crn: z.boolean(),
  minPassShare: z.number().min(0).max(1),
  /** The --duration override every run shares. */
  durationMs: z.number().int().min(1).max(MAX_DURATION_MS).optional(),
});
export type SweepPlan = z.infer<typeof sweepPlanSchema>;

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
