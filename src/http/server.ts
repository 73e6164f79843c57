import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Backend, BackendRequest, BackendResponse } from '../backend/contract.ts';
import type { Clock } from '../clock/clock.ts';
import { createRealClock } from '../clock/real-clock.ts';
import { FaultlineError } from '../errors/faultline-error.ts';
import { corruptBody } from '../faults/corrupt-body.ts';
import type { Phase } from '../faults/schema.ts';
import { createLogger, type Logger } from '../logging/logger.ts';
import { createRng, type Rng, randomSeed } from '../rng/rng.ts';
import { isLoopbackHost } from './address-class.ts';
import { type BearerCheck, bearerCheckFromEnv } from './bearer-auth.ts';
import { createFaultController, type FaultController } from './fault-controller.ts';
import {
  connectionSignal,
  type DeliveryContext,
  deliverFailure,
  dribbleBody,
  FAULT_HEADER,
  type Outcome,
  sleepUnlessClosed,
} from './fault-delivery.ts';
import { createHttpMetrics, type HttpMetrics, routeLabel } from './http-metrics.ts';
import { instantAnalysisBackend } from './instant-analysis.ts';
import { listen } from './listen.ts';
import { BodyTooLargeError, readBody } from './read-body.ts';
import { json, sendError, writeBody } from './respond.ts';
import { SERVE_INFO_PATH, SERVE_START_PATH, serveInfo } from './serve-info.ts';
import { createLimitedServer, resolveServerLimits, type ServerLimitsInput } from './server-limits.ts';

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export interface ServerOptions {
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** Loopback by default: exposing a deliberately failing API on a network is a choice to make explicitly. */
  readonly host?: string;
  /**
   * The scenario's phases, on the server's own timeline: from its first request (so a client run started
   * any time later meets them as its simulation would), or from `faults.restart()`.
   */
  readonly phases?: readonly Phase[];
  /** Seed of the fault draws; random (and logged) when absent. */
  readonly seed?: number;
  /** Backend name that `target:` in faults is matched against. */
  readonly backendName?: string;
  /** A fault timeline to use instead of one built from `phases` and `seed` (shared across transports). */
  readonly faults?: FaultController;
  /**
   * What answers the requests the faults let through: the scenario's mock-analysis backend (with its base
   * latency) for runs that should match a simulation; by default the analysis router, answering at once.
   */
  readonly backend?: Backend;
  /** Name of the environment variable holding the Bearer token; no authentication when absent. */
  readonly authEnv?: string;
  /**
   * Whether /metrics needs the token too. On by default when `authEnv` is set: the metrics name the
   * routes and how the service is failing, and Prometheus can send a Bearer token. False opens it to
   * scrapers without the token; true without `authEnv` is refused (there is no token to check).
   */
  readonly metricsAuth?: boolean;
  /** Header, request and idle timeouts and the connection cap; defaults in SERVER_LIMITS. */
  readonly limits?: ServerLimitsInput;
  readonly maxBodyBytes?: number;
  /** Deliver latency faults as a slow body (headers first) rather than a wait before the headers. */
  readonly dribble?: boolean;
  readonly logger?: Logger;
  readonly clock?: Clock;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  /** The fault timeline, to restart it when a run starts or to pin a phase. */
  readonly faults: FaultController;
  /** Client connections currently open; 0 after `close`, whatever faults left hanging. */
  openConnections(): Promise<number>;
  close(): Promise<void>;
}

interface ServerDeps {
  readonly backend: Backend;
  /** The backend's own draws (its base latency), apart from the fault draws. */
  readonly rng: Rng;
  readonly faults: FaultController;
  readonly metrics: HttpMetrics;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly auth: BearerCheck | undefined;
  readonly metricsAuth: boolean;
  readonly maxBodyBytes: number;
  readonly dribble: boolean;
}

/**
 * The argument-analysis API on a real socket, answering through the same analyser as the in-process
 * backend, with the scenario's faults turned into what a client sees on the wire.
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const clock = options.clock ?? createRealClock();
  const logger = options.logger ?? createLogger({ level: 'silent' });
  const limits = resolveServerLimits(options.limits);
  if (options.metricsAuth && !options.authEnv) {
    throw new FaultlineError(
      'METRICS_AUTH_WITHOUT_TOKEN',
      '--metrics-auth needs --auth-env: name the environment variable holding the token /metrics should require.',
    );
  }
  const auth = options.authEnv ? bearerCheckFromEnv(options.authEnv) : undefined;
  const seed = options.seed ?? randomSeed();
  const faults =
    options.faults ??
    createFaultController({
      phases: options.phases ?? [],
      clock,
      rng: createRng(seed).fork('http-faults'),
      backendName: options.backendName ?? 'primary',
      startsAt: 'first-request',
    });
  const deps: ServerDeps = {
    backend: options.backend ?? instantAnalysisBackend,
    rng: createRng(seed).fork('http-backend'),
    faults,
    metrics: createHttpMetrics('server'),
    logger,
    clock,
    auth,
    metricsAuth: auth !== undefined && options.metricsAuth !== false,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    dribble: options.dribble ?? false,
  };
  const server = createLimitedServer(limits, logger, (req, res) => void handle(req, res, deps));
  const listening = await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
  logger.info(
    { url: listening.url, seed, auth: deps.auth !== undefined, metricsAuth: deps.metricsAuth, ...limits },
    'faultline serve listening',
  );
  if (!deps.auth && !isLoopbackHost(options.host ?? '127.0.0.1')) {
    logger.warn(
      { host: options.host },
      'serving on a non-loopback address without --auth-env: anyone who can reach it can use it',
    );
  }
  return {
    url: listening.url,
    port: listening.port,
    faults,
    openConnections: listening.openConnections,
    close: listening.close,
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, deps: ServerDeps): Promise<void> {
  const startedMs = deps.clock.now();
  const path = req.url ?? '/';
  const method = req.method ?? 'GET';
  let outcome: Outcome;
  try {
    outcome = await respond(req, res, path, deps);
  } catch (error) {
    deps.logger.error({ err: error, method, path }, 'request failed');
    outcome = res.headersSent
      ? 'aborted'
      : sendError(res, 500, 'INTERNAL', 'internal error; see the server log');
  }
  const ms = deps.clock.now() - startedMs;
  deps.metrics.observe(routeLabel(path), method, outcome, ms / 1000);
  deps.logger.debug({ method, path, outcome, ms: Math.round(ms * 100) / 100 }, 'request');
}

async function respond(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  deps: ServerDeps,
): Promise<Outcome> {
  const pathname = path.split('?', 1)[0] ?? '/';
  if (pathname === '/metrics' && req.method === 'GET') {
    if (deps.metricsAuth && !deps.auth?.(req.headers.authorization)) return unauthorised(res);
    const { contentType, body } = await deps.metrics.render();
    writeBody(res, 200, { 'content-type': contentType }, Buffer.from(body));
    return '200';
  }
  if (pathname === SERVE_INFO_PATH && req.method === 'GET') {
    writeBody(res, 200, { 'content-type': 'application/json' }, json(serveInfo(deps.faults.status())));
    return '200';
  }
  if (req.method !== 'GET' && req.method !== 'POST') {
    return sendError(res, 405, 'METHOD_NOT_ALLOWED', `${req.method} is not supported; use GET or POST`, {
      allow: 'GET, POST',
    });
  }
  if (deps.auth && pathname !== '/api/health' && !deps.auth(req.headers.authorization)) {
    return unauthorised(res);
  }
  if (pathname === SERVE_START_PATH && req.method === 'POST') {
    deps.faults.restart();
    writeBody(res, 200, { 'content-type': 'application/json' }, json(serveInfo(deps.faults.status())));
    return '200';
  }
  const parsed = await parseRequestBody(req, res, deps.maxBodyBytes);
  if (!parsed.ok) return parsed.outcome;

  const request: BackendRequest = { method: req.method, path, body: parsed.body };
  const effect = deps.faults.effectFor(request);
  if (effect.injected.length > 0) deps.metrics.faultsInjected(effect.injected);
  const ctx: DeliveryContext = { clock: deps.clock, signal: connectionSignal(res) };
  const dribbleMs = deps.dribble && !effect.failure ? effect.delayMs : 0;
  if (!(await sleepUnlessClosed(effect.delayMs - dribbleMs, ctx))) return 'aborted';
  if (effect.failure) return deliverFailure(effect.failure, res, effect.injected, ctx);

  let answer: BackendResponse;
  try {
    answer = await deps.backend.call(request, { clock: deps.clock, rng: deps.rng, signal: ctx.signal });
  } catch (error) {
    if (ctx.signal.aborted) return 'aborted';
    throw error;
  }
  const body = effect.corrupt ? Buffer.from(corruptBody(answer.body, effect.corrupt)) : json(answer.body);
  const headers = {
    'content-type': answer.headers['content-type'] ?? 'application/json',
    ...(effect.injected.length > 0 ? { [FAULT_HEADER]: effect.injected.join(',') } : {}),
  };
  if (dribbleMs > 0) return dribbleBody(res, answer.status, headers, body, dribbleMs, ctx);
  writeBody(res, answer.status, headers, body);
  return String(answer.status);
}

function unauthorised(res: ServerResponse): Outcome {
  return sendError(res, 401, 'UNAUTHORIZED', 'missing or wrong Bearer token in the Authorization header', {
    'www-authenticate': 'Bearer',
  });
}

type ParsedBody = { ok: true; body: unknown } | { ok: false; outcome: Outcome };

/** The JSON body of a POST, or the clean 4xx a malformed, oversized or non-JSON body deserves. */
async function parseRequestBody(
  req: IncomingMessage,
  res: ServerResponse,
  limit: number,
): Promise<ParsedBody> {
  let raw: Buffer;
  try {
    raw = await readBody(req, limit);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) return { ok: false, outcome: 'aborted' };
    // Closing after the answer stops a client from streaming the rest of a huge body into us.
    const outcome = sendError(res, 413, 'PAYLOAD_TOO_LARGE', `request body is over the ${limit}-byte limit`, {
      connection: 'close',
    });
    return { ok: false, outcome };
  }
  if (raw.length === 0) return { ok: true, body: undefined };
  const type = req.headers['content-type'] ?? 'application/json';
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    return {
      ok: false,
      outcome: sendError(res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'send the body as application/json'),
    };
  }
  try {
    return { ok: true, body: JSON.parse(raw.toString('utf8')) as unknown };
  } catch {
    return { ok: false, outcome: sendError(res, 400, 'INVALID_JSON', 'the request body is not valid JSON') };
  }
}
