import { once } from 'node:events';
import type { CommandModule } from 'yargs';
import { loadConfig } from '../../config/load-config.ts';
import { startProxy } from '../../http/proxy.ts';
import { createLogger, LOG_LEVELS } from '../../logging/logger.ts';
import { startRecording } from '../../record/recorder.ts';
import { catchInterrupts } from '../interrupt.ts';
import { printLine } from '../output.ts';
import { seedOption } from '../seed-flag.ts';
import { readCheckedServing } from '../serving-scenario.ts';
import {
  PROXY_LIMIT_OPTIONS,
  SERVER_LIMIT_OPTIONS,
  type ServerLimitFlags,
  serverLimitsFromFlags,
} from './server-limit-options.ts';

interface ProxyArgs extends ServerLimitFlags {
  readonly target: string;
  readonly scenario?: string;
  readonly port: number;
  readonly host: string;
  readonly controlPort?: number;
  readonly allow?: string[];
  readonly logLevel?: (typeof LOG_LEVELS)[number];
  readonly seed?: number;
  readonly dribble?: boolean;
  readonly config?: string;
  readonly record?: string;
  readonly recordBodies?: boolean;
}

/** `faultline proxy`: a fault-injecting reverse proxy in front of any HTTP upstream. */
export const proxyCommand: CommandModule<object, ProxyArgs> = {
  command: 'proxy',
  describe: 'Run a fault-injecting HTTP reverse proxy in front of an upstream',
  builder: (y) =>
    y
      .option('target', {
        type: 'string',
        demandOption: true,
        describe: 'upstream URL, e.g. http://127.0.0.1:8080',
      })
      .option('scenario', { type: 'string', describe: 'scenario file whose phases and faults to apply' })
      .option('port', { type: 'number', default: 8788, describe: 'port to listen on (0 picks a free one)' })
      .option('host', { type: 'string', default: '127.0.0.1', describe: 'address to bind' })
      .option('control-port', {
        type: 'number',
        default: 0,
        describe:
          'loopback port of the control API (GET /phases, POST /phase, POST|DELETE /faults, GET /metrics)',
      })
      .option('allow', {
        type: 'string',
        array: true,
        describe: 'another host the proxy may reach (repeatable); private addresses must be named here',
      })
      .option('log-level', { choices: LOG_LEVELS, default: 'info' as const, describe: 'log threshold' })
      .option('seed', seedOption('seed of the fault draws (default: the scenario’s, else random)'))
      .option('dribble', { type: 'boolean', describe: 'deliver latency as a slow body after the headers' })
      .options(SERVER_LIMIT_OPTIONS)
      .options(PROXY_LIMIT_OPTIONS)
      .option('record', {
        type: 'string',
        describe: 'write every exchange to this HAR 1.2 file (secrets redacted; valid even if stopped)',
      })
      .option('record-bodies', { type: 'boolean', describe: 'with --record, keep response bodies too' })
      .example(
        '$0 proxy --target http://127.0.0.1:8787 --record traffic.har',
        'record real traffic for faultline fit',
      )
      .example(
        '$0 proxy --target http://127.0.0.1:8080 --scenario scenarios/outage-with-fallback.yaml',
        'inject the outage in front of a local service',
      )
      .example(
        'curl -X POST -H \'content-type: application/json\' -d \'{"name":"outage"}\' http://127.0.0.1:<control>/phase',
        'pin a phase while the proxy runs',
      ),
  handler: async (args) => {
    const config = await loadConfig(process.cwd(), args.config);
    const logger = createLogger({ level: args.logLevel });
    const source = args.scenario
      ? await readCheckedServing(args.scenario, { allowInsecureHttp: config.allowInsecureHttp })
      : undefined;
    const recorder = args.record
      ? await startRecording(args.record, { bodies: args.recordBodies })
      : undefined;
    const proxy = await startProxy({
      observe: recorder?.observe,
      target: args.target,
      allow: [...(config.proxyAllow ?? []), ...(args.allow ?? [])],
      port: args.port,
      host: args.host,
      controlPort: args.controlPort,
      phases: source?.phases,
      seed: args.seed ?? source?.seed,
      backendName: source?.backendName,
      dribble: args.dribble,
      limits: serverLimitsFromFlags(args),
      logger,
    }).catch(async (error: unknown) => {
      await recorder?.close();
      throw error;
    });
    printLine(
      `faultline proxy: ${proxy.url} -> ${args.target}  control: ${proxy.controlUrl}  (Ctrl-C to stop)`,
    );
    const interrupts = catchInterrupts();
    // A recording is valid on disk at every moment; stopping on SIGTERM too lets it end with the last exchanges.
    const onTerm = () => process.kill(process.pid, 'SIGINT');
    if (recorder) process.once('SIGTERM', onTerm);
    await once(interrupts.signal, 'abort');
    interrupts.dispose();
    process.off('SIGTERM', onTerm);
    await proxy.close();
    if (recorder) {
      await recorder.close();
      const { written, dropped } = recorder.counts();
      printLine(
        `faultline proxy: recorded ${written} exchanges to ${args.record}${dropped ? ` (${dropped} dropped)` : ''}`,
      );
    }
  },
};
