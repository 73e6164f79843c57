import type { RunResult } from '../report/result.ts';
import { loadScenarioFile } from '../scenario/load-scenario.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { RunTracer } from '../tracing/run-tracer.ts';
import { runUnitHere } from './run-unit-here.ts';
import type { StartedWorkers } from './started-workers.ts';
import { runUnitsInPool } from './unit-pool.ts';
import type { UnitSettings, WorkUnit } from './work-unit.ts';

export { runUnitHere } from './run-unit-here.ts';

export interface UnitOutcome {
  readonly unit: WorkUnit;
  readonly result: RunResult;
  readonly wallMs: number;
}

export interface RunUnitsOptions {
  readonly settings: UnitSettings;
  /**
   * Worker threads (default 1): 1 runs every unit in this thread, one after another; more runs them side
   * by side, each thread on its own virtual clock, with the same results, told in the same order.
   */
  readonly workers?: number;
  /** Threads started ahead (startWorkers), used instead of starting new ones; ended here either way. */
  readonly startedWorkers?: StartedWorkers;
  /** Told why units run in this thread although more workers were asked for (traces, real time). */
  readonly onNotice?: (message: string) => void;
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
  /** The scenario the caller already loaded for a unit's file, so deciding where units run parses nothing again. */
  readonly loadedScenario?: (unit: WorkUnit) => Scenario | undefined;
  /** Records each unit's requests (only with workers = 1: tracers stay in this thread). */
  readonly tracerFor?: (index: number) => RunTracer | undefined;
}

/**
 * Runs independent simulations and returns their outcomes in unit order. This is the one place that
 * decides where a unit runs; `run`, `check` and `sweep` all come through here.
 */
export async function runUnits(units: readonly WorkUnit[], options: RunUnitsOptions): Promise<UnitOutcome[]> {
  const workers = Math.min(options.workers ?? 1, units.length);
  if (workers > 1) {
    const reason = await reasonForThisThread(units, options);
    if (reason === undefined) return runUnitsInPool(units, options, workers);
    options.onNotice?.(
      `--workers ${options.workers}: every unit runs in this thread, one at a time, ${reason}`,
    );
  }
  await options.startedWorkers?.release();
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

/** Settings that make every unit a real-time run, which stays in this thread (see reasonForThisThread). */
export function realTimeSettings(settings: Pick<UnitSettings, 'realTime' | 'realApi'>): boolean {
  return Boolean(settings.realTime || settings.realApi);
}

/**
 * Why units must run in this thread, one at a time, or undefined when workers may run them. Traces are
 * recorded by tracers in this thread; real-time runs measure real latency and may share one real API (and
 * the faults it serves), so running them side by side would change what they measure.
 */
async function reasonForThisThread(
  units: readonly WorkUnit[],
  options: RunUnitsOptions,
): Promise<string | undefined> {
  if (options.tracerFor) return 'because traces (--otlp-endpoint) are recorded here';
  if (realTimeSettings(options.settings)) return 'because real-time runs would disturb each other';
  const checked = new Set<string>();
  for (const unit of units) {
    if (checked.has(unit.absolute)) continue;
    checked.add(unit.absolute);
    const scenario = options.loadedScenario?.(unit) ?? (await loadScenarioFile(unit.absolute)).scenario;
    if (scenario.mode === 'real-time') return `because ${unit.file} runs in real time`;
  }
  return undefined;
}
