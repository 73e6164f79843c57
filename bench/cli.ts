/**
 * `faultline bench`'s options and entry point. The harness lives in the repository, beside the
 * libraries it compares with (devDependencies), and runs on the sources; the published CLI forwards
 * `faultline bench …` here (src/cli/commands/bench.ts).
 */
import yargs from 'yargs';
import { ExitCode } from '../src/cli/exit-codes.ts';
import { printError, printLine } from '../src/cli/output.ts';
import { isFaultlineError } from '../src/errors/faultline-error.ts';
import { DEFAULT_THRESHOLD } from './report/compare.ts';
import { SUITE_NAMES } from './suites/index.ts';

export async function benchMain(argv: readonly string[]): Promise<number> {
  let exitCode: number = ExitCode.Pass;
  const cli = yargs([...argv])
    .scriptName('faultline bench')
    .usage(
      '$0 [options]\n\nRun the benchmarks: cached vs uncached, policy overhead, cache hits, simulation speed, start-up, interception',
    )
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
    .example('$0', 'every suite; writes bench/results/<date>.md, .json and .html')
    .example('$0 --suite policy-overhead --compare bench/results/2026-01-05.json', 'flag regressions')
    .example('$0 --suite cached-vs-uncached --scenario my.yaml', 'the reference table for your scenario')
    .strict()
    .help()
    .alias('help', 'h')
    .version(false)
    .exitProcess(false)
    .wrap(Math.min(110, process.stdout.columns ?? 110))
    .fail((message, error) => {
      if (error) throw error;
      throw new BenchUsageError(message);
    });
  try {
    const args = await cli.parseAsync();
    if (args.help) return ExitCode.Pass;
    // Loaded on demand: the suites pull in msw, nock and the libraries they compare with.
    const { benchCommand } = await import('./bench-command.ts');
    const outcome = await benchCommand({
      suites: args.suite as (typeof SUITE_NAMES)[number][] | undefined,
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
    exitCode = outcome.regressions > 0 ? ExitCode.HypothesisFailed : ExitCode.Pass;
    return exitCode;
  } catch (error) {
    if (error instanceof BenchUsageError) {
      printError(`${error.message}. Run faultline bench --help for usage.`);
      return ExitCode.Usage;
    }
    if (isFaultlineError(error)) {
      printError(error.message);
      return error.exitCode;
    }
    throw error;
  }
}

class BenchUsageError extends Error {}
