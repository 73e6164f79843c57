import type { RecorderFigures } from '../metrics/figures.ts';
import { roundMs } from '../metrics/rounding.ts';
import { type Environment, type HypothesisResult, RESULT_SCHEMA_VERSION, type RunResult } from './result.ts';

export interface ResultInput {
  readonly scenario: { readonly name: string; readonly description?: string; readonly file?: string };
  readonly seed: number;
  readonly mode: RunResult['mode'];
  readonly durationMs: number;
  /** False when the run was interrupted. */
  readonly complete: boolean;
  readonly figures: RecorderFigures;
  readonly hypotheses: readonly HypothesisResult[];
  readonly environment: Environment;
}

/**
 * Assembles the run's result with a fixed key order (schemaVersion first, the machine-dependent
 * environment last) so two equal runs serialize to the same bytes up to the environment block.
 * The verdict passes only when the run completed and every hypothesis held (none means nothing failed).
 */
export function buildResult(input: ResultInput): RunResult {
  const { figures } = input;
  const verdict = input.complete && input.hypotheses.every((hypothesis) => hypothesis.pass) ? 'pass' : 'fail';
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    complete: input.complete,
    scenario: withoutUndefined({
      name: input.scenario.name,
      description: input.scenario.description,
      file: input.scenario.file,
    }),
    seed: input.seed,
    mode: input.mode,
    verdict,
    durationMs: roundMs(input.durationMs),
    requests: figures.requests,
    availability: figures.availability,
    latency: figures.latency,
    inFlight: figures.inFlight,
    throughput: figures.throughput,
    backend: figures.backend,
    cache: figures.cache,
    breaker: figures.breaker,
    faults: figures.faults,
    policyEvents: figures.policyEvents,
    phases: figures.phases,
    timeline: figures.timeline,
    hypotheses: input.hypotheses,
    environment: withoutUndefined(input.environment),
  };
}

/** Drops absent optional fields, so the object's keys are exactly what the JSON will hold. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
