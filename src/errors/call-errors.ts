import { StacklessError } from './stackless.ts';

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

/** Marks call failures across module copies (two installs, a bundled plugin): checked instead of instanceof. */
const CALL_ERROR = Symbol.for('faultline.call-error');

/** A failed call, built without a stack: a simulated outcome (errors/stackless.ts). */
export class CallError extends StacklessError {
  override readonly name: string = 'CallError';
  readonly [CALL_ERROR] = true;
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

/** A call failure from any copy of faultline: what policies classify by `kind` and count by `code`. */
export function isCallError(error: unknown): error is CallError {
  if (!error || typeof error !== 'object' || (error as { [CALL_ERROR]?: unknown })[CALL_ERROR] !== true) {
    return false;
  }
  const { kind, code } = error as { kind?: unknown; code?: unknown };
  return typeof kind === 'string' && typeof code === 'string';
}

/** A non-2xx answer from any copy of faultline. */
export function isHttpStatusError(error: unknown): error is HttpStatusError {
  return (
    isCallError(error) && error.kind === 'http' && typeof (error as { status?: unknown }).status === 'number'
  );
}

/** A network failure (reset, refused…) from any copy of faultline. */
export function isNetworkError(error: unknown): error is NetworkError {
  return isCallError(error) && error.kind === 'network';
}

/** Code for an error whose origin we do not know (a user client throwing something of its own). */
export function errorCode(error: unknown): string {
  if (isCallError(error)) return error.code;
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
