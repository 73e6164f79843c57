import type { IncomingMessage, ServerResponse } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Clock } from '../clock/clock.ts';
import type { ExchangeObserver } from '../http/proxy.ts';
import { redact } from '../logging/redact.ts';
import type { HarEntry, HarHeader } from './har.ts';
import { redactHeaders, redactUrl } from './redact-exchange.ts';

/** Response bytes kept per exchange: enough to read a proxy's own error body; bodies are cut past it. */
export const MAX_BODY_BYTES = 64 * 1024;
/** Bytes of an error body read to learn the upstream failure behind a 502/504 the proxy answered. */
const ERROR_PEEK_BYTES = 1024;

export interface HarObserverOptions {
  readonly clock: Clock;
  /** Wall-clock ms (epoch) at `clock.now() === 0`, for `startedDateTime`. */
  readonly epochMs: number;
  /** Keep response bodies (cut at MAX_BODY_BYTES) in `content.text`. */
  readonly bodies?: boolean;
  readonly onEntry: (entry: HarEntry) => void;
}

/**
 * Watches one proxy exchange at a time and turns it into a HAR entry: when the headers went out (wait)
 * and the body finished (receive), the bytes sent, and how it ended. Headers and URLs are redacted with
 * the logger's rules before anything is kept.
 */
export function createHarObserver(options: HarObserverOptions): ExchangeObserver {
  return (req, res) => {
    const started = options.clock.now();
    const tap = tapResponse(res, options.clock, options.bodies ? MAX_BODY_BYTES : ERROR_PEEK_BYTES);
    return (outcome) => {
      options.onEntry(toEntry(req, res, outcome, started, options.clock.now(), tap, options));
    };
  };
}

interface ResponseTap {
  headersAtMs: number | undefined;
  /** Headers given to writeHead directly, which `getHeaders()` does not report. */
  headHeaders: HarHeader[];
  bytes: number;
  readonly kept: Buffer[];
  keptBytes: number;
}

/** Wraps the response's writeHead/write/end to time the headers and count (and keep the start of) the body. */
function tapResponse(res: ServerResponse, clock: Clock, keepBytes: number): ResponseTap {
  const tap: ResponseTap = { headersAtMs: undefined, headHeaders: [], bytes: 0, kept: [], keptBytes: 0 };
  const count = (chunk: unknown, encoding: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
    const buffer =
      typeof chunk === 'string'
        ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
        : Buffer.from(chunk as Uint8Array);
    tap.headersAtMs ??= clock.now();
    tap.bytes += buffer.length;
    if (tap.keptBytes < keepBytes) {
      const piece = buffer.subarray(0, keepBytes - tap.keptBytes);
      tap.kept.push(piece);
      tap.keptBytes += piece.length;
    }
  };
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((...args: unknown[]) => {
    tap.headersAtMs ??= clock.now();
    tap.headHeaders = headPairs(typeof args[1] === 'string' ? args[2] : args[1]);
    return writeHead(...args);
  }) as typeof res.writeHead;
  res.write = ((...args: unknown[]) => {
    count(args[0], args[1]);
    return write(...args);
  }) as typeof res.write;
  res.end = ((...args: unknown[]) => {
    count(args[0], args[1]);
    return end(...args);
  }) as typeof res.end;
  return tap;
}

function toEntry(
  req: IncomingMessage,
  res: ServerResponse,
  outcome: string,
  startedMs: number,
  endedMs: number,
  tap: ResponseTap,
  options: HarObserverOptions,
): HarEntry {
  const url = redactUrl(requestUrl(req));
  const answered = /^\d{3}$/.test(outcome) && res.headersSent;
  const status = answered ? res.statusCode : 0;
  const headersAt = tap.headersAtMs ?? endedMs;
  const body = Buffer.concat(tap.kept);
  const headers = answered ? responsePairs(res, tap.headHeaders) : [];
  const header = (name: string) => headers.find((h) => h.name.toLowerCase() === name)?.value;
  const mimeType = header('content-type') ?? '';
  const upstreamError = status === 502 || status === 504 ? upstreamErrorOf(body) : undefined;
  const requestBytes = Number(req.headers['content-length'] ?? 0);
  const entry: HarEntry = {
    startedDateTime: new Date(options.epochMs + startedMs).toISOString(),
    time: round(endedMs - startedMs),
    request: {
      method: req.method ?? 'GET',
      url: url.href,
      httpVersion: `HTTP/${req.httpVersion}`,
      cookies: [],
      headers: redactHeaders(rawPairs(req.rawHeaders)),
      queryString: [...url.searchParams].map(([name, value]) => ({ name, value })),
      headersSize: -1,
      bodySize: Number.isFinite(requestBytes) ? requestBytes : -1,
    },
    response: {
      status,
      statusText: answered ? (res.statusMessage ?? STATUS_CODES[status] ?? '') : '',
      httpVersion: answered ? `HTTP/${req.httpVersion}` : '',
      cookies: [],
      headers: redactHeaders(headers),
      content: {
        size: tap.bytes,
        mimeType,
        ...(options.bodies && tap.bytes > 0 ? { text: redact(body.toString('utf8')) } : {}),
        ...(options.bodies && tap.bytes > body.length ? { comment: `cut at ${body.length} bytes` } : {}),
      },
      redirectURL: header('location') ?? '',
      headersSize: -1,
      bodySize: answered ? tap.bytes : -1,
      ...(answered
        ? {}
        : { _error: outcome === 'reset' ? 'net::ERR_CONNECTION_RESET' : `faultline: ${outcome}` }),
    },
    cache: {},
    timings: { send: 0, wait: round(headersAt - startedMs), receive: round(endedMs - headersAt) },
  };
  if (!answered || upstreamError) {
    entry._faultline = { ...(answered ? {} : { outcome }), ...(upstreamError ? { upstreamError } : {}) };
  }
  return entry;
}

/** The URL as the client addressed the proxy (its Host header), or on localhost when that is unusable. */
function requestUrl(req: IncomingMessage): URL {
  const path = req.url ?? '/';
  try {
    return new URL(path, `http://${req.headers.host ?? 'localhost'}`);
  } catch {
    return new URL(path.startsWith('/') ? path : '/', 'http://localhost');
  }
}

/** The network code in the proxy's own `{ error: { code: "UPSTREAM_ECONNRESET" } }` body, if that is what it is. */
function upstreamErrorOf(body: Buffer): string | undefined {
  const match = /"code":"UPSTREAM_([A-Z_]+)"/.exec(body.toString('utf8'));
  return match?.[1];
}

function rawPairs(raw: readonly string[]): HarHeader[] {
  const pairs: HarHeader[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) pairs.push({ name: raw[i] ?? '', value: raw[i + 1] ?? '' });
  return pairs;
}

/** writeHead's headers argument: an object, a flat [name, value, ...] array, or an array of pairs. */
function headPairs(headers: unknown): HarHeader[] {
  if (Array.isArray(headers)) {
    if (headers.every((item) => Array.isArray(item))) {
      return headers.map((pair) => ({ name: String(pair[0]), value: String(pair[1]) }));
    }
    return rawPairs(headers.map(String));
  }
  if (headers === null || typeof headers !== 'object') return [];
  const pairs: HarHeader[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) pairs.push({ name, value: String(item) });
  }
  return pairs;
}

/** Headers set with setHeader plus those passed to writeHead (which override by name). */
function responsePairs(res: ServerResponse, head: readonly HarHeader[]): HarHeader[] {
  const overridden = new Set(head.map((h) => h.name.toLowerCase()));
  const pairs: HarHeader[] = [];
  for (const [name, value] of Object.entries(res.getHeaders())) {
    if (value === undefined || overridden.has(name)) continue;
    for (const item of Array.isArray(value) ? value : [value]) pairs.push({ name, value: String(item) });
  }
  return [...pairs, ...head];
}

/** HAR times in ms to the microsecond: finer than that is noise. */
function round(ms: number): number {
  return Math.round(Math.max(0, ms) * 1000) / 1000;
}
