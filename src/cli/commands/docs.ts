import type { CommandModule } from 'yargs';
import { ExitCode, type SetExitCode } from '../exit-codes.ts';
import { printError, printLine } from '../output.ts';
import { generatedDocs, writeGeneratedDocs } from '../schema/generated-docs.ts';

interface DocsArgs {
  readonly check?: boolean;
}

/** `faultline docs` (for maintainers): regenerates the README's scenario reference and the shipped schema. */
export function docsCommand(setExit: SetExitCode): CommandModule<object, DocsArgs> {
  return {
    command: 'docs',
    describe: false,
    builder: (y) =>
      y.option('check', { type: 'boolean', describe: 'fail (exit 1) if the generated files are stale' }),
    handler: async (args) => {
      if (args.check) {
        const stale = (await generatedDocs()).filter((f) => f.current !== f.expected);
        for (const f of stale) printError(`${f.file} is out of date with the schema; run faultline docs`);
        setExit(stale.length > 0 ? ExitCode.HypothesisFailed : ExitCode.Pass);
        return;
      }
      const written = await writeGeneratedDocs();
      printLine(written.length > 0 ? `updated ${written.join(', ')}` : 'generated docs are up to date');
    },
  };
}
