import { wallEpochMs } from '../clock/real-clock.ts';
import { startStopwatch } from '../clock/stopwatch.ts';
import {
  broadcast,
  type Reporter,
  type RunSummary,
  type ScenarioOutcome,
  type ScenarioPlan,
} from '../report/reporters/index.ts';
import type { RunResult } from '../report/result.ts';
import { createRng, randomSeed } from '../rng/rng.ts';
import type { RealApi } from '../scenario/point-at-real-api.ts';
import { exportTraces } from '../tracing/otlp-export.ts';
import { RunTracer } from '../tracing/run-tracer.ts';
import { runUnits } from '../work/run-units.ts';
import type { StartedWorkers } from '../work/started-workers.ts';
import type { UnitSettings, Variant, WorkUnit } from '../work/work-unit.ts';
import { ExitCode } from './exit-codes.ts';
import type { PreparedScenario } from './prepare-scenario.ts';
import { recordedApi } from './real-api.ts';
import type { Shard } from './shard.ts';

export interface SessionOptions {
  /** One seed for every scenario; otherwise each scenario's own, or a fresh random one (recorded). */
  readonly seed?: number;
  readonly durationMs?: number;
  readonly realTime?: boolean;
  readonly bail?: boolean;
  readonly allowInsecureHttp?: boolean;
  /** --real-backend: recorded so the reproduce line and `faultline replay` point at the same API. */
  readonly realApi?: RealApi;
  /** Aborting ends the current scenario early (its result marked incomplete) and skips the rest. */
  readonly signal?: AbortSignal;
  readonly shard?: Shard;
  /** Scenario i's seed as planned elsewhere (a shard's part of the suite); wins over `seed`. */
  readonly seedFor?: (index: number) => number | undefined;
  /** Each scenario's traces go over OTLP/HTTP to this URL once it has run. */
  readonly otlpEndpoint?: string;
  /** Told when an export fails; the run goes on (traces are an extra, not the verdict). */
  readonly warn?: (message: string) => void;
  /** A sweep variant applied to every scenario (`faultline replay` of a sweep run). */
  readonly variant?: Variant;
  /** Worker threads the scenarios are spread over (default 1: this thread); see runUnits. */
  readonly workers?: number;
  /** The user asked for `workers` (flag or config): say so through `warn` when they cannot be used. */
  readonly workersExplicit?: boolean;
  /** Threads started while the scenarios were read (startWorkers); runUnits takes them over. */
  readonly startedWorkers?: StartedWorkers;
}

/**
 * Runs scenarios (one after another, or side by side in worker threads) and feeds every reporter in
 * scenario order either way. Seeds are fixed before the first scenario starts, so the plan printed is the plan run.
 */
export async function runSession(
  scenarios: readonly PreparedScenario[],
  reporters: readonly Reporter[],
  options: SessionOptions = {},
): Promise<RunSummary> {
  const elapsed = startStopwatch();
  const plans: ScenarioPlan[] = scenarios.map((prepared, index) => ({
    file: prepared.file,
    name: prepared.scenario.name,
    seed: options.seedFor?.(index) ?? options.seed ?? prepared.scenario.seed ?? randomSeed(),
    index,
    count: scenarios.length,
  }));
  await broadcast(reporters, 'onRunStart', { plans, ...(options.shard && { shard: options.shard }) });
  const units: WorkUnit[] = plans.map((plan, index) => {
    const prepared = scenarios[index] as PreparedScenario;
    return {
      file: prepared.file,
      absolute: prepared.absolute,
      scenarioSha256: prepared.sha256,
      seed: plan.seed,
      variant: options.variant ?? {},
    };
  });
  const tracers = new Map<number, RunTracer>();
  const epochs = new Map<number, number>();
  const outcomes: ScenarioOutcome[] = [];
  const loaded = new Map(scenarios.map((prepared) => [prepared.absolute, prepared.scenario]));
  await runUnits(units, {
    settings: unitSettings(options),
    loadedScenario: (unit) => loaded.get(unit.absolute),
    ...(options.signal && { signal: options.signal }),
    ...(options.workers !== undefined && { workers: options.workers }),
    ...(options.startedWorkers && { startedWorkers: options.startedWorkers }),
    ...(options.workersExplicit && options.warn && { onNotice: options.warn }),
    onStart: async (index) => {
      epochs.set(index, wallEpochMs());
      await broadcast(reporters, 'onScenarioStart', plans[index] as ScenarioPlan);
    },
    onProgress: (index, elapsedMs, totalMs) => {
      const plan = plans[index] as ScenarioPlan;
      for (const reporter of reporters) reporter.onScenarioProgress?.(plan, elapsedMs, totalMs);
    },
    // Only with an endpoint: a tracer keeps its unit in this thread.
    ...(options.otlpEndpoint && {
      tracerFor: (index: number) => {
        const tracer = new RunTracer();
        tracers.set(index, tracer);
        return tracer;
      },
    }),
    onOutcome: async (index, { result, wallMs }) => {
      const plan = plans[index] as ScenarioPlan;
      const tracer = tracers.get(index);
      if (tracer && options.otlpEndpoint) {
        const epochMs = epochs.get(index) ?? wallEpochMs();
        await exportRun(tracer, { url: options.otlpEndpoint, plan, epochMs }, options.warn);
      }
      const outcome: ScenarioOutcome = {
        plan,
        result: withReplay(result, scenarios[index] as PreparedScenario, options),
        wallMs,
      };
      outcomes.push(outcome);
      await broadcast(reporters, 'onScenarioEnd', outcome);
      return !(options.bail === true && outcome.result.verdict === 'fail');
    },
  });
  const summary: RunSummary = {
    outcomes,
    notRun: plans.slice(outcomes.length),
    interrupted: options.signal?.aborted === true,
    wallMs: elapsed(),
  };
  await broadcast(reporters, 'onRunEnd', summary);
  return summary;
}

/** The run-wide settings every unit shares. */
function unitSettings(options: SessionOptions): UnitSettings {
  return {
    ...(options.durationMs !== undefined && { durationMs: options.durationMs }),
    ...(options.realTime !== undefined && { realTime: options.realTime }),
    ...(options.allowInsecureHttp !== undefined && { allowInsecureHttp: options.allowInsecureHttp }),
    ...(options.realApi && { realApi: options.realApi }),
  };
}

async function exportRun(
  tracer: RunTracer,
  target: { url: string; plan: ScenarioPlan; epochMs: number },
  warn: ((message: string) => void) | undefined,
): Promise<void> {
  const { url, plan, epochMs } = target;
  try {
    await exportTraces(tracer.requests, {
      url,
      scenario: plan.name,
      seed: plan.seed,
      epochMs,
      rng: createRng(plan.seed).fork('otlp'),
    });
  } catch (error) {
    warn?.(
      `${plan.name}: exporting traces to ${url} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** Adds what `faultline replay` needs, before the environment block so that block stays last. */
function withReplay(result: RunResult, prepared: PreparedScenario, options: SessionOptions): RunResult {
  const { environment, ...rest } = result;
  return {
    ...rest,
    replay: {
      file: prepared.file,
      scenarioSha256: prepared.sha256,
      ...(options.durationMs !== undefined && { durationMs: options.durationMs }),
      ...(options.realTime && { realTime: true }),
      ...(options.realApi && { realBackend: recordedApi(options.realApi) }),
      ...(options.allowInsecureHttp && { allowInsecureHttp: true }),
      ...(options.variant && Object.keys(options.variant).length > 0 && { variant: options.variant }),
    },
    environment,
  };
}

/** 0 all passed, 1 a hypothesis failed, 130 interrupted. */
export function exitCodeOf(summary: RunSummary): number {
  if (summary.interrupted) return ExitCode.Interrupted;
  return summary.outcomes.every((outcome) => outcome.result.verdict === 'pass')
    ? ExitCode.Pass
    : ExitCode.HypothesisFailed;
}
