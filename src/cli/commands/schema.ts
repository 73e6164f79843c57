import { writeFile } from 'node:fs/promises';
import type { CommandModule } from 'yargs';
import { printLine } from '../output.ts';
import { scenarioJsonSchema } from '../schema/json-schema.ts';

interface SchemaArgs {
  readonly out?: string;
}

/** `faultline schema`: the scenario JSON Schema (draft-07), for editor completion and validation. */
export const schemaCommand: CommandModule<object, SchemaArgs> = {
  command: 'schema',
  describe: 'Print the scenario JSON Schema (draft-07)',
  builder: (y) =>
    y
      .option('out', { type: 'string', describe: 'write it to this file instead of stdout' })
      .example(
        '$0 schema --out scenario.schema.json',
        'then begin a scenario with # yaml-language-server: $schema=./scenario.schema.json',
      ),
  handler: async (args) => {
    const text = `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
    if (args.out) await writeFile(args.out, text);
    else printLine(text.trimEnd());
  },
};
