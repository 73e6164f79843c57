import type { CommandModule } from 'yargs';
import { loadConfig } from '../../config/load-config.ts';
import { FaultlineError, isFaultlineError } from '../../errors/faultline-error.ts';
import { ExitCode, type SetExitCode } from '../exit-codes.ts';
import { printError } from '../output.ts';
import { runScenarioFiles, watchScenarioFiles } from '../run-scenarios.ts';
import { type RunFlags, resolveRunSettings } from '../run-settings.ts';
import { scenarioFilesFor } from '../scenario-files.ts';
import { seedOption } from '../seed-flag.ts';
import { resolveShard, selectShard } from '../shard.ts';
import { planRunSuite } from '../suite-plan.ts';
import { workersOption } from '../workers-flag.ts';
import { withReportOptions } from './shared-options.ts';

interface RunArgs extends RunFlags {
  readonly shardCount?: number;
  readonly deferVerdict?: boolean;
  readonly files?: string[];
  readonly watch?: boolean;
  readonly config?: string;
}

/** `faultline run [files..]`: runs scenarios, reports them, exits by the verdict. */
export function runCommand(setExit: SetExitCode): CommandModule<object, RunArgs> {
  return {
    command: 'run [files..]',
    describe: 'Run scenarios and judge their hypotheses',
    builder: (y) =>
      withReportOptions(
        y
          .positional('files', {
            type: 'string',
            array: true,
            describe: 'scenario files, folders or globs (default: the config’s scenarios, else scenarios/)',
          })
          .option('seed', seedOption('seed for every scenario (default: each scenario’s own)'))
          .option('duration', {
            type: 'string',
            describe: 'override every workload’s duration, e.g. 30s, 5m, 1h',
          })
          .option('real-time', { type: 'boolean', describe: 'run on the real clock instead of simulating' })
          .option('bail', { type: 'boolean', describe: 'stop after the first scenario that fails' })
          .option('shard', {
            type: 'string',
            describe:
              'run shard i of n of the suite’s units, e.g. 1/3 (default: JOB_COMPLETION_INDEX + 1 of JOB_COMPLETIONS when set); writes faultline-shard/ in --out-dir for faultline merge',
          })
          .option('shard-count', {
            type: 'number',
            describe: 'with JOB_COMPLETION_INDEX: how many shards (default: JOB_COMPLETIONS)',
          })
          .option('defer-verdict', {
            type: 'boolean',
            describe:
              'with a shard: exit 0 once its units ran, even if a hypothesis failed (faultline merge gives the verdict); for Kubernetes Jobs, which retry failed pods',
          })
          .option('workers', workersOption())
          .option('watch', { type: 'boolean', alias: 'w', describe: 'rerun when a scenario file changes' })
          .option('otlp-endpoint', {
            type: 'string',
            describe:
              'export each scenario’s traces (a span per request, a child per backend call) over OTLP/HTTP to this URL',
          })
          .option('force', {
            type: 'boolean',
            describe: 'run a scenario whose estimated backend calls are over the limit (MAX_TOTAL_CALLS)',
          }),
      )
        .example('$0 run scenarios/', 'run the whole library, simulated')
        .example('$0 run scenarios/outage-with-fallback.yaml --seed 42', 'a replayable run with a fixed seed')
        .example("$0 run 'scenarios/*-cache*.yaml' --duration 2m", 'a glob, each workload cut to 2 minutes')
        .example(
          '$0 run scenarios/ --reporter console --reporter junit:junit.xml',
          'JUnit for CI, in faultline-results/',
        )
        .example('$0 run scenarios/ --shard 2/4', 'the second quarter of the units, for a CI matrix')
        .example(
          'JOB_COMPLETION_INDEX=1 JOB_COMPLETIONS=4 $0 run scenarios/',
          'the same, as a Kubernetes Indexed Job pod',
        )
        .example('$0 run scenarios/ --workers 1', 'one scenario at a time, in this thread')
        .example('$0 run scenarios/retry-storm.yaml --watch', 'rerun on every save')
        .example(
          '$0 run scenarios/retry-storm.yaml --otlp-endpoint http://127.0.0.1:4318/v1/traces',
          'traces of the run to a local OpenTelemetry collector',
        ),
    handler: async (args) => {
      const cwd = process.cwd();
      const config = await loadConfig(cwd, args.config);
      const settings = resolveRunSettings(args, config, cwd);
      const all = await scenarioFilesFor(args.files, config, cwd);
      const shard = resolveShard(args, process.env);
      if (args.deferVerdict && (!shard || args.watch)) {
        throw new FaultlineError(
          'USAGE',
          '--defer-verdict is for one shard of a suite (the merge gives the verdict); add --shard i/n or set JOB_COMPLETION_INDEX, without --watch',
        );
      }
      if (shard && !args.watch) {
        const suite = await planRunSuite(all, settings);
        const positions = selectShard(
          suite.units.map((_, at) => at),
          shard,
        );
        const files = positions.map((at) => (suite.units[at] as (typeof suite.units)[number]).file);
        const code = await runScenarioFiles(files, { ...settings, shard }, { shard, suite, positions });
        setExit(args.deferVerdict && code === ExitCode.HypothesisFailed ? ExitCode.Pass : code);
        return;
      }
      const files = shard ? selectShard(all, shard) : all;
      if (!args.watch) {
        setExit(await runScenarioFiles(files, settings));
        return;
      }
      const onError = (error: unknown) => {
        if (!isFaultlineError(error)) throw error;
        printError(error.message);
      };
      setExit(await watchScenarioFiles(files, settings, config.file ? [config.file] : [], onError));
    },
  };
}
