import WebSocket from 'ws';
import type { Clock } from '../../src/clock/clock.ts';
import { HttpStatusError, NetworkError } from '../../src/errors/call-errors.ts';
import { WS_CLOSE } from '../../src/protocols/fault-mapping.ts';
import type { Rng } from '../../src/rng/rng.ts';
import { type SessionReply, sessionReplySchema } from '../../src/websocket/protocol.ts';

export interface SessionOptions {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly clock: Clock;
  /** Jitter of the reconnect backoff. */
  readonly rng: Rng;
  readonly pingIntervalMs: number;
  readonly pingTimeoutMs: number;
  readonly reconnect: { readonly initialDelayMs: number; readonly maxDelayMs: number };
}

interface Pending {
  resolve(reply: SessionReply): void;
  reject(error: Error): void;
}

/** What happened to the session, for tests and logs: connect attempts, backoff waited, how sessions ended. */
export interface SessionStats {
  connects: number;
  /** Backoff waits before reconnecting, and the last one. */
  reconnects: number;
  lastReconnectDelayMs: number;
  /** Sessions ended, by close code (1006 when the connection died without a close frame). */
  closesByCode: Map<number, number>;
  halfOpenDetected: number;
}

/**
 * One WebSocket session shared by every call, opened on first use and reopened after it drops, each
 * reopening after an exponential backoff with full jitter while connects keep failing. A heartbeat
 * (ping, expect a pong) finds a half-open session and drops it, so the next call reconnects.
 */
export class AnalysisSession {
  readonly stats: SessionStats = {
    connects: 0,
    reconnects: 0,
    lastReconnectDelayMs: 0,
    closesByCode: new Map(),
    halfOpenDetected: 0,
  };
  #socket: WebSocket | undefined;
  #opening: Promise<WebSocket> | undefined;
  /** Consecutive failed or dropped sessions; 0 once a session opens and answers. */
  #failures = 0;
  #nextId = 1;
  readonly #pending = new Map<number, Pending>();
  #stopHeartbeat: () => void = () => {};
  #closed = false;
  /** Aborts a connect or backoff in progress when the backend closes. */
  readonly #shutdown = new AbortController();

  constructor(private readonly options: SessionOptions) {}

  async request(
    message: { method: string; path: string; body?: unknown },
    signal: AbortSignal,
  ): Promise<SessionReply> {
    // The connect is shared by every waiting call: one call's timeout must not abort it for the others.
    const socket = await untilAborted(this.#open(), signal);
    const id = this.#nextId++;
    return new Promise<SessionReply>((resolve, reject) => {
      const onAbort = () => {
        this.#pending.delete(id);
        reject(abortError(signal));
      };
      this.#pending.set(id, {
        resolve: (reply) => {
          signal.removeEventListener('abort', onAbort);
          resolve(reply);
        },
        reject: (error) => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      });
      signal.addEventListener('abort', onAbort, { once: true });
      socket.send(JSON.stringify({ id, ...message }));
    });
  }

  close(): void {
    this.#closed = true;
    this.#shutdown.abort(new NetworkError('ECONNREFUSED', 'websocket plugin: the backend is closed'));
    this.#socket?.terminate();
  }

  async #open(): Promise<WebSocket> {
    if (this.#socket?.readyState === WebSocket.OPEN) return this.#socket;
    this.#opening ??= this.#connect(this.#shutdown.signal).finally(() => {
      this.#opening = undefined;
    });
    return this.#opening;
  }

  async #connect(signal: AbortSignal): Promise<WebSocket> {
    if (this.#closed) throw new NetworkError('ECONNREFUSED', 'websocket plugin: the backend is closed');
    if (this.#failures > 0) {
      const { initialDelayMs, maxDelayMs } = this.options.reconnect;
      const ceiling = Math.min(maxDelayMs, initialDelayMs * 2 ** (this.#failures - 1));
      const delay = Math.round(this.options.rng.next() * ceiling);
      this.stats.reconnects++;
      this.stats.lastReconnectDelayMs = delay;
      await this.options.clock.sleep(delay, signal);
    }
    this.stats.connects++;
    const socket = new WebSocket(this.options.url, {
      headers: { ...this.options.headers },
      maxPayload: 1024 * 1024,
    });
    try {
      await opened(socket, signal);
    } catch (error) {
      this.#failures++;
      throw error;
    }
    this.#socket = socket;
    socket.on('message', (data) => this.#onMessage(data.toString()));
    socket.on('error', () => {}); // 'close' follows and settles what is pending
    socket.once('close', (code, reason) => this.#onClose(socket, code, reason.toString()));
    this.#heartbeat(socket);
    return socket;
  }

  /** Pings after each quiet interval; a ping unanswered within the timeout ends the (half-open) session. */
  #heartbeat(socket: WebSocket): void {
    const { clock, pingIntervalMs, pingTimeoutMs } = this.options;
    let awaitingPong = false;
    const tick = () => {
      if (socket.readyState !== WebSocket.OPEN) return;
      if (awaitingPong) {
        this.stats.halfOpenDetected++;
        socket.terminate();
        return;
      }
      awaitingPong = true;
      socket.ping();
      this.#stopHeartbeat = clock.schedule(pingTimeoutMs, tick);
    };
    socket.on('pong', () => {
      awaitingPong = false;
      this.#stopHeartbeat();
      this.#stopHeartbeat = clock.schedule(pingIntervalMs, tick);
    });
    this.#stopHeartbeat = clock.schedule(pingIntervalMs, tick);
  }

  #onMessage(text: string): void {
    let reply: SessionReply;
    try {
      reply = sessionReplySchema.parse(JSON.parse(text));
    } catch {
      return; // not a reply we can route; the call it belongs to times out
    }
    this.#failures = 0;
    const pending = this.#pending.get(reply.id);
    this.#pending.delete(reply.id);
    pending?.resolve(reply);
  }

  #onClose(socket: WebSocket, code: number, reason: string): void {
    this.#stopHeartbeat();
    if (this.#socket === socket) this.#socket = undefined;
    this.stats.closesByCode.set(code, (this.stats.closesByCode.get(code) ?? 0) + 1);
    this.#failures++;
    const error =
      code === WS_CLOSE.TRY_AGAIN_LATER
        ? new NetworkError('ECONNREFUSED', `websocket session closed ${code} (try again later)`)
        : new NetworkError('ECONNRESET', `websocket session closed ${code}${reason ? ` (${reason})` : ''}`);
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }
}

/** The promise's outcome, or the signal's reason if it aborts first (the promise still runs on). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(abortError(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new DOMException('aborted', 'AbortError');
}

/** Resolves when the handshake completes; a refused handshake becomes the error a client would count. */
function opened(socket: WebSocket, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => {
      socket.terminate();
      reject(abortError(signal));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    const done = (error?: Error) => {
      signal.removeEventListener('abort', onAbort);
      socket.removeAllListeners('open').removeAllListeners('unexpected-response');
      if (error) reject(error);
      else resolve();
    };
    socket.once('open', () => done());
    socket.once('unexpected-response', (_req, res) => {
      const retryAfter = Number(res.headers['retry-after']);
      res.resume();
      socket.terminate();
      done(
        new HttpStatusError(
          res.statusCode ?? 502,
          Number.isFinite(retryAfter) ? retryAfter * 1000 : undefined,
        ),
      );
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      done(
        new NetworkError(
          error.code === 'ECONNRESET' ? 'ECONNRESET' : 'ECONNREFUSED',
          `websocket connect failed: ${error.code ?? error.message}`,
        ),
      );
    });
  });
}
