/**
 * The programmatic heart of `faultline bench`: runs the chosen suites in one process, in registry order,
 * and returns one report (machine, Node and package versions, every table, every target checked).
 */
import { startStopwatch } from '../src/clock/stopwatch.ts';
import { type BenchEnvironment, describeEnvironment } from './lib/environment.ts';
import { slowDown } from './lib/slow-down.ts';
import type { SuiteContext, SuiteResult } from './lib/types.ts';
import { SUITE_NAMES, SUITES, type SuiteName } from './suites/index.ts';

export const BENCH_SCHEMA_VERSION = 1;

export interface BenchReport {
  readonly schemaVersion: typeof BENCH_SCHEMA_VERSION;
  /** Quick runs check the plumbing; their figures mean nothing. */
  readonly quick: boolean;
  /** Set only for a deliberately slowed run (checking that --compare flags it). */
  readonly injectedDelayUs?: number;
  readonly environment: BenchEnvironment;
  readonly suites: readonly SuiteResult[];
}

export interface BenchOptions {
  /** Which suites; all when absent or empty. */
  readonly suites?: readonly SuiteName[];
  readonly quick?: boolean;
  /** Scenario for the cached-vs-uncached suite instead of the reference case. */
  readonly scenarioFile?: string;
  /** Busy-waits this long in each call of faultline's own code under test: a deliberately slowed build. */
  readonly injectDelayUs?: number;
  /** Progress lines; silent when absent. */
  readonly log?: (line: string) => void;
}

export async function runBench(options: BenchOptions = {}): Promise<BenchReport> {
  const environment = describeEnvironment();
  const chosen = new Set(options.suites?.length ? options.suites : SUITE_NAMES);
  const ctx: SuiteContext = {
    quick: options.quick ?? false,
    log: options.log ?? (() => {}),
    slow: slowDown(options.injectDelayUs ?? 0),
    scenarioFile: options.scenarioFile,
  };
  const suites: SuiteResult[] = [];
  for (const name of SUITE_NAMES.filter((candidate) => chosen.has(candidate))) {
    const suite = await SUITES[name]();
    const elapsed = startStopwatch();
    const output = await suite.run(ctx);
    suites.push({
      name,
      title: suite.title,
      tables: output.tables,
      targets: output.targets ?? [],
      notes: output.notes ?? [],
      wallSeconds: Math.round(elapsed() / 100) / 10,
    });
  }
  return {
    schemaVersion: BENCH_SCHEMA_VERSION,
    quick: ctx.quick,
    ...(options.injectDelayUs ? { injectedDelayUs: options.injectDelayUs } : {}),
    environment,
    suites,
  };
}
