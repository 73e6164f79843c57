/**
 * How a single call fails, as the client sees it. Each has a stable `code`; a request that ends in
 * failure is counted under that code. Policies decide what to retry from `kind`.
 */
export type CallErrorKind =
  | 'http'
  | 'network'
  | 'timeout'
  | 'malformed'
  | 'breaker-open'
  | 'bulkhead-full'
  | 'hang'
  /** A gRPC status other than OK (GrpcStatusError). */
  | 'grpc'
  /** Every backend of a failover or fan-out failed. */
  | 'exhausted';

export class CallError extends Error {
  override readonly name: string = 'CallError';
  constructor(
    readonly kind: CallErrorKind,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A non-2xx status. `retryAfterMs` comes from a Retry-After header when the backend sent one. */
export class HttpStatusError extends CallError {
  override readonly name = 'HttpStatusError';
  constructor(
    readonly status: number,
    readonly retryAfterMs?: number,
  ) {
    super('http', `HTTP_${status}`, `backend answered ${status}`);
  }
}

export type NetworkErrorCode = 'ECONNRESET' | 'ECONNREFUSED' | 'ENOTFOUND' | 'ETIMEDOUT' | 'EPIPE';

export class NetworkError extends CallError {
  override readonly name = 'NetworkError';
  constructor(code: NetworkErrorCode, message = `network error ${code}`) {
    super('network', code, message);
  }
}

/** The response arrived but its body is not what the endpoint promises (truncated, not JSON, wrong shape). */
export class MalformedBodyError extends CallError {
  override readonly name = 'MalformedBodyError';
  constructor(reason: string) {
    super('malformed', 'MALFORMED_BODY', `malformed response body: ${reason}`);
  }
}

/** Code for an error whose origin we do not know (a user client throwing something of its own). */
export function errorCode(error: unknown): string {
  if (error instanceof CallError) return error.code;
  if (error && typeof error === 'object') {
    const named = error as { code?: unknown; name?: unknown } & CockatielErrorFlags;
    if (typeof named.code === 'string' && named.code) return named.code;
    // cockatiel 3.2 errors keep the name 'Error' and mark themselves with these flags instead.
    if (named.isTaskCancelledError) return 'TIMEOUT';
    if (named.isBrokenCircuitError) return 'BREAKER_OPEN';
    if (named.isBulkheadRejectedError) return 'BULKHEAD_FULL';
    if (named.name === 'AbortError') return 'ABORTED';
  }
  return 'UNKNOWN';
}

interface CockatielErrorFlags {
  isTaskCancelledError?: unknown;
  isBrokenCircuitError?: unknown;
  isBulkheadRejectedError?: unknown;
}
