import { createServer, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import type { BackendRequest } from '../backend/contract.ts';
import type { Clock } from '../clock/clock.ts';
import { injectedStatus } from '../faults/chaos-backend.ts';
import { corruptBody } from '../faults/corrupt-body.ts';
import type { BearerCheck } from '../http/bearer-auth.ts';
import { createFaultController, type FaultController } from '../http/fault-controller.ts';
import { sleepUnlessClosed } from '../http/fault-delivery.ts';
import { listen } from '../http/listen.ts';
import { closedSignal, refuseOnSocket } from '../http/socket-refusal.ts';
import { WS_CLOSE } from '../protocols/fault-mapping.ts';
import {
  logListening,
  type ProtocolCalls,
  type ProtocolServerOptions,
  protocolServerSetup,
} from '../protocols/server-options.ts';
import { createRng } from '../rng/rng.ts';
import { MAX_MESSAGE_BYTES, SESSION_PATH, type SessionReply, sessionRequestSchema } from './protocol.ts';

export type WebSocketServerOptions = ProtocolServerOptions;

export interface RunningWebSocketServer {
  /** `ws://host:port/api/ws`, what the `websocket` plugin's `url` option takes. */
  readonly url: string;
  readonly port: number;
  /** Faults on each message of a session. */
  readonly faults: FaultController;
  /**
   * Faults on the opening handshake: the scenario's faults whose `routes` name /api/ws. A delay slows
   * the handshake, a status rejects it, reset/refused drop the connection, hang leaves it half-open.
   */
  readonly handshakeFaults: FaultController;
  openConnections(): Promise<number>;
  close(): Promise<void>;
}

/**
 * Analysis sessions over WebSocket: each message is a request to the analysis API (src/websocket/protocol.ts),
 * answered by the same analyser as `faultline serve`, with the scenario's faults in WebSocket terms
 * (src/protocols/fault-mapping.ts).
 */
export async function startWebSocketServer(
  options: WebSocketServerOptions = {},
): Promise<RunningWebSocketServer> {
  const setup = protocolServerSetup(options, 'ws');
  const { seed, phases, backendName } = setup;
  const deps = setup.calls;
  const { clock, logger, faults, auth } = deps;
  const handshakeFaults = createFaultController({
    phases: phases.map((phase) => ({
      ...phase,
      faults: phase.faults.filter((fault) => fault.routes?.includes(SESSION_PATH)),
    })),
    clock,
    rng: createRng(seed).fork('ws-handshake-faults'),
    backendName,
  });
  // ws would answer pings itself; a half-open session must be able to stay silent.
  const wss = new WebSocketServer({ noServer: true, autoPong: false, maxPayload: MAX_MESSAGE_BYTES });
  const http = createServer((_req, res) => {
    res.writeHead(426, { upgrade: 'websocket', 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        error: { code: 'UPGRADE_REQUIRED', message: `open a WebSocket session on ${SESSION_PATH}` },
      }),
    );
  });
  // Sockets in a handshake are no longer the HTTP server's to close: close() ends them itself.
  const handshaking = new Set<Duplex>();
  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    handshaking.add(socket);
    socket.once('close', () => handshaking.delete(socket));
    socket.on('error', () => socket.destroy());
    void handshake(req, socket, head, { wss, auth, handshakeFaults, clock, deps }).catch((error: unknown) => {
      logger.error({ err: error }, 'WebSocket handshake failed');
      socket.destroy();
    });
  });
  const listening = await listen(http, setup.port, setup.host);
  const url = `${listening.url.replace(/^http/, 'ws')}${SESSION_PATH}`;
  logListening(setup, 'WebSocket', url);
  return {
    url,
    port: listening.port,
    faults,
    handshakeFaults,
    openConnections: listening.openConnections,
    async close() {
      for (const client of wss.clients) client.terminate();
      for (const socket of handshaking) socket.destroy();
      wss.close();
      await listening.close();
    },
  };
}

interface HandshakeDeps {
  readonly wss: WebSocketServer;
  readonly auth: BearerCheck | undefined;
  readonly handshakeFaults: FaultController;
  readonly clock: Clock;
  readonly deps: ProtocolCalls;
}

async function handshake(
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  h: HandshakeDeps,
): Promise<void> {
  const path = (req.url ?? '/').split('?', 1)[0];
  if (path !== SESSION_PATH) return reject(socket, 404, `no WebSocket endpoint ${path}; use ${SESSION_PATH}`);
  if (h.auth && !h.auth(req.headers.authorization))
    return reject(socket, 401, 'missing or wrong Bearer token');
  const effect = h.handshakeFaults.effectFor({ method: 'GET', path: SESSION_PATH });
  const signal = closedSignal(socket);
  if (!(await sleepUnlessClosed(effect.delayMs, { clock: h.clock, signal }))) return;
  let halfOpen = false;
  const failure = effect.failure;
  if (failure?.type === 'status') {
    return reject(
      socket,
      failure.status,
      'faultline injected a handshake failure',
      failure.retryAfterMs,
      effect.injected,
    );
  }
  if (failure?.type === 'network') {
    if (failure.error === 'reset' && 'resetAndDestroy' in socket)
      (socket as { resetAndDestroy(): void }).resetAndDestroy();
    else socket.destroy();
    return;
  }
  if (failure?.type === 'timeout') {
    if (!(await sleepUnlessClosed(failure.afterMs, { clock: h.clock, signal }))) return;
    return reject(socket, 504, 'faultline injected a handshake timeout', undefined, effect.injected);
  }
  if (failure?.type === 'hang') halfOpen = true;
  h.wss.handleUpgrade(req, socket, head, (ws) => session(ws, halfOpen, h.deps));
}

/** Requests one session may have in flight; more are answered 429 at once, unprocessed. */
export const MAX_IN_FLIGHT_PER_SESSION = 1024;

/** One session: replies to each request in order of completion; a half-open one answers nothing, pings included. */
function session(ws: WebSocket, halfOpen: boolean, deps: ProtocolCalls): void {
  const closed = new AbortController();
  let inFlight = 0;
  ws.once('close', () => closed.abort());
  ws.on('ping', (data) => {
    if (!halfOpen) ws.pong(data);
  });
  ws.on('message', (data, isBinary) => {
    if (halfOpen) return;
    const text = isBinary ? '' : data.toString();
    if (inFlight >= MAX_IN_FLIGHT_PER_SESSION) return tooMany(ws, text);
    inFlight++;
    void answer(ws, text, closed.signal, deps)
      .catch((error: unknown) => {
        deps.logger.error({ err: error }, 'WebSocket message failed');
        ws.close(WS_CLOSE.INTERNAL_ERROR, 'internal error; see the server log');
      })
      .finally(() => {
        inFlight--;
      });
  });
}

async function answer(ws: WebSocket, text: string, signal: AbortSignal, deps: ProtocolCalls): Promise<void> {
  const parsed = sessionRequestSchema.safeParse(parseJson(text));
  if (!parsed.success) {
    return send(ws, {
      id: requestId(text),
      status: 400,
      bodyText: JSON.stringify({
        error: { code: 'INVALID_MESSAGE', message: 'send { id, method, path, body? } as JSON text' },
      }),
    });
  }
  const { id, method, path, body } = parsed.data;
  const request: BackendRequest = body === undefined ? { method, path } : { method, path, body };
  const effect = deps.faults.effectFor(request);
  const ctx = { clock: deps.clock, signal };
  if (!(await sleepUnlessClosed(effect.delayMs, ctx))) return;
  const faults = effect.injected.length > 0 ? { faults: [...effect.injected] } : {};
  switch (effect.failure?.type) {
    case undefined:
      break;
    case 'status': {
      const injected = injectedStatus(effect.failure.status, effect.failure.retryAfterMs);
      const retry =
        effect.failure.retryAfterMs === undefined ? {} : { retryAfterMs: effect.failure.retryAfterMs };
      return send(ws, {
        id,
        status: injected.status,
        ...retry,
        ...faults,
        bodyText: JSON.stringify(injected.body),
      });
    }
    case 'network':
      // Abrupt: no close frame, the TCP connection just dies (the client reports 1006); a refusal is a
      // clean close asking the client to come back later.
      if (effect.failure.error === 'reset') return ws.terminate();
      return ws.close(WS_CLOSE.TRY_AGAIN_LATER, 'faultline injected a refusal');
    case 'hang':
      return; // the message is dropped
    case 'timeout': {
      if (!(await sleepUnlessClosed(effect.failure.afterMs, ctx))) return;
      const injected = injectedStatus(504, undefined);
      return send(ws, { id, status: 504, ...faults, bodyText: JSON.stringify(injected.body) });
    }
  }
  const reply = await deps.backend.call(request, { clock: deps.clock, rng: deps.rng, signal });
  if (signal.aborted) return;
  const bodyText = effect.corrupt ? corruptBody(reply.body, effect.corrupt) : JSON.stringify(reply.body);
  send(ws, { id, status: reply.status, ...faults, bodyText });
}

function tooMany(ws: WebSocket, text: string): void {
  send(ws, {
    id: requestId(text),
    status: 429,
    bodyText: JSON.stringify({
      error: {
        code: 'TOO_MANY_IN_FLIGHT',
        message: `over ${MAX_IN_FLIGHT_PER_SESSION} requests in flight on this session`,
      },
    }),
  });
}

/** The id of a request, when it has a usable one; 0 otherwise. */
function requestId(text: string): number {
  const id = (parseJson(text) as { id?: unknown } | undefined)?.id;
  return typeof id === 'number' && Number.isInteger(id) && id >= 0 ? id : 0;
}

function send(ws: WebSocket, reply: SessionReply): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(reply));
}

/** Refuses a handshake with an HTTP status, as a server in front of the session would. */
function reject(
  socket: Duplex,
  status: number,
  message: string,
  retryAfterMs?: number,
  injected: readonly string[] = [],
): void {
  refuseOnSocket(socket, {
    status,
    reason: status === 401 ? 'Unauthorized' : 'Refused',
    body: { error: { code: status === 401 ? 'UNAUTHORIZED' : 'HANDSHAKE_REFUSED', message } },
    ...(retryAfterMs !== undefined && { retryAfterMs }),
    injected,
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
