import { writeFile } from 'node:fs/promises';
import { stringify } from 'yaml';
import type { CommandModule } from 'yargs';
import { FaultlineError } from '../../errors/faultline-error.ts';
import { EXPORT_TARGETS, type ExportTargetName } from '../../export/targets.ts';
import { loadScenarioFile } from '../../scenario/load-scenario.ts';
import { printLine, printWarning } from '../output.ts';

interface ExportArgs {
  readonly scenario: string;
  readonly to: ExportTargetName;
  readonly service: string;
  readonly namespace: string;
  readonly port: number;
  readonly listen: string;
  readonly out?: string;
  readonly strict?: boolean;
}

/** `faultline export`: a scenario's faults for Toxiproxy, Istio or Chaos Mesh, with what each cannot express. */
export const exportCommand = (setExit: (code: number) => void): CommandModule<object, ExportArgs> => ({
  command: 'export <scenario>',
  describe:
    'Write a scenario’s phases and faults as Toxiproxy toxics, Istio VirtualServices or a Chaos Mesh Workflow',
  builder: (y) =>
    y
      .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file' })
      .option('to', {
        choices: EXPORT_TARGETS,
        demandOption: true,
        describe: 'the fault injector to write for',
      })
      .option('service', {
        type: 'string',
        default: 'primary',
        describe: 'the service the faults act on (host, app label, proxy name)',
      })
      .option('namespace', {
        type: 'string',
        default: 'default',
        describe: 'Kubernetes namespace (istio, chaos-mesh)',
      })
      .option('port', {
        type: 'number',
        default: 80,
        describe: 'the service port (chaos-mesh, toxiproxy upstream)',
      })
      .option('listen', {
        type: 'string',
        default: '127.0.0.1:26379',
        describe: 'where the Toxiproxy proxy listens',
      })
      .option('out', { type: 'string', describe: 'file to write (default: standard output)' })
      .option('strict', { type: 'boolean', describe: 'exit 2 when anything is dropped or approximated' })
      .example(
        '$0 export scenarios/burst-5xx.yaml --to istio --service reviews',
        'a VirtualService per faulty phase',
      )
      .example(
        '$0 export scenarios/retry-storm.yaml --to chaos-mesh --strict',
        'fails if Chaos Mesh cannot express it all',
      ),
  handler: async (args) => {
    if (!Number.isInteger(args.port) || args.port < 1 || args.port > 65_535) {
      throw new FaultlineError('USAGE', `--port ${args.port} is out of range: give a port from 1 to 65535.`);
    }
    const { scenario } = await loadScenarioFile(args.scenario);
    // Loaded on use: the exporters and their schemas stay off every other command's start-up.
    const { exportScenario } = await import('../../export/export-scenario.ts');
    const exported = exportScenario(scenario, args.to, {
      service: args.service,
      namespace: args.namespace,
      port: args.port,
      listen: args.listen,
    });
    const text =
      exported.format === 'json'
        ? `${JSON.stringify(exported.documents.length === 1 ? exported.documents[0] : exported.documents, null, 2)}\n`
        : exported.documents.map((doc) => stringify(doc, { lineWidth: 0 })).join('---\n');
    if (args.out) await writeFile(args.out, text);
    else process.stdout.write(text);
    for (const warning of exported.warnings) printWarning(`${args.to}: ${warning}`);
    if (args.out)
      printLine(
        `wrote ${args.out} (${exported.documents.length} document(s), ${exported.warnings.length} warning(s))`,
      );
    if (args.strict && exported.warnings.length > 0) {
      throw new FaultlineError(
        'EXPORT_LOSSY',
        `${args.to} cannot express ${exported.warnings.length} item(s) of ${args.scenario} (listed above); drop --strict to export anyway.`,
      );
    }
    setExit(0);
  },
});
