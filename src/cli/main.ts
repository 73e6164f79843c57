import yargs, { type Argv, type CommandModule } from 'yargs';
import { isFaultlineError } from '../errors/faultline-error.ts';
import { FAULTLINE_VERSION } from '../runner/version.ts';
import { installHint, missingPackage } from '../util/missing-package.ts';
import { BENCH_DESCRIPTION } from './commands/bench.ts';
import { ExitCode, type SetExitCode } from './exit-codes.ts';
import { printError } from './output.ts';

// biome-ignore lint/suspicious/noExplicitAny: yargs commands differ in their argument types.
type AnyCommand = CommandModule<any, any>;

/**
 * Every command, loaded only when named: `faultline --version` loads none, `faultline run` loads run's
 * code alone (help and unknown names load them all). A new command is one more entry.
 */
const COMMANDS: Readonly<Record<string, (setExit: SetExitCode) => Promise<AnyCommand>>> = {
  run: async (setExit) => (await import('./commands/run.ts')).runCommand(setExit),
  validate: async (setExit) => (await import('./commands/validate.ts')).validateCommand(setExit),
  check: async (setExit) => (await import('./commands/check.ts')).checkCommand(setExit),
  list: async () => (await import('./commands/list.ts')).listCommand,
  schema: async () => (await import('./commands/schema.ts')).schemaCommand,
  init: async () => (await import('./commands/init.ts')).initCommand,
  new: async () => (await import('./commands/new-plugin.ts')).newCommand,
  replay: async (setExit) => (await import('./commands/replay.ts')).replayCommand(setExit),
  docs: async (setExit) => (await import('./commands/docs.ts')).docsCommand(setExit),
  serve: async () => (await import('./commands/serve.ts')).serveCommand,
  proxy: async () => (await import('./commands/proxy.ts')).proxyCommand,
  fit: async () => (await import('./commands/fit.ts')).fitCommand,
  export: async (setExit) => (await import('./commands/export.ts')).exportCommand(setExit),
  merge: async (setExit) => (await import('./commands/merge.ts')).mergeCommand(setExit),
};

/** Options that take a value wherever they stand, so the command name is found after them. */
const GLOBAL_OPTIONS_WITH_VALUE = new Set(['--config']);

/** Where argv names its command: the first word that is not an option (or an option's value). */
function commandIndex(argv: readonly string[]): number {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (GLOBAL_OPTIONS_WITH_VALUE.has(arg)) i++;
    else if (!arg.startsWith('-')) return i;
  }
  return -1;
}

/** The command argv names, when it is one of COMMANDS or bench; else undefined (load them all). */
function commandName(word: string | undefined): string | undefined {
  return word !== undefined && (Object.hasOwn(COMMANDS, word) || word === 'bench') ? word : undefined;
}

const wantsVersionOnly = (argv: readonly string[]) =>
  argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v');

/** Parses argv and runs a command; resolves to the process exit code (never calls process.exit itself). */
export async function main(argv: readonly string[]): Promise<number> {
  if (wantsVersionOnly(argv)) {
    process.stdout.write(`${FAULTLINE_VERSION}\n`);
    return ExitCode.Pass;
  }
  const at = commandIndex(argv);
  const named = commandName(argv[at]);
  try {
    // The harness parses its own options (bench/cli.ts), in the repository only.
    if (named === 'bench') {
      return await (await import('./commands/bench.ts')).runBenchCommand(argv.slice(at + 1));
    }
  } catch (error) {
    if (!isFaultlineError(error)) throw error;
    printError(error.message);
    return error.exitCode;
  }
  let exitCode: number = ExitCode.Pass;
  const setExit = (code: number) => {
    exitCode = code;
  };
  const toLoad = named ? [named] : Object.keys(COMMANDS);
  let commands: AnyCommand[];
  try {
    commands = await Promise.all(
      toLoad.map((name) => (COMMANDS[name] as (typeof COMMANDS)[string])(setExit)),
    );
  } catch (error) {
    const absent = missingPackage(error);
    if (!absent) throw error;
    printError(installHint(named ? `faultline ${named}` : 'faultline', absent));
    return ExitCode.Usage;
  }
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
    .command(commands)
    .command('bench', BENCH_DESCRIPTION)
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
      // yargs wraps what a flag's coerce threw (e.g. --seed abc) in a YError: a usage error too.
      if (error && error.name !== 'YError') throw error;
      throw new UsageError(error?.message ?? message);
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
