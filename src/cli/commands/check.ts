import { dirname } from 'node:path';
import type { CommandModule } from 'yargs';
import { wallNow } from '../../clock/real-clock.ts';
import { FaultlineError } from '../../errors/faultline-error.ts';
import { randomSeed } from '../../rng/rng.ts';
import { reportLines, summaryLine } from '../../testing/check/report-lines.ts';
import { isLawName, LAW_NAMES, type LawName } from '../../testing/laws/index.ts';
import { checkLaws } from '../../work/check-laws.ts';
import { defaultWorkers } from '../../work/workers.ts';
import { ExitCode, type SetExitCode } from '../exit-codes.ts';
import { printLine, printWarning } from '../output.ts';
import { prepareScenario } from '../prepare-scenario.ts';
import { seedOption } from '../seed-flag.ts';
import { workersOption } from '../workers-flag.ts';

/** Plugins that call a real server: check cannot run them on virtual time. */
const REAL_SOCKET_PLUGINS = new Set(['http', 'grpc', 'websocket']);

interface CheckArgs {
  readonly scenario: string;
  readonly law?: string[];
  readonly runs: number;
  readonly seed?: number;
  readonly path?: string;
  readonly maxAmplification?: number;
  readonly workers?: number;
}

/** `faultline check <scenario>`: the resilience laws on the scenario's policies and backends. */
export function checkCommand(setExit: SetExitCode): CommandModule<object, CheckArgs> {
  return {
    command: 'check <scenario>',
    describe: 'Check resilience laws on a scenario’s policies with generated faults; shrink what breaks them',
    builder: (y) =>
      y
        .positional('scenario', { type: 'string', demandOption: true, describe: 'a scenario file' })
        .option('law', {
          type: 'string',
          array: true,
          describe: `law to check, repeatable (default: all): ${LAW_NAMES.join(', ')}`,
        })
        .option('runs', { type: 'number', default: 100, describe: 'generated scenarios per law' })
        .option('seed', seedOption('seed of the generator (default: random, printed)'))
        .option('path', {
          type: 'string',
          describe: 'replay one counterexample: its path, with --seed and --law',
        })
        .option('max-amplification', {
          type: 'number',
          describe: 'bound on backend calls per request (default: what the retry and topology allow)',
        })
        .option('workers', workersOption())
        .example('$0 check scenarios/outage-with-fallback.yaml', 'every law, 100 generated runs each')
        .example('$0 check my.yaml --law half-open-probes --runs 1000', 'one law, harder')
        .example(
          '$0 check my.yaml --law amplification --max-amplification 1.5',
          'hold retries to 1.5 calls a request',
        ),
    handler: async (args) => {
      const laws = lawsOf(args);
      const runs = validRuns(args.runs);
      if (args.path !== undefined && (args.seed === undefined || laws.length !== 1)) {
        throw new FaultlineError(
          'USAGE',
          '--path replays one counterexample: give it with --seed and one --law',
        );
      }
      if (args.maxAmplification !== undefined && !(args.maxAmplification > 0)) {
        throw new FaultlineError(
          'USAGE',
          `--max-amplification must be a positive number (got ${args.maxAmplification})`,
        );
      }
      // check refuses real-socket backends below, with its own reason.
      const prepared = await prepareScenario(args.scenario, { warn: printWarning, realTime: true });
      const real = Object.entries(prepared.scenario.backends).find(([, ref]) =>
        REAL_SOCKET_PLUGINS.has(ref.plugin),
      );
      if (real) {
        throw new FaultlineError(
          'CHECK_NEEDS_SIMULATION',
          `${args.scenario}: backend "${real[0]}" uses the ${real[1].plugin} plugin, but check runs thousands of simulations on virtual time; point it at an in-process backend (mock-analysis, msw, nock or your own plugin)`,
        );
      }
      const seed = args.seed ?? randomSeed();
      const started = wallNow();
      printLine(
        `faultline check ${args.scenario} · ${laws.length} law${laws.length === 1 ? '' : 's'} · ${args.path === undefined ? `${runs} runs each` : `replaying path ${args.path}`} · seed ${seed}`,
      );
      const replayArgs = { file: args.scenario, maxAmplification: args.maxAmplification };
      // Laws are independent runs from one seed: spread over workers, the reports are the same.
      const reports = await checkLaws(prepared.scenario, {
        workers: args.workers ?? defaultWorkers(),
        laws,
        runs,
        seed,
        path: args.path,
        maxAmplification: args.maxAmplification,
        trial: { baseDir: dirname(prepared.absolute), file: args.scenario },
        onReport: (report) => {
          for (const line of reportLines(report, replayArgs)) printLine(line);
        },
      });
      printLine(summaryLine(reports, wallNow() - started));
      setExit(
        reports.some((report) => report.status === 'broken') ? ExitCode.HypothesisFailed : ExitCode.Pass,
      );
    },
  };
}

function lawsOf(args: CheckArgs): LawName[] {
  if (!args.law || args.law.length === 0) return LAW_NAMES;
  return args.law.map((name) => {
    if (isLawName(name)) return name;
    throw new FaultlineError('UNKNOWN_LAW', `unknown law "${name}"; the laws are ${LAW_NAMES.join(', ')}`);
  });
}

function validRuns(runs: number): number {
  if (Number.isInteger(runs) && runs >= 1) return runs;
  throw new FaultlineError('USAGE', `--runs must be a whole number of at least 1 (got ${runs})`);
}
