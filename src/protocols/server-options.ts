import type { Backend } from '../backend/contract.ts';
import type { Clock } from '../clock/clock.ts';
import { createRealClock } from '../clock/real-clock.ts';
import type { Phase } from '../faults/schema.ts';
import { isLoopbackHost } from '../http/address-class.ts';
import { type BearerCheck, bearerCheckFromEnv } from '../http/bearer-auth.ts';
import { createFaultController, type FaultController } from '../http/fault-controller.ts';
import { instantAnalysisBackend } from '../http/instant-analysis.ts';
import { createLogger, type Logger } from '../logging/logger.ts';
import { createRng, type Rng, randomSeed } from '../rng/rng.ts';

/** How the analysis API is served in another protocol (gRPC, WebSocket) beside `faultline serve`'s HTTP. */
export interface ProtocolServerOptions {
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** Loopback by default, as for `faultline serve`. */
  readonly host?: string;
  readonly phases?: readonly Phase[];
  readonly seed?: number;
  readonly backendName?: string;
  /** Answers what the faults let through; the analysis router at once by default. */
  readonly backend?: Backend;
  /** A fault timeline to share (with the HTTP server of the same `serve`); else one of its own. */
  readonly faults?: FaultController;
  /** Name of the environment variable holding the Bearer token every call must carry. */
  readonly authEnv?: string;
  readonly logger?: Logger;
  readonly clock?: Clock;
}

/** What each call (or session) of a protocol server answers with. */
export interface ProtocolCalls {
  /** Answers what the faults let through. */
  readonly backend: Backend;
  /** The backend's own stream of the seed. */
  readonly rng: Rng;
  readonly faults: FaultController;
  readonly clock: Clock;
  readonly logger: Logger;
  /** The Bearer token check, when `authEnv` names one. */
  readonly auth: BearerCheck | undefined;
}

/** The options with their defaults filled in. */
export interface ProtocolServerSetup {
  readonly port: number;
  readonly host: string;
  readonly phases: readonly Phase[];
  readonly seed: number;
  readonly backendName: string;
  readonly calls: ProtocolCalls;
}

/**
 * Fills in the defaults every protocol server shares. `label` names its streams of the seed
 * (`<label>-faults`, `<label>-backend`): each protocol draws its own, so adding one changes no other.
 */
export function protocolServerSetup(options: ProtocolServerOptions, label: string): ProtocolServerSetup {
  const clock = options.clock ?? createRealClock();
  const seed = options.seed ?? randomSeed();
  const phases = options.phases ?? [];
  const backendName = options.backendName ?? 'primary';
  return {
    port: options.port ?? 0,
    host: options.host ?? '127.0.0.1',
    phases,
    seed,
    backendName,
    calls: {
      backend: options.backend ?? instantAnalysisBackend,
      rng: createRng(seed).fork(`${label}-backend`),
      faults:
        options.faults ??
        createFaultController({ phases, clock, rng: createRng(seed).fork(`${label}-faults`), backendName }),
      clock,
      logger: options.logger ?? createLogger({ level: 'silent' }),
      auth: options.authEnv ? bearerCheckFromEnv(options.authEnv) : undefined,
    },
  };
}

/** Says where the server listens, and warns when it is reachable from other machines without a token. */
export function logListening(setup: ProtocolServerSetup, protocol: string, url: string): void {
  const { logger, auth } = setup.calls;
  logger.info({ url, seed: setup.seed, auth: auth !== undefined }, `faultline serve: ${protocol} listening`);
  if (!auth && !isLoopbackHost(setup.host)) {
    logger.warn({ host: setup.host }, `serving ${protocol} on a non-loopback address without --auth-env`);
  }
}
