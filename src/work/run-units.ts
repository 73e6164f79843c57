import { startStopwatch } from '../clock/stopwatch.ts';
import type { RunResult } from '../report/result.ts';
import { runScenario } from '../runner/run-scenario.ts';
import type { RunTracer } from '../tracing/run-tracer.ts';
import { loadUnitScenario } from './unit-scenario.ts';
import type { UnitSettings, WorkUnit } from './work-unit.ts';

export interface UnitOutcome {
  readonly unit: WorkUnit;
  readonly result: RunResult;
  readonly wallMs: number;
}

export interface RunUnitsOptions {
  readonly settings: UnitSettings;
  /** Worker threads; 1 runs every unit in this thread, one after another. */
  readonly workers?: number;
  /** Aborting ends the running units early (results marked incomplete) and starts no more. */
  readonly signal?: AbortSignal;
  /** Told when unit `index` starts. */
  readonly onStart?: (index: number) => void | Promise<void>;
  readonly onProgress?: (index: number, elapsedMs: number, totalMs: number) => void;
  /** Told of each finished unit in index order (whatever order they finish in); false stops the rest. */
  readonly onOutcome?: (
    index: number,
    outcome: UnitOutcome,
  ) => boolean | undefined | Promise<boolean | undefined>;
  /** Records each unit's requests (only with workers = 1: tracers stay in this thread). */
  readonly tracerFor?: (index: number) => RunTracer | undefined;
}

/**
 * Runs independent simulations and returns their outcomes in unit order. This is the one place that
 * decides where a unit runs; `run`, `check` and `sweep` all come through here.
 */
export async function runUnits(units: readonly WorkUnit[], options: RunUnitsOptions): Promise<UnitOutcome[]> {
  const outcomes: UnitOutcome[] = [];
  for (const [index, unit] of units.entries()) {
    if (options.signal?.aborted) break;
    await options.onStart?.(index);
    const outcome = await runUnitHere(unit, index, options);
    outcomes.push(outcome);
    if ((await options.onOutcome?.(index, outcome)) === false) break;
  }
  return outcomes;
}

/** One unit in this thread, on its own virtual clock. */
export async function runUnitHere(
  unit: WorkUnit,
  index: number,
  options: RunUnitsOptions,
): Promise<UnitOutcome> {
  const elapsed = startStopwatch();
  const { settings } = options;
  const scenario = await loadUnitScenario(unit, settings);
  const tracer = options.tracerFor?.(index);
  const result = await runScenario(scenario, {
    seed: unit.seed,
    file: unit.absolute,
    ...(tracer && { tracer }),
    ...(settings.durationMs !== undefined && { durationMs: settings.durationMs }),
    ...(settings.realTime !== undefined && { realTime: settings.realTime }),
    ...(settings.allowInsecureHttp !== undefined && { allowInsecureHttp: settings.allowInsecureHttp }),
    ...(options.signal && { signal: options.signal }),
    onProgress: (elapsedMs, totalMs) => options.onProgress?.(index, elapsedMs, totalMs),
  });
  return { unit, result, wallMs: elapsed() };
}
