/** One recorded request, whatever file it came from: what `faultline fit` works on. */
export interface Exchange {
  /** Ms since the recording's first request started. */
  readonly startedMs: number;
  readonly method: string;
  /** Path without the query string. */
  readonly path: string;
  /** The HTTP status; 0 when no response came back. */
  readonly status: number;
  readonly durationMs: number;
  /** Retry-After of the response, in ms, when it had one. */
  readonly retryAfterMs?: number;
  /** How the exchange failed below HTTP: the connection reset or refused, a timeout, or the client gave up first. */
  readonly failure?: 'reset' | 'refused' | 'timeout' | 'aborted';
}

/** Retry-After as delay-seconds or an HTTP date (relative to when the request started); ms, or undefined. */
export function parseRetryAfter(value: string | undefined, startedEpochMs: number): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - startedEpochMs);
}
