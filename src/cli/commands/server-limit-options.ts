import type { Options } from 'yargs';
import { SERVER_LIMITS, type ServerLimitsInput } from '../../http/server-limits.ts';
import { formatDuration } from '../../util/duration.ts';

const span = (min: number, max: number, show: (n: number) => string) => `${show(min)}–${show(max)}`;
const { headerTimeoutMs, requestTimeoutMs, idleTimeoutMs, maxConnections, upstreamTimeoutMs } = SERVER_LIMITS;
const durationHelp = (what: string, limit: { min: number; max: number; default: number }) =>
  `${what} (default ${formatDuration(limit.default)}, ${span(limit.min, limit.max, formatDuration)})`;

/** The timeout and connection-cap flags `serve` and `proxy` share; bounds and defaults from SERVER_LIMITS. */
export const SERVER_LIMIT_OPTIONS = {
  'header-timeout': {
    type: 'string',
    describe: durationHelp('time a client has to send the request headers, then 408', headerTimeoutMs),
  },
  'request-timeout': {
    type: 'string',
    describe: durationHelp(
      'time a client has to send the whole request (body too), then 408',
      requestTimeoutMs,
    ),
  },
  'idle-timeout': {
    type: 'string',
    describe: durationHelp('how long an idle keep-alive connection stays open', idleTimeoutMs),
  },
  'max-connections': {
    type: 'number',
    describe: `open client connections at once; more are closed unanswered (default ${maxConnections.default}, ${span(maxConnections.min, maxConnections.max, String)})`,
  },
} as const satisfies Record<string, Options>;

/** The proxy's own: how long it waits on its upstream. */
export const PROXY_LIMIT_OPTIONS = {
  'upstream-timeout': {
    type: 'string',
    describe: durationHelp(
      'time the upstream has to send the response headers, and between body chunks, then 504',
      upstreamTimeoutMs,
    ),
  },
} as const satisfies Record<string, Options>;

export interface ServerLimitFlags {
  readonly headerTimeout?: string;
  readonly requestTimeout?: string;
  readonly idleTimeout?: string;
  readonly maxConnections?: number;
  readonly upstreamTimeout?: string;
}

export function serverLimitsFromFlags(flags: ServerLimitFlags): ServerLimitsInput {
  return {
    headerTimeoutMs: flags.headerTimeout,
    requestTimeoutMs: flags.requestTimeout,
    idleTimeoutMs: flags.idleTimeout,
    maxConnections: flags.maxConnections,
    upstreamTimeoutMs: flags.upstreamTimeout,
  };
}
