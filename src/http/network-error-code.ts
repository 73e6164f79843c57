import type { NetworkErrorCode } from '../errors/call-errors.ts';

/** undici and node error codes, folded onto the five codes faultline reports. */
const CODE_MAP: Readonly<Record<string, NetworkErrorCode>> = {
  ECONNRESET: 'ECONNRESET',
  EPIPE: 'EPIPE',
  ECONNABORTED: 'ECONNRESET',
  UND_ERR_SOCKET: 'ECONNRESET',
  UND_ERR_CLOSED: 'ECONNRESET',
  ECONNREFUSED: 'ECONNREFUSED',
  EHOSTUNREACH: 'ECONNREFUSED',
  ENETUNREACH: 'ECONNREFUSED',
  ENOTFOUND: 'ENOTFOUND',
  EAI_AGAIN: 'ENOTFOUND',
  EAI_NONAME: 'ENOTFOUND',
  ETIMEDOUT: 'ETIMEDOUT',
  UND_ERR_CONNECT_TIMEOUT: 'ETIMEDOUT',
  UND_ERR_HEADERS_TIMEOUT: 'ETIMEDOUT',
  UND_ERR_BODY_TIMEOUT: 'ETIMEDOUT',
};

/**
 * The network error code behind a transport failure, looking through `cause` chains and the
 * AggregateError Node raises when every address of a host refused. Undefined when it is not a transport error.
 */
export function networkErrorCode(error: unknown, depth = 0): NetworkErrorCode | undefined {
  if (!error || typeof error !== 'object' || depth > 4) return undefined;
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string' && CODE_MAP[code]) return CODE_MAP[code];
  if (Array.isArray(errors)) {
    for (const inner of errors) {
      const found = networkErrorCode(inner, depth + 1);
      if (found) return found;
    }
  }
  return networkErrorCode(cause, depth + 1);
}
