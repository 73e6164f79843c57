import { resolve } from 'node:path';
import { createReporters, type ReporterContext } from '../report/reporters/index.ts';
import { realTimeSettings } from '../work/run-units.ts';
import { type StartedWorkers, startWorkers } from '../work/started-workers.ts';
import { ExitCode } from './exit-codes.ts';
import { catchInterrupts } from './interrupt.ts';
import { printLine, printWarning } from './output.ts';
import { type PreparedScenario, prepareScenario } from './prepare-scenario.ts';
import { withFaultsPlaced } from './real-api.ts';
import { exitCodeOf, runSession } from './run-session.ts';
import type { RunSettings } from './run-settings.ts';
import { createShardRecorder, type ShardRun } from './shard-recorder.ts';
import { nextChange } from './watch.ts';

/** The reporters' view of this process: real stdout, real environment. */
export function processReporterContext(settings: RunSettings): ReporterContext {
  return {
    outDir: settings.outDir,
    env: process.env,
    quiet: settings.quiet,
    stdout: {
      write: (text) => void process.stdout.write(text),
      isTTY: process.stdout.isTTY === true,
      columns: process.stdout.columns,
    },
  };
}

/**
 * Checks every file, then runs them all with the configured reporters and returns the exit code. Every
 * input problem surfaces (exit 2) before the first scenario starts.
 */
export async function runScenarioFiles(
  files: readonly string[],
  settings: RunSettings,
  shardRun?: ShardRun,
): Promise<number> {
  const interrupts = catchInterrupts();
  try {
    return await runOnce(files, settings, interrupts.signal, shardRun);
  } finally {
    interrupts.dispose();
  }
}

async function runOnce(
  files: readonly string[],
  settings: RunSettings,
  signal: AbortSignal,
  shardRun?: ShardRun,
): Promise<number> {
  // Started first, so the threads load their modules while this one reads the scenario files; not when
  // the settings alone keep every unit in this thread (traces, real time: see runUnits).
  const inThread = settings.otlpEndpoint !== undefined || realTimeSettings(settings);
  const startedWorkers = files.length > 1 && !inThread ? startWorkers(settings.workers) : undefined;
  try {
    return await prepareAndRun(files, settings, signal, shardRun, startedWorkers);
  } finally {
    await startedWorkers?.release();
  }
}

async function prepareAndRun(
  files: readonly string[],
  settings: RunSettings,
  signal: AbortSignal,
  shardRun: ShardRun | undefined,
  startedWorkers: StartedWorkers | undefined,
): Promise<number> {
  const reporters = await createReporters(
    settings.reporters,
    processReporterContext(settings),
    settings.reportersBaseDir,
    settings.reporterOrigin,
  );
  // A shard records its plan and every unit's result for `faultline merge`, whatever the reporters.
  if (shardRun) reporters.push(createShardRecorder(settings.outDir, shardRun));
  const prepared: PreparedScenario[] = [];
  const say = settings.quiet ? () => {} : printLine;
  const realApi = settings.realApi && (await withFaultsPlaced(settings.realApi, say));
  for (const file of files) {
    prepared.push(
      await prepareScenario(file, {
        allowInsecureHttp: settings.allowInsecureHttp,
        warn: printWarning,
        ...(settings.durationMs !== undefined && { durationMs: settings.durationMs }),
        ...(settings.realTime !== undefined && { realTime: settings.realTime }),
        ...(settings.force && { force: true }),
        ...(realApi && { realApi }),
      }),
    );
  }
  const summary = await runSession(prepared, reporters, {
    ...settings,
    ...(realApi && { realApi }),
    ...(shardRun && {
      seedFor: (index: number) => shardRun.suite.units[shardRun.positions[index] ?? -1]?.seed,
    }),
    signal,
    warn: printWarning,
    ...(startedWorkers && { startedWorkers }),
  });
  return exitCodeOf(summary);
}

/**
 * --watch: runs, then reruns whenever a scenario file (or the config) changes, until Ctrl-C, which ends
 * with 130 like any interruption. A broken file between saves prints its error and waits for the next.
 */
export async function watchScenarioFiles(
  files: readonly string[],
  settings: RunSettings,
  alsoWatch: readonly string[],
  onError: (error: unknown) => void,
): Promise<number> {
  const interrupts = catchInterrupts();
  const watched = [...files, ...alsoWatch].map((file) => resolve(file));
  try {
    for (;;) {
      try {
        await runOnce(files, settings, interrupts.signal);
      } catch (error) {
        onError(error);
      }
      if (interrupts.signal.aborted) return ExitCode.Interrupted;
      const announce = () =>
        printLine(
          `\nWatching ${watched.length} file${watched.length === 1 ? '' : 's'} for changes; Ctrl-C to stop.`,
        );
      if ((await nextChange(watched, interrupts.signal, announce)) === 'aborted') return ExitCode.Interrupted;
    }
  } finally {
    interrupts.dispose();
  }
}
