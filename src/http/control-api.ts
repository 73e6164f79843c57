import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { isFaultlineError } from '../errors/faultline-error.ts';
import { faultSchema } from '../faults/schema.ts';
import type { Logger } from '../logging/logger.ts';
import { isLoopbackHost } from './address-class.ts';
import type { FaultController } from './fault-controller.ts';
import type { HttpMetrics } from './http-metrics.ts';
import { type Listening, listen } from './listen.ts';
import { BodyTooLargeError, readBody } from './read-body.ts';
import { json, sendError, writeBody } from './respond.ts';
import { createLimitedServer, type ServerLimits } from './server-limits.ts';

const CONTROL_BODY_LIMIT = 64 * 1024;
const phaseBody = z.strictObject({ name: z.string().min(1) });
const faultsBody = z.strictObject({ faults: z.array(faultSchema) });

/**
 * The run-time control of a proxy's faults, on its own loopback port:
 *   GET /phases           mode, phase names, the active phase
 *   POST /phase {name}    pin a phase from now on
 *   POST /restart         restart the scenario timeline at 0
 *   POST /faults {faults} replace the faults (same vocabulary as a scenario)
 *   DELETE /faults        no faults at all
 *   GET /metrics          Prometheus metrics of the proxy
 * A browser page cannot drive it: the Host header must name this loopback port (defeating DNS rebinding),
 * cross-origin requests are refused, and bodies must be application/json (which a form cannot send).
 */
export async function startControlApi(
  faults: FaultController,
  metrics: HttpMetrics,
  port: number,
  logger: Logger,
  limits: ServerLimits,
): Promise<Listening> {
  let boundPort = port;
  const server = createLimitedServer(limits, logger, (req, res) => {
    handle(req, res, faults, metrics, boundPort).catch((error: unknown) => {
      logger.error({ err: error }, 'control request failed');
      if (!res.headersSent) sendError(res, 500, 'INTERNAL', 'internal error; see the proxy log');
    });
  });
  const listening = await listen(server, port, '127.0.0.1');
  boundPort = listening.port;
  return listening;
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  faults: FaultController,
  metrics: HttpMetrics,
  port: number,
): Promise<void> {
  const refusal = checkCaller(req, port);
  if (refusal) {
    sendError(res, 403, 'FORBIDDEN', refusal);
    return;
  }
  const route = `${req.method} ${(req.url ?? '/').split('?', 1)[0]}`;
  switch (route) {
    case 'GET /phases':
      return sendJson(res, 200, faults.status());
    case 'GET /metrics': {
      const { contentType, body } = await metrics.render();
      return writeBody(res, 200, { 'content-type': contentType }, Buffer.from(body));
    }
    case 'POST /phase':
      return withBody(req, res, phaseBody, ({ name }) => faults.pinPhase(name), faults);
    case 'POST /restart':
      faults.restart();
      return sendJson(res, 200, faults.status());
    case 'POST /faults':
      return withBody(req, res, faultsBody, (body) => faults.setFaults(body.faults), faults);
    case 'DELETE /faults':
      faults.setFaults([]);
      return sendJson(res, 200, faults.status());
    default:
      sendError(
        res,
        404,
        'NOT_FOUND',
        'control routes: GET /phases, POST /phase, POST /restart, POST|DELETE /faults',
      );
  }
}

/** Why this caller may not use the control API, or undefined when it may. */
function checkCaller(req: IncomingMessage, port: number): string | undefined {
  const host = req.headers.host ?? '';
  const match = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(host);
  if (!match || Number(match[2]) !== port || !isLoopbackHost(match[1] ?? '')) {
    return `the Host header must be this loopback address and port (127.0.0.1:${port}), got "${host}"`;
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !isLoopbackOrigin(origin, port)) return 'cross-origin requests are refused';
  return undefined;
}

function isLoopbackOrigin(origin: string, port: number): boolean {
  try {
    const url = new URL(origin);
    return isLoopbackHost(url.hostname) && Number(url.port) === port;
  } catch {
    return false;
  }
}

async function withBody<T>(
  req: IncomingMessage,
  res: ServerResponse,
  schema: z.ZodType<T>,
  apply: (body: T) => void,
  faults: FaultController,
): Promise<void> {
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    sendError(res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'send the body as application/json');
    return;
  }
  let raw: Buffer;
  try {
    raw = await readBody(req, CONTROL_BODY_LIMIT);
  } catch (error) {
    if (error instanceof BodyTooLargeError) sendError(res, 413, 'PAYLOAD_TOO_LARGE', error.message);
    return;
  }
  let data: unknown;
  try {
    data = JSON.parse(raw.toString('utf8'));
  } catch {
    sendError(res, 400, 'INVALID_JSON', 'the request body is not valid JSON');
    return;
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    sendError(res, 400, 'INVALID_BODY', z.prettifyError(parsed.error).replace(/\n/g, '; '));
    return;
  }
  try {
    apply(parsed.data);
  } catch (error) {
    if (!isFaultlineError(error)) throw error;
    sendError(res, 400, error.code, error.message);
    return;
  }
  sendJson(res, 200, faults.status());
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  writeBody(res, status, { 'content-type': 'application/json' }, json(body));
}
