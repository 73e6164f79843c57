import type { Backend, BackendRequest, BackendResponse } from '../backend/contract.ts';
import { HttpStatusError, MalformedBodyError } from '../errors/call-errors.ts';

/**
 * The client's reading of a response, the same for every backend: non-2xx becomes an HttpStatusError
 * (carrying Retry-After), a body that is not JSON or not the endpoint's shape becomes MALFORMED_BODY.
 */
export function readResponse(request: BackendRequest, response: BackendResponse, backend: Backend): unknown {
  if (response.status < 200 || response.status > 299) {
    throw new HttpStatusError(response.status, parseRetryAfter(response.headers['retry-after']));
  }
  if (typeof response.body === 'string') {
    throw new MalformedBodyError(response.body === '' ? 'empty body' : 'not JSON');
  }
  const problem = backend.validate?.(request, response.body);
  if (problem) throw new MalformedBodyError(problem);
  return response.body;
}

/** Retry-After in seconds (the form faults and most APIs use); HTTP dates are not meaningful on a virtual clock. */
export function parseRetryAfter(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}
