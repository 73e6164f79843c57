import type { ReplayInfo, RunResult } from '../report/result.ts';
import { runUnits } from '../work/run-units.ts';
import type { UnitSettings, WorkUnit } from '../work/work-unit.ts';
import { type RunRecord, runRecord } from './run-record.ts';
import { type PlannedRun, plannedRuns, type SweepPlan } from './sweep-plan.ts';

export interface RunSweepOptions {
  /** The scenario file's absolute path, where units load it from. */
  readonly absolute: string;
  readonly settings: UnitSettings;
  readonly workers?: number;
  readonly signal?: AbortSignal;
  /** Only this shard's runs (every count-th of the planned runs). */
  readonly selected?: (runs: readonly PlannedRun[]) => PlannedRun[];
  /** Told after each run: how many are done, of how many. */
  readonly onRun?: (done: number, total: number) => void;
  /** Given each run's record as it is made, with its wall time (a shard writes it to its output). */
  readonly onRecord?: (record: RunRecord, wallMs: number) => void | Promise<void>;
  /** Given each run's full result (with its replay block), e.g. to keep it as a replayable file. */
  readonly onResult?: (record: RunRecord, result: RunResult) => void | Promise<void>;
}

/** Runs a sweep's planned runs (or a shard of them) through runUnits; records in planned order. */
export async function runSweep(plan: SweepPlan, options: RunSweepOptions): Promise<RunRecord[]> {
  const all = plannedRuns(plan);
  const runs = options.selected ? options.selected(all) : all;
  const units: WorkUnit[] = runs.map((run) => ({
    file: plan.scenario.file,
    absolute: options.absolute,
    scenarioSha256: plan.scenario.scenarioSha256,
    seed: run.seed,
    variant: plan.variants[run.variant] ?? {},
  }));
  const records: RunRecord[] = [];
  await runUnits(units, {
    settings: options.settings,
    ...(options.workers !== undefined && { workers: options.workers }),
    ...(options.signal && { signal: options.signal }),
    onOutcome: async (index, { result, unit, wallMs }) => {
      // An interrupted run measured only part of its workload: it is left out, and the sweep stops.
      if (!result.complete) return false;
      const replay = replayOf(plan, unit, options.settings);
      const record = runRecord(runs[index] as PlannedRun, result, replay);
      records.push(record);
      await options.onRecord?.(record, wallMs);
      if (options.onResult) {
        const { environment, ...rest } = result;
        await options.onResult(record, { ...rest, replay, environment });
      }
      options.onRun?.(records.length, runs.length);
      return undefined;
    },
  });
  return records;
}

function replayOf(plan: SweepPlan, unit: WorkUnit, settings: UnitSettings): ReplayInfo {
  return {
    file: plan.scenario.file,
    scenarioSha256: plan.scenario.scenarioSha256,
    ...(settings.durationMs !== undefined && { durationMs: settings.durationMs }),
    ...(settings.allowInsecureHttp && { allowInsecureHttp: true }),
    variant: unit.variant,
  };
}
