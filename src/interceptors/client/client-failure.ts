import type { BackendResponse } from '../../backend/contract.ts';
import { abortReason } from '../../clock/clock.ts';
import { MalformedBodyError, NetworkError } from '../../errors/call-errors.ts';
import { networkErrorCode } from '../../http/network-error-code.ts';
import type { CallScope } from '../call-scope.ts';

interface ResponseLike {
  readonly status?: unknown;
  readonly statusCode?: unknown;
  readonly headers?: unknown;
  readonly data?: unknown;
  readonly body?: unknown;
}

interface ErrorLike extends ResponseLike {
  readonly name?: unknown;
  readonly code?: unknown;
  readonly cause?: unknown;
  readonly response?: ResponseLike;
}

/** Response headers the client's reading of a status uses. */
const KEPT_HEADERS = ['retry-after', 'content-type'] as const;

/**
 * What a user's client threw, read as faultline reads any backend: an HTTP status (axios
 * `err.response.status`, got `err.response.statusCode`, ky/fetch `err.response.status`, or an error of
 * the client's own carrying `status`) becomes that response, so the policies see the same
 * HttpStatusError as in process; a body that did not parse becomes MALFORMED_BODY; a network error keeps
 * its code. msw cannot give the client a code, so a code-less failure of an exchange that faultline failed
 * with a network error gets the code that was injected. Anything else is rethrown as it is.
 */
export function readClientFailure(error: unknown, scope: CallScope): BackendResponse {
  const { signal } = scope.ctx;
  if (signal.aborted) throw abortReason(signal);
  const failure = (error ?? {}) as ErrorLike;
  if (isBodyParseError(failure)) throw new MalformedBodyError('not JSON');
  const response = statusResponse(failure);
  if (response) return response;
  const injected = scope.lastAnswer?.type === 'network-error' ? scope.lastAnswer.code : undefined;
  const code = networkErrorCode(error) ?? injected;
  if (code) throw new NetworkError(code);
  throw error;
}

function isBodyParseError(error: ErrorLike): boolean {
  const cause = (error.cause ?? {}) as ErrorLike;
  return (
    error.name === 'SyntaxError' || error.code === 'ERR_BODY_PARSE_FAILURE' || cause.name === 'SyntaxError'
  );
}

function statusResponse(error: ErrorLike): BackendResponse | undefined {
  const source = error.response ?? error;
  const status = [source.status, source.statusCode].find(isHttpStatus);
  if (status === undefined || (status >= 200 && status < 300)) return undefined;
  const headers: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = headerValue(source.headers, name);
    if (value !== undefined) headers[name] = value;
  }
  return { status, headers, body: source.data ?? source.body };
}

function isHttpStatus(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 100 && value <= 599;
}

/** A header from fetch `Headers`, axios `AxiosHeaders` or a plain object of node headers. */
function headerValue(headers: unknown, name: string): string | undefined {
  if (!headers || typeof headers !== 'object') return undefined;
  const getter = (headers as { get?: unknown }).get;
  const value =
    typeof getter === 'function'
      ? (getter.call(headers, name) as unknown)
      : (headers as Record<string, unknown>)[name];
  if (Array.isArray(value)) return value.join(', ');
  return value === undefined || value === null ? undefined : String(value);
}
