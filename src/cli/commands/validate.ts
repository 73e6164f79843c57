import pc from 'picocolors';
import type { CommandModule } from 'yargs';
import { loadConfig } from '../../config/load-config.ts';
import { isFaultlineError } from '../../errors/faultline-error.ts';
import { livenessWarnings } from '../../runner/liveness-warnings.ts';
import { ExitCode, type SetExitCode } from '../exit-codes.ts';
import { printError, printLine, printWarning } from '../output.ts';
import { prepareScenario } from '../prepare-scenario.ts';
import { scenarioFilesFor } from '../scenario-files.ts';

interface ValidateArgs {
  readonly files?: string[];
  readonly config?: string;
  readonly allowInsecureHttp?: boolean;
}

/** `faultline validate [files..]`: every check `run` makes before running, for each file; nothing runs. */
export function validateCommand(setExit: SetExitCode): CommandModule<object, ValidateArgs> {
  return {
    command: 'validate [files..]',
    describe: 'Check scenario files without running them',
    builder: (y) =>
      y
        .positional('files', {
          type: 'string',
          array: true,
          describe: 'scenario files, folders or globs (default: the config’s scenarios, else scenarios/)',
        })
        .option('allow-insecure-http', {
          type: 'boolean',
          describe: 'accept plain-HTTP backends on non-local hosts',
        })
        .example('$0 validate scenarios/', 'check the whole library')
        .example(
          '$0 validate my-scenario.yaml',
          'schema, references, plugin options and secrets of one file',
        ),
    handler: async (args) => {
      const cwd = process.cwd();
      const config = await loadConfig(cwd, args.config);
      const files = await scenarioFilesFor(args.files, config, cwd);
      let failed = 0;
      for (const file of files) {
        try {
          const { scenario } = await prepareScenario(file, {
            allowInsecureHttp: args.allowInsecureHttp ?? config.allowInsecureHttp,
            warn: printWarning,
          });
          for (const warning of livenessWarnings(scenario)) printWarning(`${file}: ${warning}`);
          printLine(`${pc.green('✓')} ${file}  ${pc.dim(scenario.name)}`);
        } catch (error) {
          if (!isFaultlineError(error)) throw error;
          printError(error.message);
          failed++;
        }
      }
      if (files.length > 1) printLine(`${files.length - failed} of ${files.length} scenario files are valid`);
      setExit(failed > 0 ? ExitCode.Usage : ExitCode.Pass);
    },
  };
}
