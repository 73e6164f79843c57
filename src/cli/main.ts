import yargs, { type Argv } from 'yargs';
import { isFaultlineError } from '../errors/faultline-error.ts';
import { FAULTLINE_VERSION } from '../runner/version.ts';
import { benchCommand } from './commands/bench.ts';
import { checkCommand } from './commands/check.ts';
import { docsCommand } from './commands/docs.ts';
import { exportCommand } from './commands/export.ts';
import { fitCommand } from './commands/fit.ts';
import { initCommand } from './commands/init.ts';
import { listCommand } from './commands/list.ts';
import { newCommand } from './commands/new-plugin.ts';
import { proxyCommand } from './commands/proxy.ts';
import { replayCommand } from './commands/replay.ts';
import { runCommand } from './commands/run.ts';
import { schemaCommand } from './commands/schema.ts';
import { serveCommand } from './commands/serve.ts';
import { validateCommand } from './commands/validate.ts';
import { ExitCode } from './exit-codes.ts';
import { printError } from './output.ts';

/** Parses argv and runs a command; resolves to the process exit code (never calls process.exit itself). */
export async function main(argv: readonly string[]): Promise<number> {
  let exitCode: number = ExitCode.Pass;
  const setExit = (code: number) => {
    exitCode = code;
  };
  const cli: Argv = yargs([...argv])
    .scriptName('faultline')
    .usage(
      '$0 <command> [options]\n\nResilience test harness: faults, policies and verdicts on a virtual clock.',
    )
    .version(FAULTLINE_VERSION)
    .option('config', {
      type: 'string',
      global: true,
      describe: 'config file (default: faultline.config.ts|js|json in the current folder)',
    })
    .command(runCommand(setExit))
    .command(validateCommand(setExit))
    .command(checkCommand(setExit))
    .command(listCommand)
    .command(schemaCommand)
    .command(initCommand)
    .command(newCommand)
    .command(replayCommand(setExit))
    .command(docsCommand(setExit))
    .command(serveCommand)
    .command(proxyCommand)
    .command(fitCommand)
    .command(exportCommand(setExit))
    .command(benchCommand(setExit))
    .example('$0 run scenarios/', 'run every scenario in the folder')
    .example('$0 validate scenarios/my.yaml', 'check a scenario without running it')
    .example('$0 replay faultline-results/my-scenario.json', 'rerun a result exactly')
    .epilogue(
      'Exit codes: 0 all hypotheses held, 1 a hypothesis failed, 2 usage or input error, 130 interrupted.',
    )
    .demandCommand(1, 'Name a command, e.g. faultline run scenarios/')
    .strict()
    .recommendCommands()
    .help()
    .alias('help', 'h')
    .alias('version', 'v')
    .exitProcess(false)
    .wrap(Math.min(110, process.stdout.columns ?? 110))
    .fail((message, error) => {
      if (error) throw error;
      throw new UsageError(message);
    });
  try {
    await cli.parseAsync();
    return exitCode;
  } catch (error) {
    if (error instanceof UsageError) {
      printError(`${error.message}. Run faultline --help for usage.`);
      return ExitCode.Usage;
    }
    if (isFaultlineError(error)) {
      printError(error.message);
      return error.exitCode;
    }
    throw error;
  }
}

class UsageError extends Error {}
