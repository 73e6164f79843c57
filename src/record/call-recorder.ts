import { STATUS_CODES } from 'node:http';
import { resolve } from 'node:path';
import type { Clock } from '../clock/clock.ts';
import { wallClockIso } from '../clock/real-clock.ts';
import type { HarEntry, HarHeader } from './har.ts';
import { type HarWriter, openHarWriter } from './har-writer.ts';
import { redactHeaders, redactUrl } from './redact-exchange.ts';

export interface RecordedCall {
  readonly method: string;
  readonly url: URL;
  readonly requestHeaders: Readonly<Record<string, string>>;
  readonly requestBytes: number;
  readonly startedMs: number;
  /** When the response headers arrived; undefined when none did. */
  readonly headersMs?: number;
  readonly endedMs: number;
  readonly status?: number;
  readonly responseHeaders?: Readonly<Record<string, string>>;
  readonly responseBytes?: number;
  /** The network error code when the call got no response (ECONNRESET, ETIMEDOUT, aborted...). */
  readonly error?: string;
}

export interface CallRecorder {
  record(call: RecordedCall): void;
  close(): Promise<void>;
}

/**
 * Records a client's calls (the `http` plugin's `record` option) to HAR, on the call clock. Times are
 * real on a real-time run and virtual in a simulation; `startedDateTime` counts from when recording began.
 */
export async function openCallRecorder(path: string, baseDir: string, clock: Clock): Promise<CallRecorder> {
  const writer: HarWriter = await openHarWriter(resolve(baseDir, path));
  const epochMs = Date.parse(wallClockIso()) - clock.now();
  return {
    record: (call) => {
      writer.add(toEntry(call, epochMs));
    },
    close: () => writer.close(),
  };
}

function toEntry(call: RecordedCall, epochMs: number): HarEntry {
  const url = redactUrl(call.url);
  const answered = call.status !== undefined;
  const headersAt = call.headersMs ?? call.endedMs;
  const pairs = (headers: Readonly<Record<string, string>> | undefined): HarHeader[] =>
    Object.entries(headers ?? {}).map(([name, value]) => ({ name, value }));
  const upstreamError = call.error && call.error !== 'aborted' ? call.error : undefined;
  return {
    startedDateTime: new Date(epochMs + call.startedMs).toISOString(),
    time: round(call.endedMs - call.startedMs),
    request: {
      method: call.method,
      url: url.href,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: redactHeaders(pairs(call.requestHeaders)),
      queryString: [...url.searchParams].map(([name, value]) => ({ name, value })),
      headersSize: -1,
      bodySize: call.requestBytes,
    },
    response: {
      status: call.status ?? 0,
      statusText: answered ? (STATUS_CODES[call.status ?? 0] ?? '') : '',
      httpVersion: answered ? 'HTTP/1.1' : '',
      cookies: [],
      headers: redactHeaders(pairs(call.responseHeaders)),
      content: { size: call.responseBytes ?? 0, mimeType: call.responseHeaders?.['content-type'] ?? '' },
      redirectURL: call.responseHeaders?.location ?? '',
      headersSize: -1,
      bodySize: answered ? (call.responseBytes ?? -1) : -1,
      ...(answered
        ? {}
        : {
            _error:
              call.error === 'ECONNRESET'
                ? 'net::ERR_CONNECTION_RESET'
                : `faultline: ${call.error ?? 'no response'}`,
          }),
    },
    cache: {},
    timings: { send: 0, wait: round(headersAt - call.startedMs), receive: round(call.endedMs - headersAt) },
    ...(answered
      ? {}
      : {
          _faultline: {
            outcome: call.error === 'aborted' ? 'aborted' : 'reset',
            ...(upstreamError ? { upstreamError } : {}),
          },
        }),
  };
}

function round(ms: number): number {
  return Math.round(Math.max(0, ms) * 1000) / 1000;
}
