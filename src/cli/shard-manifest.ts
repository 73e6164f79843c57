import { z } from 'zod';
import { sweepPlanSchema } from '../sweep/sweep-plan.ts';

/**
 * What every shard writes beside its results so `faultline merge` can check the set is whole: which
 * faultline wrote it, which shard of how many, the full suite's plan (every unit, in order, and the
 * settings results depend on), this shard's units, which of them ran, and whether the shard finished.
 * Each kind of shard output (`run`, `sweep`) extends the common part; `faultline merge` checks the
 * common part once for every kind (cli/merge/check-shards.ts).
 */
/** Folder, inside the shard's output folder, holding the manifest and one result file per unit that ran. */
export const SHARD_DIR = 'faultline-shard';
/** The manifest's path inside the shard's output folder (not beside the results, which tools glob). */
export const SHARD_MANIFEST_FILE = `${SHARD_DIR}/manifest.json`;

/** More shards than this is a typo, not a plan (a Kubernetes Indexed Job allows 100 000 completions). */
export const MAX_SHARD_COUNT = 10_000;
/** Units in one suite; a plan this large is already 10 MB of manifest. */
export const MAX_SUITE_UNITS = 100_000;
const MAX_TEXT = 4096;
const MAX_WALL_MS = 366 * 24 * 3600 * 1000;

const position = z
  .number()
  .int()
  .min(0)
  .max(MAX_SUITE_UNITS - 1);
const wallMs = z.number().min(0).max(MAX_WALL_MS);
export const unitIdSchema = z.string().regex(/^[0-9a-f]{20}$/, 'a unit id (20 hex digits)');

const shardSchema = z
  .strictObject({
    index: z.number().int().min(1).max(MAX_SHARD_COUNT),
    count: z.number().int().min(1).max(MAX_SHARD_COUNT),
  })
  .refine((shard) => shard.index <= shard.count, 'index is above count');

/** The part every kind shares (see manifestOfKind). */
const shardManifestCommonShape = {
  faultline: z.string().min(1).max(100),
  shard: shardSchema,
  /** This shard's units: position in the suite's unit list, and that unit's id. */
  units: z.array(z.strictObject({ at: position, id: unitIdSchema })).max(MAX_SUITE_UNITS),
  /** The units that ran to an outcome (their results are in SHARD_DIR); the rest did not run. */
  ran: z.array(z.strictObject({ at: position, wallMs })).max(MAX_SUITE_UNITS),
  /** False until the shard has run every unit it will run; a killed or interrupted shard stays false. */
  complete: z.boolean(),
  wallMs,
};

/** `faultline run` settings that change results (or, for bail, which units run). */
export const runShardSettingsSchema = z.strictObject({
  durationMs: z.number().int().min(1).max(MAX_WALL_MS).optional(),
  realTime: z.boolean().optional(),
  allowInsecureHttp: z.boolean().optional(),
  realBackend: z
    .strictObject({ url: z.string().max(MAX_TEXT), apiKeyEnv: z.string().max(200).optional() })
    .optional(),
  bail: z.boolean(),
});

/** One unit of a `run` suite: a scenario file and the seed it runs with. */
export const runSuiteUnitSchema = z.strictObject({
  id: unitIdSchema,
  file: z.string().min(1).max(MAX_TEXT),
  name: z.string().max(MAX_TEXT),
  scenarioSha256: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 (64 hex digits)'),
  seed: z.number().int(),
});

/**
 * A kind's manifest: the common part, its `kind`, and a `suite` of its `settings` (compared whole between
 * shards) and `units` (each with an `id`), which merge checks for every kind alike.
 */
function manifestOfKind<
  K extends string,
  S extends z.ZodType,
  U extends z.ZodObject<{ id: typeof unitIdSchema }>,
>(kind: K, settings: S, unit: U) {
  return z.strictObject({
    kind: z.literal(kind),
    ...shardManifestCommonShape,
    suite: z.strictObject({ settings, units: z.array(unit).max(MAX_SUITE_UNITS) }),
  });
}

export const runShardManifestSchema = manifestOfKind('run', runShardSettingsSchema, runSuiteUnitSchema);

export type RunShardSettings = z.infer<typeof runShardSettingsSchema>;
export type RunSuiteUnit = z.infer<typeof runSuiteUnitSchema>;
export type RunShardManifest = z.infer<typeof runShardManifestSchema>;
export type RunSuite = RunShardManifest['suite'];

/** One run of a sweep: variant `variant` on the plan's seed number `seedIndex`, which is `seed`. */
export const sweepSuiteUnitSchema = z.strictObject({
  id: unitIdSchema,
  variant: position,
  seedIndex: position,
  seed: z.number().int(),
});

/** A sweep's suite: its plan is the settings (every shard must have the same), its planned runs the units. */
export const sweepShardManifestSchema = manifestOfKind('sweep', sweepPlanSchema, sweepSuiteUnitSchema);

export type SweepSuiteUnit = z.infer<typeof sweepSuiteUnitSchema>;
export type SweepShardManifest = z.infer<typeof sweepShardManifestSchema>;
export type SweepSuite = SweepShardManifest['suite'];

/** Every kind of shard output; a new kind is one more member (and one entry in merge's table). */
export const shardManifestSchema = z.discriminatedUnion('kind', [
  runShardManifestSchema,
  sweepShardManifestSchema,
]);
export type ShardManifest = z.infer<typeof shardManifestSchema>;
export type ShardKind = ShardManifest['kind'];
/** What every kind's manifest holds besides its kind and suite. */
export type ShardManifestCommon = z.infer<z.ZodObject<typeof shardManifestCommonShape>>;

/** A unit's result file, relative to its shard's output folder. */
export function unitResultPath(at: number, id: string): string {
  return `${SHARD_DIR}/${at}-${id}.json`;
}
