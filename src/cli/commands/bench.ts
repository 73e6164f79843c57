import type { CommandModule } from 'yargs';
import { DEFAULT_THRESHOLD } from '../../../bench/report/compare.ts';
import { SUITE_NAMES, type SuiteName } from '../../../bench/suites/index.ts';
import { ExitCode, type SetExitCode } from '../exit-codes.ts';
import { printLine } from '../output.ts';

interface BenchArgs {
  readonly suite?: SuiteName[];
  readonly quick?: boolean;
  readonly outDir?: string;
  readonly write?: boolean;
  readonly compare?: string;
  readonly current?: string;
  readonly threshold?: number;
  readonly scenario?: string;
  readonly readme?: string;
  readonly injectDelayUs?: number;
}

/** `faultline bench`: measured figures (reference table, overheads, simulation speed), and --compare for CI. */
export function benchCommand(setExit: SetExitCode): CommandModule<object, BenchArgs> {
  return {
    command: 'bench',
    describe:
      'Run the benchmarks: cached vs uncached, policy overhead, cache hits, simulation speed, protocols, interception',
    builder: (y) =>
      y
        .option('suite', {
          type: 'string',
          array: true,
          choices: SUITE_NAMES,
          describe: 'run only these suites',
        })
        .option('quick', {
          type: 'boolean',
          describe: 'tiny sizes, to check the plumbing (figures mean nothing)',
        })
        .option('out-dir', {
          type: 'string',
          default: 'bench/results',
          describe: 'folder for <date>.md/.json/.html',
        })
        .option('write', {
          type: 'boolean',
          default: true,
          describe: 'write the report files (--no-write: print only)',
        })
        .option('compare', {
          type: 'string',
          describe: 'older report (.json) to compare with; exit 1 on a regression',
        })
        .option('current', {
          type: 'string',
          describe: 'with --compare: compare this report instead of running',
        })
        .option('threshold', {
          type: 'number',
          default: DEFAULT_THRESHOLD,
          describe: 'noise threshold for --compare, as a ratio (0.25: 25% worse is flagged)',
        })
        .option('scenario', {
          type: 'string',
          describe: 'scenario for cached-vs-uncached instead of the reference case',
        })
        .option('readme', { type: 'string', describe: 'rewrite the reference-table section of this README' })
        // For checking that --compare flags a slowed build: busy-waits this long in each call of faultline's code.
        .option('inject-delay-us', { type: 'number', hidden: true })
        .example('$0 bench', 'every suite; writes bench/results/<date>.md, .json and .html')
        .example(
          '$0 bench --suite policy-overhead --compare bench/results/2026-01-05.json',
          'flag regressions',
        )
        .example(
          '$0 bench --suite cached-vs-uncached --scenario my.yaml',
          'the reference table for your scenario',
        ),
    handler: async (args) => {
      // Loaded on demand: the suites pull in msw, nock and the libraries they compare with.
      const { benchCommand: run } = await import('../../../bench/bench-command.ts');
      const outcome = await run({
        suites: args.suite,
        quick: args.quick,
        outDir: args.write === false ? undefined : args.outDir,
        compare: args.compare,
        current: args.current,
        threshold: args.threshold,
        scenarioFile: args.scenario,
        readme: args.readme,
        injectDelayUs: args.injectDelayUs,
        print: printLine,
        log: (line) => process.stderr.write(`${line}\n`),
      });
      setExit(outcome.regressions > 0 ? ExitCode.HypothesisFailed : ExitCode.Pass);
    },
  };
}
