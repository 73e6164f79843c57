import type { CommandModule } from 'yargs';
import { printLine } from '../output.ts';
import { starterFiles } from '../scaffold/starter-files.ts';
import { writeNewFiles } from '../scaffold/write-new-files.ts';
import { scenarioJsonSchema } from '../schema/json-schema.ts';

interface InitArgs {
  readonly force?: boolean;
}

/** `faultline init`: a commented starter scenario and config in the current folder. */
export const initCommand: CommandModule<object, InitArgs> = {
  command: 'init',
  describe: 'Write a starter config and scenario in the current folder',
  builder: (y) =>
    y
      .option('force', { type: 'boolean', describe: 'overwrite files that already exist' })
      .example('$0 init && $0 run', 'scaffold, then run the starter scenario'),
  handler: async (args) => {
    const schema = `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
    const { written, skipped } = await writeNewFiles(process.cwd(), starterFiles(schema), args.force);
    for (const file of written) printLine(`created ${file}`);
    for (const file of skipped) printLine(`kept ${file} (exists; --force overwrites it)`);
    printLine('\nNext: npx faultline run   (runs scenarios/ with the config above)');
  },
};
