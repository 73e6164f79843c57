import pc from 'picocolors';
import type { CommandModule } from 'yargs';
import { builtinPluginNames, loadBackendPlugin } from '../../backend/registry.ts';
import { loadConfig } from '../../config/load-config.ts';
import { isFaultlineError } from '../../errors/faultline-error.ts';
import { BUILTIN_REPORTER_NAMES } from '../../report/reporters/index.ts';
import { loadScenarioFile } from '../../scenario/load-scenario.ts';
import { printLine } from '../output.ts';
import { scenarioFilesFor } from '../scenario-files.ts';

interface ListArgs {
  readonly files?: string[];
  readonly config?: string;
  readonly json?: boolean;
}

interface Listing {
  scenarios: { file: string; name?: string; description?: string; problem?: string }[];
  plugins: { name: string; description?: string; builtin: boolean }[];
  reporters: string[];
}

/** `faultline list`: the scenarios found, the backend plugins available, the reporters. */
export const listCommand: CommandModule<object, ListArgs> = {
  command: 'list [files..]',
  describe: 'List scenarios, backend plugins and reporters',
  builder: (y) =>
    y
      .positional('files', {
        type: 'string',
        array: true,
        describe: 'where to look for scenarios (default: scenarios/)',
      })
      .option('json', { type: 'boolean', describe: 'print the listing as JSON' })
      .example('$0 list', 'what can be run here')
      .example('$0 list --json', 'the same, for scripts'),
  handler: async (args) => {
    const cwd = process.cwd();
    const config = await loadConfig(cwd, args.config);
    const files = await scenarioFilesFor(args.files, config, cwd).catch(() => [] as string[]);
    const listing = await collect(files);
    if (args.json) printLine(JSON.stringify(listing, null, 2));
    else printListing(listing);
  },
};

async function collect(files: readonly string[]): Promise<Listing> {
  const scenarios: Listing['scenarios'] = [];
  const pluginPaths = new Set<string>();
  for (const file of files) {
    try {
      const { scenario } = await loadScenarioFile(file);
      scenarios.push({
        file,
        name: scenario.name,
        ...(scenario.description && { description: scenario.description }),
      });
      for (const ref of Object.values(scenario.backends)) {
        if (!builtinPluginNames().includes(ref.plugin)) pluginPaths.add(ref.plugin);
      }
    } catch (error) {
      if (!isFaultlineError(error)) throw error;
      scenarios.push({ file, problem: error.message });
    }
  }
  const plugins: Listing['plugins'] = [];
  for (const name of builtinPluginNames()) {
    const plugin = await loadBackendPlugin(name, process.cwd()).catch(() => undefined);
    plugins.push({ name, builtin: true, ...(plugin?.description && { description: plugin.description }) });
  }
  for (const path of [...pluginPaths].sort())
    plugins.push({ name: path, builtin: false, description: 'used by a scenario, by path' });
  return { scenarios, plugins, reporters: [...BUILTIN_REPORTER_NAMES] };
}

function printListing(listing: Listing): void {
  printLine(pc.bold(`Scenarios (${listing.scenarios.length})`));
  for (const s of listing.scenarios) {
    if (s.problem) printLine(`  ${pc.red('✗')} ${s.file}  ${pc.dim(s.problem)}`);
    else printLine(`  ${s.name}  ${pc.dim(s.file)}${s.description ? `\n      ${s.description}` : ''}`);
  }
  printLine(pc.bold('\nBackend plugins'));
  for (const p of listing.plugins) {
    printLine(
      `  ${p.name}${p.builtin ? '' : pc.dim(' (path)')}${p.description ? `  ${pc.dim(p.description)}` : ''}`,
    );
  }
  printLine(pc.bold('\nReporters'));
  printLine(`  ${listing.reporters.join(', ')}`);
}
