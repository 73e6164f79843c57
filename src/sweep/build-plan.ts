import { FaultlineError } from '../errors/faultline-error.ts';
import { createRng } from '../rng/rng.ts';
import { applyVariant } from '../scenario/apply-variant.ts';
import {
  MAX_SWEEP_CALLS,
  MAX_SWEEP_DIMENSIONS,
  MAX_SWEEP_SEEDS,
  MAX_SWEEP_UNITS,
  MAX_SWEEP_VARIANTS,
} from '../scenario/limits.ts';
import type { Scenario } from '../scenario/schema.ts';
import { scenarioSchema } from '../scenario/schema.ts';
import { lookupPath } from '../scenario/schema-paths.ts';
import { estimateCalls } from '../scenario/semantic-checks.ts';
import { type Dimension, gridSize, variantsOf } from './space.ts';
import type { SweepPlan } from './sweep-plan.ts';
import type { Sampling } from './sweep-schema.ts';
import { parseValues } from './values.ts';

export const DEFAULT_SEEDS = 5;
export const DEFAULT_MIN_PASS_SHARE = 0.95;

/** What the user asked for, from flags; anything unset falls back to the scenario's `sweep:` block. */
export interface SweepRequest {
  readonly file: string;
  readonly scenario: Scenario;
  readonly scenarioSha256: string;
  /** `--vary path=values`, as written; when given, the scenario's sweep.vary is not used. */
  readonly vary?: readonly string[];
  readonly seeds?: number;
  readonly baseSeed?: number;
  readonly sampling?: Sampling;
  readonly samples?: number;
  readonly minPassShare?: number;
  readonly crn?: boolean;
  readonly durationMs?: number;
  /** Run past MAX_SWEEP_CALLS (the other limits are hard). */
  readonly force?: boolean;
  readonly warn?: (message: string) => void;
}

/**
 * The sweep's plan: dimensions, variants, seeds. Every variant is applied to the scenario here, so a bad
 * value fails before any run starts, and the sweep's work is bounded before it is spent.
 */
export function buildSweepPlan(request: SweepRequest): SweepPlan {
  const { scenario, file } = request;
  const block = scenario.sweep;
  const dimensions =
    request.vary && request.vary.length > 0 ? request.vary.map(parseVaryFlag) : blockDimensions(block);
  if (dimensions.length === 0) {
    throw new FaultlineError(
      'SWEEP_NO_DIMENSIONS',
      `${file}: nothing to sweep; pass --vary path=values (e.g. --vary policies.retry.maxAttempts=1..5) or give the scenario a sweep: block`,
    );
  }
  if (dimensions.length > MAX_SWEEP_DIMENSIONS) {
    tooLarge(
      `${dimensions.length} swept paths, over MAX_SWEEP_DIMENSIONS = ${MAX_SWEEP_DIMENSIONS}; sweep fewer at once`,
    );
  }
  const seen = new Set<string>();
  for (const dimension of dimensions) {
    if (seen.has(dimension.path)) usage(`--vary ${dimension.path} is given twice; list all its values once`);
    seen.add(dimension.path);
  }
  const samples = request.samples ?? block?.samples;
  const sampling = request.sampling ?? block?.sampling ?? (samples !== undefined ? 'lhs' : 'grid');
  const size = gridSize(dimensions);
  if (sampling === 'grid' && size > MAX_SWEEP_VARIANTS) {
    tooLarge(
      `the grid has ${size} variants, over MAX_SWEEP_VARIANTS = ${MAX_SWEEP_VARIANTS}; sample it instead, e.g. --samples 200 --sampling lhs`,
    );
  }
  if (sampling !== 'grid' && samples === undefined) usage(`--sampling ${sampling} needs --samples N`);
  if (samples !== undefined && samples > MAX_SWEEP_VARIANTS) {
    tooLarge(`--samples ${samples} is over MAX_SWEEP_VARIANTS = ${MAX_SWEEP_VARIANTS}; sample fewer`);
  }
  const seedCount = request.seeds ?? block?.seeds ?? DEFAULT_SEEDS;
  if (!Number.isInteger(seedCount) || seedCount < 1 || seedCount > MAX_SWEEP_SEEDS) {
    usage(`--seeds ${seedCount}: give 1 to ${MAX_SWEEP_SEEDS} (MAX_SWEEP_SEEDS)`);
  }
  const baseSeed = request.baseSeed ?? scenario.seed ?? 1;
  const rng = createRng(baseSeed).fork('sweep-sampling');
  const variants = variantsOf(dimensions, sampling, samples ?? size, rng);
  const units = variants.length * seedCount;
  if (units > MAX_SWEEP_UNITS) {
    tooLarge(
      `${variants.length} variants × ${seedCount} seeds = ${units} runs, over MAX_SWEEP_UNITS = ${MAX_SWEEP_UNITS}; use fewer seeds or --samples`,
    );
  }
  let calls = 0;
  for (const variant of variants)
    calls += estimateCalls(applyVariant(scenario, variant, file), request.durationMs) * seedCount;
  if (calls > MAX_SWEEP_CALLS) {
    const what = `the sweep could make ${calls.toExponential(2)} backend calls (variants × seeds × calls per run), over MAX_SWEEP_CALLS = ${MAX_SWEEP_CALLS.toLocaleString('en-US')}`;
    if (!request.force)
      tooLarge(`${what}; sweep fewer variants or seeds, shorten the workload, or pass --force`);
    request.warn?.(`${file}: ${what}; running it anyway (--force)`);
  }
  const minPassShare = request.minPassShare ?? block?.minPassShare ?? DEFAULT_MIN_PASS_SHARE;
  if (!(minPassShare >= 0 && minPassShare <= 1))
    usage(`--min-pass-share ${minPassShare}: give a share from 0 to 1`);
  return {
    scenario: { name: scenario.name, file, scenarioSha256: request.scenarioSha256 },
    dimensions,
    sampling,
    variants,
    seeds: Array.from({ length: seedCount }, (_, j) => baseSeed + j),
    crn: request.crn ?? true,
    minPassShare,
    ...(request.durationMs !== undefined && { durationMs: request.durationMs }),
  };
}

/** `--vary policies.retry.maxAttempts=1..5`: the path checked against the schema, the values parsed. */
export function parseVaryFlag(flag: string): Dimension {
  const at = flag.indexOf('=');
  if (at <= 0) usage(`--vary ${flag}: write path=values, e.g. --vary policies.retry.maxAttempts=1..5`);
  const path = flag.slice(0, at).trim();
  const lookup = path.startsWith('sweep') ? undefined : lookupPath(scenarioSchema, path);
  if (!lookup?.found) {
    throw new FaultlineError(
      'SWEEP_UNKNOWN_PATH',
      `--vary ${lookup ? lookup.problem : `${path}: a sweep cannot vary itself`}`,
    );
  }
  const parsed = parseValues(flag.slice(at + 1));
  if (!parsed.ok) throw new FaultlineError('SWEEP_VALUES_INVALID', `--vary ${path}: ${parsed.problem}`);
  return { path, values: parsed.values };
}

function blockDimensions(block: Scenario['sweep']): Dimension[] {
  return Object.entries(block?.vary ?? {}).map(([path, values]) => ({ path, values }));
}

function usage(message: string): never {
  throw new FaultlineError('USAGE', message);
}

function tooLarge(message: string): never {
  throw new FaultlineError('SWEEP_TOO_LARGE', message);
}
