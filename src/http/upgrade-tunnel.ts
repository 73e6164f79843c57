import type { IncomingMessage } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Clock } from '../clock/clock.ts';
import { injectedStatus } from '../faults/chaos-backend.ts';
import type { Logger } from '../logging/logger.ts';
import type { FaultController } from './fault-controller.ts';
import { sleepUnlessClosed } from './fault-delivery.ts';
import type { HttpMetrics } from './http-metrics.ts';
import { closedSignal, refuseOnSocket } from './socket-refusal.ts';
import type { TargetGuard } from './target-guard.ts';

export interface UpgradeTunnelDeps {
  readonly target: URL;
  readonly guard: TargetGuard;
  readonly faults: FaultController;
  readonly metrics: HttpMetrics;
  readonly logger: Logger;
  readonly clock: Clock;
}

export interface UpgradeTunnels {
  /** The proxy server's 'upgrade' listener. */
  handle(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Destroys every open tunnel (the HTTP server does not track upgraded sockets). */
  closeAll(): void;
}

/**
 * WebSocket through the proxy: the handshake meets the scenario's faults as a GET of its path (a delay
 * slows it, a status refuses it, reset/refused drop the connection, hang never answers, timeout answers
 * 504 after the wait); once let through, the handshake and every frame after it pass as raw bytes to the
 * target, so the proxy never sees inside a session.
 */
export function createUpgradeTunnels(deps: UpgradeTunnelDeps): UpgradeTunnels {
  const open = new Set<Duplex>();
  const track = (socket: Duplex) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  };
  return {
    handle(req, socket, head) {
      track(socket);
      socket.on('error', () => socket.destroy());
      void tunnel(req, socket, head, deps, track).catch((error: unknown) => {
        deps.logger.error({ err: error, path: req.url }, 'proxy upgrade failed');
        socket.destroy();
      });
    },
    closeAll() {
      for (const socket of open) socket.destroy();
      open.clear();
    },
  };
}

async function tunnel(
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  deps: UpgradeTunnelDeps,
  track: (socket: Duplex) => void,
): Promise<void> {
  const path = req.url ?? '/';
  if (!path.startsWith('/')) return refuse(socket, 400, 'request paths must start with /');
  if ((req.headers.upgrade ?? '').toLowerCase() !== 'websocket') {
    return refuse(socket, 501, 'the proxy passes WebSocket upgrades only (not h2c or others)');
  }
  const effect = deps.faults.effectFor({ method: 'GET', path });
  if (effect.injected.length > 0) deps.metrics.faultsInjected(effect.injected);
  const signal = closedSignal(socket);
  const ctx = { clock: deps.clock, signal };
  if (!(await sleepUnlessClosed(effect.delayMs, ctx))) return;
  const failure = effect.failure;
  switch (failure?.type) {
    case undefined:
      break;
    case 'status':
      return refuse(
        socket,
        failure.status,
        'faultline injected a handshake failure',
        failure.retryAfterMs,
        effect.injected,
      );
    case 'network':
      if (failure.error === 'reset' && 'resetAndDestroy' in socket) (socket as Socket).resetAndDestroy();
      else socket.destroy();
      return;
    case 'hang':
      return; // never answered; the socket stays tracked until the client or close() ends it
    case 'timeout':
      if (!(await sleepUnlessClosed(failure.afterMs, ctx))) return;
      return refuse(socket, 504, 'faultline injected a handshake timeout', undefined, effect.injected);
  }
  const upstream = connect({
    host: deps.target.hostname.replace(/^\[|\]$/g, ''),
    port: Number(deps.target.port || 80),
    lookup: deps.guard.lookup,
  });
  track(upstream);
  upstream.once('error', () => {
    if (!socket.destroyed) refuse(socket, 502, `cannot reach ${deps.target.host}`);
    upstream.destroy();
  });
  upstream.once('connect', () => {
    upstream.write(requestHead(req, path, deps.target));
    if (head.length > 0) upstream.write(head);
    socket.pipe(upstream);
    upstream.pipe(socket);
  });
  socket.once('close', () => upstream.destroy());
  upstream.once('close', () => socket.destroy());
}

/** The client's handshake as sent to the target: same headers, Host set to the target. */
function requestHead(req: IncomingMessage, path: string, target: URL): string {
  const lines = [`${req.method ?? 'GET'} ${path} HTTP/1.1`, `Host: ${target.host}`];
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i] as string;
    if (name.toLowerCase() !== 'host') lines.push(`${name}: ${req.rawHeaders[i + 1]}`);
  }
  return `${lines.join('\r\n')}\r\n\r\n`;
}

function refuse(
  socket: Duplex,
  status: number,
  message: string,
  retryAfterMs?: number,
  injected: readonly string[] = [],
): void {
  refuseOnSocket(socket, {
    status,
    reason: status < 500 ? 'Refused' : 'Unavailable',
    body:
      injected.length > 0
        ? injectedStatus(status, retryAfterMs).body
        : { error: { code: 'UPGRADE_REFUSED', message } },
    ...(retryAfterMs !== undefined && { retryAfterMs }),
    injected,
  });
}
