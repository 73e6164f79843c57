import { startStopwatch } from '../clock/stopwatch.ts';
import { runScenario } from '../runner/run-scenario.ts';
import type { RunUnitsOptions, UnitOutcome } from './run-units.ts';
import { loadUnitScenario } from './unit-scenario.ts';
import type { WorkUnit } from './work-unit.ts';

/** One unit in this thread, on its own virtual clock: what a worker runs, and `runUnits` with one worker. */
export async function runUnitHere(
  unit: WorkUnit,
  index: number,
  options: Pick<RunUnitsOptions, 'settings' | 'signal' | 'onProgress' | 'tracerFor'>,
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
