import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { CommandModule } from 'yargs';
import { FaultlineError } from '../../errors/faultline-error.ts';
import { printLine } from '../output.ts';
import { PLUGIN_NAME, pluginFiles } from '../scaffold/plugin-files.ts';
import { writeNewFiles } from '../scaffold/write-new-files.ts';

interface NewPluginArgs {
  readonly name: string;
  readonly dir: string;
  readonly force?: boolean;
}

/** `faultline new plugin <name>`: scaffolds a backend plugin and its test. */
export const newCommand: CommandModule = {
  command: 'new <what>',
  describe: 'Scaffold a new part (plugin)',
  builder: (y) =>
    y
      .command<NewPluginArgs>({
        command: 'plugin <name>',
        describe: 'Scaffold a backend plugin and its test',
        builder: (p) =>
          p
            .positional('name', {
              type: 'string',
              demandOption: true,
              describe: 'plugin name, e.g. billing-api',
            })
            .option('dir', { type: 'string', default: 'plugins', describe: 'folder that holds plugins' })
            .option('force', { type: 'boolean', describe: 'overwrite existing files' })
            .example('$0 new plugin billing-api', 'writes plugins/billing-api/index.ts and its test'),
        handler: async (args) => {
          if (!PLUGIN_NAME.test(args.name)) {
            throw new FaultlineError(
              'USAGE',
              `"${args.name}" is not a plugin name; use lowercase letters, digits and dashes, e.g. billing-api`,
            );
          }
          const { written, skipped } = await writeNewFiles(
            process.cwd(),
            pluginFiles(args.name, args.dir),
            args.force,
          );
          for (const file of written) printLine(`created ${file}`);
          for (const file of skipped) printLine(`kept ${file} (exists; --force overwrites it)`);
          const { folder, plugin } = pluginPathHint(process.cwd(), args.dir, args.name);
          printLine(`\nUse it from a scenario in ${folder}:  backends: { primary: { plugin: ${plugin} } }`);
          printLine('(plugin paths are relative to the scenario file)');
        },
      })
      .demandCommand(1, 'Name what to create: faultline new plugin <name>'),
  handler: () => {},
};

/**
 * The plugin path a scenario writes, relative to where scenarios live: `scenarios/` (what `faultline
 * init` creates) when the folder exists, else the current folder.
 */
export function pluginPathHint(cwd: string, dir: string, name: string): { folder: string; plugin: string } {
  const scenarios = existsSync(join(cwd, 'scenarios')) ? join(cwd, 'scenarios') : cwd;
  const path = relative(scenarios, join(cwd, dir, name, 'index.ts'))
    .split(sep)
    .join('/');
  return {
    folder: scenarios === cwd ? 'this folder' : 'scenarios/',
    plugin: path.startsWith('.') ? path : `./${path}`,
  };
}
