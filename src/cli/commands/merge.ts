import type { CommandModule } from 'yargs';
import { loadConfig } from '../../config/load-config.ts';
import { createReporters } from '../../report/reporters/index.ts';
import type { SetExitCode } from '../exit-codes.ts';
import { mergeShards } from '../merge/merge-shards.ts';
import { readShardOutputs } from '../merge/read-shards.ts';
import { printLine, printWarning } from '../output.ts';
import { processReporterContext } from '../run-scenarios.ts';
import { type RunFlags, resolveRunSettings } from '../run-settings.ts';
import { SHARD_MANIFEST_FILE } from '../shard-manifest.ts';
import { withOutputOptions } from './shared-options.ts';

interface MergeArgs extends Pick<RunFlags, 'reporter' | 'outDir' | 'out' | 'quiet'> {
  readonly shards: string[];
  readonly config?: string;
}

/** `faultline merge <shard outputs..>`: one verdict, and one set of reports, from the shards of a suite. */
export function mergeCommand(setExit: SetExitCode): CommandModule<object, MergeArgs> {
  return {
    command: 'merge <shards..>',
    describe: 'Combine the outputs of sharded runs into the reports and exit code of the whole suite',
    builder: (y) =>
      withOutputOptions(
        y.positional('shards', {
          type: 'string',
          array: true,
          demandOption: true,
          describe: `shard output folders, their ${SHARD_MANIFEST_FILE}, or a folder of shard folders (of faultline run or faultline sweep)`,
        }),
      )
        .example(
          '$0 merge shard-1 shard-2 shard-3 --reporter console --reporter junit',
          'one JUnit file and one total from three CI shards',
        )
        .example(
          '$0 merge /results --out-dir merged',
          'every shard folder under /results (a Kubernetes volume)',
        ),
    handler: async (args) => {
      const cwd = process.cwd();
      const config = await loadConfig(cwd, args.config);
      const settings = resolveRunSettings(args, config, cwd);
      const outputs = await readShardOutputs(args.shards, cwd);
      const target = {
        reporters: () =>
          createReporters(
            settings.reporters,
            processReporterContext(settings),
            settings.reportersBaseDir,
            settings.reporterOrigin,
          ),
        outDir: settings.outDir,
        color: process.stdout.isTTY === true,
        print: printLine,
      };
      setExit(await mergeShards(outputs, target, printWarning));
    },
  };
}
