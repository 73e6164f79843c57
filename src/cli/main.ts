import yargs, { type Argv } from 'yargs';
import { isFaultlineError } from '../errors/faultline-error.ts';
import { FAULTLINE_VERSION } from '../runner/version.ts';
import { runCommand } from './commands/run.ts';
import { ExitCode } from './exit-codes.ts';
import { printError } from './output.ts';

/** Parses argv and runs a command; resolves to the process exit code (never calls process.exit itself). */
export async function main(argv: readonly string[]): Promise<number> {
  let exitCode: number = ExitCode.Pass;
  const cli: Argv = yargs([...argv])
    .scriptName('faultline')
    .version(FAULTLINE_VERSION)
    .command(runCommand((code) => (exitCode = code)))
    .demandCommand(1, 'Name a command: faultline run <scenario>. See faultline --help.')
    .strict()
    .recommendCommands()
    .help()
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
      printError(`${error.message}\nRun faultline --help for usage.`);
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
