import type { Duplex } from 'node:stream';
import { FAULT_HEADER } from './fault-delivery.ts';

export interface SocketRefusal {
  readonly status: number;
  /** The status line's reason phrase. */
  readonly reason: string;
  /** The JSON body. */
  readonly body: unknown;
  readonly retryAfterMs?: number;
  /** Faults that caused it, named in the fault header. */
  readonly injected?: readonly string[];
}

/**
 * Answers an upgrade request on its raw socket and closes it: once a request asks to upgrade, the
 * socket is no longer the HTTP server's, so the status line and headers are written by hand.
 */
export function refuseOnSocket(socket: Duplex, refusal: SocketRefusal): void {
  const body = JSON.stringify(refusal.body);
  const injected = refusal.injected ?? [];
  const headers = [
    `HTTP/1.1 ${refusal.status} ${refusal.reason}`,
    'Connection: close',
    'Content-Type: application/json',
    `Content-Length: ${Buffer.byteLength(body)}`,
    ...(refusal.retryAfterMs === undefined ? [] : [`Retry-After: ${Math.ceil(refusal.retryAfterMs / 1000)}`]),
    ...(injected.length > 0 ? [`${FAULT_HEADER}: ${injected.join(',')}`] : []),
  ];
  socket.end(`${headers.join('\r\n')}\r\n\r\n${body}`);
}

/** Aborts when the socket closes: a delay or a backend call for it stops when the client goes away. */
export function closedSignal(socket: Duplex): AbortSignal {
  const controller = new AbortController();
  socket.once('close', () => controller.abort());
  return controller.signal;
}
