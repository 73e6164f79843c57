import type { ServerResponse } from 'node:http';
import { wallClockIso } from '../clock/real-clock.ts';
import type { Logger } from '../logging/logger.ts';
import { routeLabel } from './http-metrics.ts';

/** The faults injected into each response, noted where they are decided and read when it is logged. */
const faultsOf = new WeakMap<ServerResponse, readonly string[]>();

export function noteFaults(res: ServerResponse, kinds: readonly string[]): void {
  if (kinds.length > 0) faultsOf.set(res, kinds);
}

/**
 * One structured line per request at info, with the fields the reference integration's logs carry:
 * endpoint, method, status_code (or `aborted`), response_time_ms, timestamp and the faults injected.
 */
export function logRequest(
  logger: Logger,
  res: ServerResponse,
  request: { readonly method: string; readonly path: string; readonly outcome: string; readonly ms: number },
): void {
  if (!logger.isLevelEnabled('info')) return;
  logger.info(
    {
      endpoint: routeLabel(request.path),
      method: request.method,
      status_code: request.outcome,
      response_time_ms: Math.round(request.ms * 100) / 100,
      timestamp: wallClockIso(),
      fault: faultsOf.get(res) ?? [],
    },
    'request',
  );
}
