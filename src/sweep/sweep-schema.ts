import { z } from 'zod';
import {
  MAX_NAME_LENGTH,
  MAX_STRING_LENGTH,
  MAX_SWEEP_DIMENSIONS,
  MAX_SWEEP_SEEDS,
  MAX_SWEEP_VALUES,
  MAX_SWEEP_VARIANTS,
} from '../scenario/limits.ts';
import { parseValues } from './values.ts';

const scalarSchema = z.union([z.number(), z.boolean(), z.string().max(MAX_NAME_LENGTH, 'MAX_NAME_LENGTH')]);

/** A path's values: a list, or the same text `--vary` takes (`1..5`, `100ms..2s:5`, `on,off`). */
const valuesSchema = z.union([
  z.array(scalarSchema).min(1).max(MAX_SWEEP_VALUES, 'MAX_SWEEP_VALUES'),
  z
    .string()
    .max(MAX_STRING_LENGTH, 'MAX_STRING_LENGTH')
    .transform((text, ctx) => {
      const parsed = parseValues(text);
      if (parsed.ok) return [...parsed.values];
      ctx.addIssue({ code: 'custom', message: parsed.problem });
      return z.NEVER;
    }),
]);

export const samplingSchema = z.enum(['grid', 'random', 'lhs']);
export type Sampling = z.output<typeof samplingSchema>;

/**
 * A scenario's own sweep: what `faultline sweep` varies when no --vary is given. Paths are checked
 * against the scenario schema itself (see scenarioSchema), with a did-you-mean.
 */
export const sweepSchema = z.strictObject({
  /** Dotted scenario path → its values, e.g. `policies.retry.maxAttempts: 1..5`. */
  vary: z
    .record(z.string().min(1).max(MAX_NAME_LENGTH, 'MAX_NAME_LENGTH'), valuesSchema)
    .refine((map) => Object.keys(map).length >= 1, { message: 'vary at least one path' })
    .refine((map) => Object.keys(map).length <= MAX_SWEEP_DIMENSIONS, {
      message: `at most ${MAX_SWEEP_DIMENSIONS} paths (MAX_SWEEP_DIMENSIONS); sweep fewer at once`,
    }),
  /** Seeds each variant runs on. */
  seeds: z.number().int().min(1).max(MAX_SWEEP_SEEDS, 'MAX_SWEEP_SEEDS').optional(),
  /** grid: every combination; random or lhs (Latin hypercube): `samples` of them. */
  sampling: samplingSchema.optional(),
  samples: z.number().int().min(1).max(MAX_SWEEP_VARIANTS, 'MAX_SWEEP_VARIANTS').optional(),
  /** Share of seeds a variant's hypotheses must hold in to be recommended. */
  minPassShare: z.number().min(0).max(1).optional(),
});
export type SweepBlock = z.output<typeof sweepSchema>;
