import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { CommandModule } from 'yargs';
import { startStopwatch } from '../../clock/stopwatch.ts';
import { FaultlineError } from '../../errors/faultline-error.ts';
import { serializeResult } from '../../report/serialize.ts';
import { renderSweepConsole } from '../../report/sweep/console.ts';
import { renderSweepHtml } from '../../report/sweep/html.ts';
import { renderSweepMarkdown } from '../../report/sweep/markdown.ts';
import { SweepProgress } from '../../report/sweep/progress.ts';
import { buildSweepPlan } from '../../sweep/build-plan.ts';
import { runSweep } from '../../sweep/run-sweep.ts';
import { buildSweepReport, type SweepReport } from '../../sweep/sweep-report.ts';
import type { Sampling } from '../../sweep/sweep-schema.ts';
import { parseDuration } from '../../util/duration.ts';
import { defaultWorkers } from '../../work/workers.ts';
import { ExitCode, type SetExitCode } from '../exit-codes.ts';
import { catchInterrupts } from '../interrupt.ts';
import { printLine, printWarning } from '../output.ts';
import { prepareScenario } from '../prepare-scenario.ts';
import { DEFAULT_OUT_DIR } from '../run-settings.ts';
import { seedOption } from '../seed-flag.ts';
import { resolveShard } from '../shard.ts';
import { SHARD_DIR } from '../shard-manifest.ts';
import { createSweepShard } from '../sweep-shard.ts';
import { workersOption } from '../workers-flag.ts';

interface SweepArgs {
  readonly scenario: string;
  readonly vary?: string[];
  readonly seeds?: number;
  readonly seed?: number;
  readonly samples?: number;
  readonly sampling?: Sampling;
  readonly minPassShare?: number;
  readonly crn: boolean;
  readonly duration?: string;
  readonly workers?: number;
  readonly shard?: string;
  readonly shardCount?: number;
  readonly force?: boolean;
  readonly outDir?: string;
  readonly keepRuns?: boolean;
  readonly color?: boolean;
}

/** `faultline sweep <scenario>`: runs policy variants on common seeds and recommends the cheapest that holds. */
export function sweepCommand(setExit: SetExitCode): CommandModule<object, SweepArgs> {
  return {
    command: 'sweep <scenario>',
    describe: 'Run policy variants on the same seeds and recommend the cheapest whose hypotheses hold',
    builder: (y) =>
      y
        .positional('scenario', {
          type: 'string',
          demandOption: true,
          describe: 'the scenario file to sweep',
        })
        .option('vary', {
          type: 'string',
          array: true,
          describe:
            'path=values, repeatable: 1,2,3 | 1..5 | 100ms..2s:5 (steps) | true,false | on,off (a policy block); default: the scenario’s sweep.vary',
        })
        .option('seeds', {
          type: 'number',
          describe: 'seeds each variant runs on (default: sweep.seeds, else 5)',
        })
        .option(
          'seed',
          seedOption('first seed (default: the scenario’s seed, else 1); seeds run seed, seed+1, …'),
        )
        .option('samples', { type: 'number', describe: 'run N sampled variants instead of the whole grid' })
        .option('sampling', {
          choices: ['grid', 'random', 'lhs'] as const,
          describe: 'grid, random or lhs (Latin hypercube)',
        })
        .option('min-pass-share', {
          type: 'number',
          describe: 'share of seeds a variant’s hypotheses must hold in to be recommended (default 0.95)',
        })
        .option('crn', {
          type: 'boolean',
          default: true,
          describe:
            'common random numbers: every variant of a seed meets the same luck (--no-crn for independent seeds)',
        })
        .option('duration', { type: 'string', describe: 'override the workload’s duration, e.g. 30s, 5m' })
        .option('workers', workersOption())
        .option('shard', {
          type: 'string',
          describe:
            'run shard i of n of the sweep’s runs, e.g. 1/4 (default: JOB_COMPLETION_INDEX + 1 of JOB_COMPLETIONS when set); merge with faultline merge',
        })
        .option('shard-count', {
          type: 'number',
          describe: 'with JOB_COMPLETION_INDEX: how many shards (default: JOB_COMPLETIONS)',
        })
        .option('force', {
          type: 'boolean',
          describe: 'run a sweep whose estimated backend calls are over MAX_SWEEP_CALLS',
        })
        .option('out-dir', {
          type: 'string',
          describe:
            'folder for sweep.json, sweep.md, sweep.html (default faultline-results/sweep-<name>); with --shard, for the shard’s faultline-shard/ output',
        })
        .option('keep-runs', {
          type: 'boolean',
          describe: 'also write every run’s full result (replayable with faultline replay) under runs/',
        })
        .option('color', { type: 'boolean', describe: 'colour the table (default: on a terminal)' })
        .example(
          '$0 sweep scenarios/retry-storm.yaml --vary policies.retry.maxAttempts=1..5 --vary policies.breaker.strategy.threshold=5,10,20',
          'a 5 × 3 grid on 5 seeds each',
        )
        .example(
          '$0 sweep my.yaml --vary policies.timeout.after=100ms..2s:8 --seeds 20',
          'timeouts, 20 seeds each',
        )
        .example(
          '$0 sweep my.yaml --samples 50 --sampling lhs',
          'the scenario’s sweep: block, 50 Latin-hypercube samples',
        ),
    handler: async (args) => {
      const cwd = process.cwd();
      const durationMs = args.duration === undefined ? undefined : durationFlag(args.duration);
      const shard = resolveShard(args, process.env);
      const workers = args.workers ?? defaultWorkers();
      const prepared = await prepareScenario(args.scenario, {
        warn: printWarning,
        ...(durationMs !== undefined && { durationMs }),
        ...(args.force && { force: true }),
      });
      const plan = buildSweepPlan({
        file: prepared.file,
        scenario: prepared.scenario,
        scenarioSha256: prepared.sha256,
        ...(args.vary && { vary: args.vary }),
        ...(args.seeds !== undefined && {
          seeds: boundedInt('--seeds', args.seeds, 1, Number.MAX_SAFE_INTEGER),
        }),
        ...(args.seed !== undefined && { baseSeed: args.seed }),
        ...(args.samples !== undefined && {
          samples: boundedInt('--samples', args.samples, 1, Number.MAX_SAFE_INTEGER),
        }),
        ...(args.sampling && { sampling: args.sampling }),
        ...(args.minPassShare !== undefined && { minPassShare: args.minPassShare }),
        crn: args.crn,
        ...(durationMs !== undefined && { durationMs }),
        ...(args.force && { force: true }),
        warn: printWarning,
      });
      if (prepared.scenario.hypotheses.length === 0) {
        printWarning(
          `${prepared.file} has no hypotheses: every variant that serves requests "holds", so the cheapest is recommended; add hypotheses to say what must hold`,
        );
      }
      const outDir = resolve(cwd, args.outDir ?? join(DEFAULT_OUT_DIR, `sweep-${slug(plan.scenario.name)}`));
      await mkdir(outDir, { recursive: true });
      const progress = process.stderr.isTTY ? new SweepProgress(process.stderr) : undefined;
      const interrupts = catchInterrupts();
      let runs: Awaited<ReturnType<typeof runSweep>>;
      const sharded = shard && createSweepShard(outDir, plan, shard);
      const elapsed = startStopwatch();
      try {
        await sharded?.writer.start();
        runs = await runSweep(plan, {
          absolute: prepared.absolute,
          settings: { ...(durationMs !== undefined && { durationMs }) },
          workers,
          signal: interrupts.signal,
          ...(sharded && { selected: () => sharded.selected, onRecord: sharded.record }),
          onRun: (done, total) => progress?.update(done, total),
          ...(args.keepRuns && {
            onResult: async (record, result) => {
              await mkdir(join(outDir, 'runs'), { recursive: true });
              await writeFile(
                join(outDir, 'runs', `v${record.variant}-s${record.seedIndex}.json`),
                serializeResult(result),
              );
            },
          }),
        });
      } finally {
        progress?.clear();
        interrupts.dispose();
      }
      const shown = (file: string) => relative(cwd, file) || file;
      if (sharded) {
        const { index, count } = sharded.shard;
        await sharded.writer.finish(runs.length === sharded.selected.length, elapsed());
        printLine(
          `sweep shard ${index}/${count}: ${runs.length} runs written to ${shown(join(outDir, SHARD_DIR))}; merge every shard's --out-dir with faultline merge`,
        );
        setExit(interrupts.signal.aborted ? ExitCode.Interrupted : ExitCode.Pass);
        return;
      }
      const report = buildSweepReport(plan, runs);
      await writeSweepReports(report, outDir);
      printLine(renderSweepConsole(report, args.color ?? process.stdout.isTTY === true));
      printLine(`reports: ${shown(join(outDir, 'sweep.json'))}, sweep.md, sweep.html`);
      setExit(sweepExitCode(report, interrupts.signal.aborted));
    },
  };
}

/** sweep.json (every variant and run), sweep.md and sweep.html in the folder. */
export async function writeSweepReports(report: SweepReport, outDir: string): Promise<void> {
  await writeFile(join(outDir, 'sweep.json'), `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(join(outDir, 'sweep.md'), renderSweepMarkdown(report));
  await writeFile(join(outDir, 'sweep.html'), renderSweepHtml(report));
}

/** 0 a variant is recommended, 1 none meets the hypotheses, 130 interrupted. */
export function sweepExitCode(report: SweepReport, interrupted: boolean): number {
  if (interrupted || !report.complete) return ExitCode.Interrupted;
  return report.recommendation.found ? ExitCode.Pass : ExitCode.HypothesisFailed;
}

function durationFlag(text: string): number {
  const ms = parseDuration(text);
  if (ms === undefined || ms <= 0) {
    throw new FaultlineError('USAGE', `--duration ${text} is not a duration; write e.g. 30s, 5m or 1h`);
  }
  return ms;
}

function boundedInt(flag: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new FaultlineError('USAGE', `${flag} ${value}: give a whole number from ${min} to ${max}`);
  }
  return value;
}

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'scenario';
