import { createHash } from 'node:crypto';

/** One value a variant sets: sweeps vary numbers, durations (as written), booleans and choices. */
export type VariantValue = string | number | boolean;

/** Scenario fields a unit overrides, by dotted path (`policies.retry.maxAttempts`); `{}` for a plain run. */
export type Variant = Readonly<Record<string, VariantValue>>;

/**
 * One independent simulation. Its result is a pure function of (scenario bytes, seed, variant) and the
 * run-wide `UnitSettings`, so a unit retried, run twice or run on another machine gives the same bytes.
 * Everything here is plain data: units cross worker threads and machines.
 */
export interface WorkUnit {
  /** The scenario file as the user named it (messages, results). */
  readonly file: string;
  /** Absolute path, where a worker loads it from. */
  readonly absolute: string;
  /** SHA-256 of the file's bytes when the unit was planned; a worker refuses a file that has changed. */
  readonly scenarioSha256: string;
  readonly seed: number;
  readonly variant: Variant;
}

/** Settings every unit of one run shares; part of what the results depend on. */
export interface UnitSettings {
  readonly durationMs?: number;
  readonly realTime?: boolean;
  readonly allowInsecureHttp?: boolean;
  /** --real-backend: the API the in-process analysis backends are swapped for. */
  readonly realApi?: { readonly url: string; readonly apiKeyEnv?: string; readonly servesFaults?: boolean };
}

/** The variant's entries in path order: the canonical form identities and reports use. */
export function variantEntries(variant: Variant): [string, VariantValue][] {
  return Object.keys(variant)
    .sort()
    .map((path) => [path, variant[path] as VariantValue]);
}

/** A short stable identity: equal for two units exactly when scenario bytes, seed and variant are equal. */
export function unitId(unit: Pick<WorkUnit, 'scenarioSha256' | 'seed' | 'variant'>): string {
  const canonical = JSON.stringify([unit.scenarioSha256, unit.seed, variantEntries(unit.variant)]);
  return createHash('sha256').update(canonical).digest('hex').slice(0, 20);
}

/** The variant as people read it: `{policies.retry.maxAttempts=3, policies.cache=off}`; `{}` when empty. */
export function describeVariant(variant: Variant): string {
  return `{${variantEntries(variant)
    .map(([path, value]) => `${path}=${value}`)
    .join(', ')}}`;
}
