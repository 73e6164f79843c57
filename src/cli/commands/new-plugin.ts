import type { CommandModule } from 'yargs';
import { FaultlineError } from '../../errors/faultline-error.ts';
import { printLine } from '../output.ts';
import { httpPluginFiles } from '../scaffold/http-plugin-files.ts';
import { PLUGIN_NAME, pluginFiles } from '../scaffold/plugin-files.ts';
import { writeNewFiles } from '../scaffold/write-new-files.ts';

interface NewPluginArgs {
  readonly name: string;
  readonly dir: string;
  readonly force?: boolean;
  readonly http?: boolean;
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
            .option('http', {
              type: 'boolean',
              describe:
                'a real HTTP service client (URL and key from the environment) tested against faultline serve',
            })
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
            args.http ? httpPluginFiles(args.name, args.dir) : pluginFiles(args.name, args.dir),
            args.force,
          );
          for (const file of written) printLine(`created ${file}`);
          for (const file of skipped) printLine(`kept ${file} (exists; --force overwrites it)`);
          printLine(
            `\nUse it from a scenario:  backends: { primary: { plugin: ./${args.dir}/${args.name}/index.ts } }`,
          );
          printLine('(plugin paths are relative to the scenario file)');
        },
      })
      .demandCommand(1, 'Name what to create: faultline new plugin <name>'),
  handler: () => {},
};
