import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeader, ServerResponse } from 'node:http';
import { Pool } from 'undici';
import type { Clock } from '../clock/clock.ts';
import { createRealClock } from '../clock/real-clock.ts';
import { isFaultlineError } from '../errors/faultline-error.ts';
import { corruptBody } from '../faults/corrupt-body.ts';
import type { FaultEffect } from '../faults/effect.ts';
import type { Phase } from '../faults/schema.ts';
import { createLogger, type Logger } from '../logging/logger.ts';
import { createRng, randomSeed } from '../rng/rng.ts';
import { startControlApi } from './control-api.ts';
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
import { endToEndHeaderList, endToEndHeaders, endToEndRawHeaders } from './hop-by-hop.ts';
import { createHttpMetrics, type HttpMetrics, routeLabel } from './http-metrics.ts';
import { listen } from './listen.ts';
import { networkErrorCode } from './network-error-code.ts';
import { hasBody, type PassThroughHooks, passThrough } from './pass-through.ts';
import { logRequest, noteFaults } from './request-log.ts';
import { sendError, writeBody } from './respond.ts';
import { createLimitedServer, resolveServerLimits, type ServerLimitsInput } from './server-limits.ts';
import { createTargetGuard, type TargetGuard, TargetRefusedError } from './target-guard.ts';
import { createUpgradeTunnels } from './upgrade-tunnel.ts';

export interface ProxyOptions {
  /** The upstream every request goes to, e.g. http://127.0.0.1:8080. */
  readonly target: string;
  /** More hosts the proxy may reach (redirect targets); private addresses must be named here to be reached. */
  readonly allow?: readonly string[];
  readonly port?: number;
  readonly host?: string;
  /** Port of the loopback control API; 0 (the default) picks a free one. */
  readonly controlPort?: number;
  readonly phases?: readonly Phase[];
  readonly seed?: number;
  readonly backendName?: string;
  /** Deliver latency faults as a slow body (headers first) rather than a wait before the headers. */
  readonly dribble?: boolean;
  /** Keep-alive connections to the upstream. */
  readonly connections?: number;
  /** Header, request and idle timeouts and the connection cap on the client side; defaults in SERVER_LIMITS. */
  readonly limits?: ServerLimitsInput;
  readonly logger?: Logger;
  readonly clock?: Clock;
  /** Watches every exchange (a recorder); called as a request arrives, its return as it ends. */
  readonly observe?: ExchangeObserver;
}

/**
 * Sees each request as it arrives and may return a callback told how it ended (the status sent, or
 * `reset`, `aborted`...). The one point where recording hooks in, so the proxy itself stays unaware of it.
 */
export type ExchangeObserver = (
  req: IncomingMessage,
  res: ServerResponse,
) => ((outcome: Outcome) => void) | undefined;

export interface RunningProxy {
  readonly url: string;
  readonly controlUrl: string;
  readonly faults: FaultController;
  /** Client connections currently open on the proxy port; 0 after `close`. */
  openConnections(): Promise<number>;
  close(): Promise<void>;
}

interface ProxyDeps {
  readonly pool: Pool;
  readonly target: URL;
  readonly guard: TargetGuard;
  readonly faults: FaultController;
  readonly metrics: HttpMetrics;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly dribble: boolean;
  readonly passThroughHooks: PassThroughHooks;
  readonly observe: ExchangeObserver | undefined;
}

/**
 * A reverse proxy that injects the scenario's faults in front of any HTTP upstream. With no fault in
 * force, bodies stream through both ways untouched over pooled keep-alive connections.
 */
export async function startProxy(options: ProxyOptions): Promise<RunningProxy> {
  const clock = options.clock ?? createRealClock();
  const logger = options.logger ?? createLogger({ level: 'silent' });
  const limits = resolveServerLimits(options.limits);
  const target = parseTarget(options.target);
  const guard = createTargetGuard([target.hostname], options.allow ?? []);
  guard.checkUrl(target);
  await resolvesSafely(guard, target.hostname);
  const seed = options.seed ?? randomSeed();
  const faults = createFaultController({
    phases: options.phases ?? [],
    clock,
    rng: createRng(seed).fork('http-faults'),
    backendName: options.backendName ?? 'primary',
  });
  const pool = new Pool(target.origin, {
    connections: options.connections ?? 128,
    keepAliveTimeout: 30_000,
    headersTimeout: limits.upstreamTimeoutMs,
    bodyTimeout: limits.upstreamTimeoutMs,
    connect: { lookup: guard.lookup },
  });
  const metrics = createHttpMetrics('proxy');
  const deps: ProxyDeps = {
    pool,
    target,
    guard,
    faults,
    metrics,
    logger,
    clock,
    dribble: options.dribble ?? false,
    passThroughHooks: {
      refuse: (status, headers) => refusedRedirect(status, headers, guard, target, logger),
      rewrite: (headers) => responseHeaderList(headers, target),
    },
    observe: options.observe,
  };
  const server = createLimitedServer(limits, logger, (req, res) => void handle(req, res, deps));
  const tunnels = createUpgradeTunnels(deps);
  server.on('upgrade', tunnels.handle);
  const proxy = await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
  const control = await startControlApi(faults, metrics, options.controlPort ?? 0, logger, limits).catch(
    async (error) => {
      await proxy.close();
      throw error;
    },
  );
  logger.info(
    { url: proxy.url, control: control.url, target: target.origin, seed, ...limits },
    'faultline proxy listening',
  );
  return {
    url: proxy.url,
    controlUrl: control.url,
    faults,
    openConnections: proxy.openConnections,
    async close() {
      tunnels.closeAll();
      await Promise.all([proxy.close(), control.close()]);
      await pool.destroy();
    },
  };
}

function parseTarget(target: string): URL {
  try {
    return new URL(target);
  } catch {
    throw new TargetRefusedError(`Invalid --target "${target}": give a URL such as http://127.0.0.1:8080.`);
  }
}

/** Fails at start, with a clear message, when the target's name does not resolve or resolves to a forbidden address. */
function resolvesSafely(guard: TargetGuard, hostname: string): Promise<void> {
  return new Promise((resolve, reject) => {
    guard.lookup(hostname.replace(/^\[|\]$/g, ''), {}, (error: NodeJS.ErrnoException | null) => {
      if (!error) resolve();
      else if (isFaultlineError(error)) reject(error);
      else {
        const message = `Cannot resolve the --target host ${hostname} (${error.code ?? error.message}); check the URL.`;
        reject(new TargetRefusedError(message));
      }
    });
  });
}

async function handle(req: IncomingMessage, res: ServerResponse, deps: ProxyDeps): Promise<void> {
  const startedMs = deps.clock.now();
  const path = req.url ?? '/';
  const method = req.method ?? 'GET';
  const ended = deps.observe?.(req, res);
  let outcome: Outcome;
  try {
    outcome = await proxyRequest(req, res, path, deps);
  } catch (error) {
    deps.logger.error({ err: error, method, path }, 'proxy request failed');
    outcome = res.headersSent
      ? 'aborted'
      : sendError(res, 500, 'INTERNAL', 'internal error; see the proxy log');
  }
  const ms = deps.clock.now() - startedMs;
  deps.metrics.observe(routeLabel(path), method, outcome, ms / 1000);
  logRequest(deps.logger, res, { method, path, outcome, ms });
  ended?.(outcome);
}

/** The outcome, or its promise: a request with no fault in force goes straight to `forward`. */
function proxyRequest(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  deps: ProxyDeps,
): Promise<Outcome> | Outcome {
  // Absolute-form request targets would turn the proxy into an open forward proxy.
  if (!path.startsWith('/'))
    return sendError(res, 400, 'BAD_REQUEST_TARGET', 'request paths must start with /');
  const method = req.method === 'POST' ? 'POST' : 'GET';
  const effect = deps.faults.effectFor({ method, path });
  if (effect.injected.length === 0) return forward(req, res, path, deps);
  return withFault(req, res, path, effect, deps);
}

async function withFault(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  effect: FaultEffect,
  deps: ProxyDeps,
): Promise<Outcome> {
  deps.metrics.faultsInjected(effect.injected);
  noteFaults(res, effect.injected);
  const ctx: DeliveryContext = { clock: deps.clock, signal: connectionSignal(res) };
  const dribbleMs = deps.dribble && !effect.failure ? effect.delayMs : 0;
  if (!(await sleepUnlessClosed(effect.delayMs - dribbleMs, ctx))) return 'aborted';
  if (effect.failure) return deliverFailure(effect.failure, res, effect.injected, ctx);
  if (!effect.corrupt && dribbleMs === 0) return forward(req, res, path, deps);
  return bufferedWithFault(req, res, path, effect, dribbleMs, ctx, deps);
}

/** Streams the request up and the response down, bytes untouched. */
function forward(req: IncomingMessage, res: ServerResponse, path: string, deps: ProxyDeps): Promise<Outcome> {
  return passThrough(deps.pool, req, res, path, deps.passThroughHooks).then((result) => {
    switch (result.type) {
      case 'streamed':
        return String(result.status);
      case 'refused':
        return sendError(res, 502, 'REDIRECT_REFUSED', result.reason);
      case 'failed':
        return result.headersSent || res.destroyed ? 'aborted' : upstreamFailed(res, result.error, deps);
    }
  });
}

/** A corrupting or dribbling fault needs the whole upstream body before it can answer. */
async function bufferedWithFault(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  effect: FaultEffect,
  dribbleMs: number,
  ctx: DeliveryContext,
  deps: ProxyDeps,
): Promise<Outcome> {
  let status: number;
  let headers: IncomingHttpHeaders;
  let body: Buffer;
  try {
    const upstream = await deps.pool.request({
      method: req.method ?? 'GET',
      path,
      headers: endToEndRawHeaders(req.rawHeaders),
      body: hasBody(req.rawHeaders) ? req : null,
      signal: ctx.signal,
    });
    body = Buffer.from(await upstream.body.arrayBuffer());
    status = upstream.statusCode;
    headers = upstream.headers as IncomingHttpHeaders;
  } catch (error) {
    return ctx.signal.aborted ? 'aborted' : upstreamFailed(res, error, deps);
  }
  const refused = refusedRedirect(status, headers, deps.guard, deps.target, deps.logger);
  if (refused) return sendError(res, 502, 'REDIRECT_REFUSED', refused);
  const out = responseHeaders(headers, deps.target);
  out[FAULT_HEADER] = effect.injected.join(',');
  if (effect.corrupt) {
    delete out['content-encoding'];
    body = corruptBytes(body, effect.corrupt);
  }
  if (dribbleMs > 0) return dribbleBody(res, status, out, body, dribbleMs, ctx);
  writeBody(res, status, out, body);
  return String(status);
}

/** Raw bytes cut in half for `truncated`; `garbage` and `empty` send what the in-process layer sends. */
function corruptBytes(body: Buffer, mode: NonNullable<FaultEffect['corrupt']>): Buffer {
  if (mode === 'truncated') return body.subarray(0, body.length < 2 ? 0 : Math.floor(body.length / 2));
  return Buffer.from(corruptBody(undefined, mode));
}

function responseHeaders(headers: IncomingHttpHeaders, target: URL) {
  const out = endToEndHeaders(headers);
  const location = throughProxy(headers.location, target);
  if (location !== undefined) out.location = location;
  return out;
}

/** responseHeaders as a flat list, for streaming straight into writeHead. */
function responseHeaderList(headers: IncomingHttpHeaders, target: URL): OutgoingHttpHeader[] {
  const out = endToEndHeaderList(headers);
  const location = throughProxy(headers.location, target);
  if (location === undefined) return out;
  for (let i = 0; i < out.length; i += 2) if (out[i] === 'location') out[i + 1] = location;
  return out;
}

/** Same-origin redirects point back through the proxy, as nginx's `proxy_redirect default` does. */
function throughProxy(location: string | undefined, target: URL): string | undefined {
  if (typeof location !== 'string' || !location.startsWith(target.origin)) return undefined;
  return location.slice(target.origin.length) || '/';
}

/**
 * Why a response must not reach the client, or undefined: a redirect off the allowlist, or more than one
 * Location header on any response (clients disagree on which one wins, so the checked one might not be
 * the one followed).
 */
function refusedRedirect(
  status: number,
  headers: IncomingHttpHeaders,
  guard: TargetGuard,
  target: URL,
  logger: Logger,
): string | undefined {
  const location: unknown = headers.location;
  if (Array.isArray(location)) {
    logger.warn({ locations: location.length }, 'refused a response with several Location headers');
    return `refused the upstream's response: it carries ${location.length} Location headers, and a response may carry one`;
  }
  if (status < 300 || status > 399 || typeof location !== 'string') return undefined;
  let url: URL;
  try {
    url = new URL(location, target);
  } catch {
    return 'the upstream redirected to an invalid URL';
  }
  const problem = guard.redirectRefusal(url);
  if (problem === undefined) return undefined;
  logger.warn({ location }, 'refused a redirect off the allowlist');
  return `refused the upstream's redirect to ${url.origin}: ${problem}`;
}

function upstreamFailed(res: ServerResponse, error: unknown, deps: ProxyDeps): Outcome {
  deps.logger.warn({ err: error }, 'upstream request failed');
  const refused = findRefusal(error);
  if (refused) return sendError(res, 502, refused.code, refused.message);
  const code = networkErrorCode(error) ?? 'UNKNOWN';
  const status = code === 'ETIMEDOUT' ? 504 : 502;
  return sendError(res, status, `UPSTREAM_${code}`, `the upstream ${deps.target.origin} failed: ${code}`);
}

function findRefusal(error: unknown): TargetRefusedError | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (current instanceof TargetRefusedError) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
