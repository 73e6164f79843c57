import { once } from 'node:events';
import type { CommandModule } from 'yargs';
import { FaultlineError } from '../../errors/faultline-error.ts';
import { startServer } from '../../http/server.ts';
import { createLogger, LOG_LEVELS } from '../../logging/logger.ts';
import { catchInterrupts } from '../interrupt.ts';
import { printLine } from '../output.ts';
import { seedOption } from '../seed-flag.ts';
import { readCheckedServing } from '../serving-scenario.ts';
import {
  SERVER_LIMIT_OPTIONS,
  type ServerLimitFlags,
  serverLimitsFromFlags,
} from './server-limit-options.ts';

interface ServeArgs extends ServerLimitFlags {
  readonly port: number;
  readonly host: string;
  readonly scenario?: string;
  readonly authEnv?: string;
  readonly metricsAuth?: boolean;
  readonly logLevel?: (typeof LOG_LEVELS)[number];
  readonly seed?: number;
  readonly dribble?: boolean;
  readonly maxBody?: number;
  readonly grpc?: string;
  readonly ws?: string;
}

/** `--grpc` / `--ws` with no value take these ports. */
const DEFAULT_GRPC_PORT = 50051;
const DEFAULT_WS_PORT = 8788;

/** An optional-value port flag: absent → off, bare → the default port, else a port in [0, 65535]. */
function portFlag(flag: string, value: string | undefined, fallback: number): number | undefined {
  if (value === undefined) return undefined;
  if (value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new FaultlineError('USAGE', `--${flag} takes a port between 0 and 65535, not "${value}".`);
  }
  return port;
}

/** `faultline serve`: the argument-analysis API on a real socket, misbehaving on the scenario's cue. */
export const serveCommand: CommandModule<object, ServeArgs> = {
  command: 'serve',
  describe: 'Serve the argument-analysis API over HTTP, with a scenario’s faults on its timeline',
  builder: (y) =>
    y
      .option('port', { type: 'number', default: 8787, describe: 'port to listen on (0 picks a free one)' })
      .option('host', {
        type: 'string',
        default: '127.0.0.1',
        describe: 'address to bind; anything but loopback exposes a deliberately failing API',
      })
      .option('scenario', { type: 'string', describe: 'scenario file whose phases and faults to apply' })
      .option('auth-env', {
        type: 'string',
        describe: 'environment variable holding the Bearer token clients must send (no auth when absent)',
      })
      .option('metrics-auth', {
        type: 'boolean',
        describe: 'with --auth-env, /metrics needs the token too (the default); --no-metrics-auth opens it',
      })
      .option('log-level', { choices: LOG_LEVELS, default: 'info' as const, describe: 'log threshold' })
      .option('seed', seedOption('seed of the fault draws (default: the scenario’s, else random)'))
      .option('dribble', { type: 'boolean', describe: 'deliver latency as a slow body after the headers' })
      .option('grpc', {
        type: 'string',
        describe: `also serve the API over gRPC on this port (${DEFAULT_GRPC_PORT} when bare), same faults`,
      })
      .option('ws', {
        type: 'string',
        describe: `also accept WebSocket analysis sessions on this port (${DEFAULT_WS_PORT} when bare), path /api/ws`,
      })
      .option('max-body', {
        type: 'number',
        default: 1024 * 1024,
        describe: 'largest request body in bytes (413 above)',
      })
      .options(SERVER_LIMIT_OPTIONS)
      .example(
        '$0 serve --scenario scenarios/outage-with-fallback.yaml',
        'the API on 127.0.0.1:8787 with the outage phases',
      )
      .example(
        'ANALYSIS_TOKEN=s3cret $0 serve --auth-env ANALYSIS_TOKEN',
        'require Authorization: Bearer s3cret',
      ),
  handler: async (args) => {
    const grpcPort = portFlag('grpc', args.grpc, DEFAULT_GRPC_PORT);
    const wsPort = portFlag('ws', args.ws, DEFAULT_WS_PORT);
    const logger = createLogger({ level: args.logLevel });
    const source = args.scenario ? await readCheckedServing(args.scenario) : undefined;
    const server = await startServer({
      port: args.port,
      host: args.host,
      phases: source?.phases,
      seed: args.seed ?? source?.seed,
      backendName: source?.backendName,
      backend: source?.backend,
      authEnv: args.authEnv,
      metricsAuth: args.metricsAuth,
      maxBodyBytes: args.maxBody,
      dribble: args.dribble,
      limits: serverLimitsFromFlags(args),
      logger,
    });
    // One fault timeline for every transport, so `faults.restart()` and the control API steer them all.
    const shared = {
      host: args.host,
      faults: server.faults,
      backend: source?.backend,
      backendName: source?.backendName,
      authEnv: args.authEnv,
      logger,
    };
    const extra: { url: string; close(): Promise<void> }[] = [];
    try {
      // Loaded only when asked for: grpc-js and ws stay out of every other command's start-up.
      if (grpcPort !== undefined) {
        const { startGrpcServer } = await import('../../grpc/server.ts');
        extra.push(await startGrpcServer({ ...shared, port: grpcPort }));
      }
      if (wsPort !== undefined) {
        const { startWebSocketServer } = await import('../../websocket/server.ts');
        extra.push(
          await startWebSocketServer({
            ...shared,
            port: wsPort,
            phases: source?.phases,
            seed: args.seed ?? source?.seed,
          }),
        );
      }
    } catch (error) {
      await Promise.all([server, ...extra].map((running) => running.close()));
      throw error;
    }
    printLine(
      `faultline serve: ${[server, ...extra].map((running) => running.url).join('  ')}  (Ctrl-C to stop)`,
    );
    const interrupts = catchInterrupts();
    await once(interrupts.signal, 'abort');
    interrupts.dispose();
    await Promise.all([server, ...extra].map((running) => running.close()));
  },
};
