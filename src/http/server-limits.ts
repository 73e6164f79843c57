import { createServer, type RequestListener, type Server } from 'node:http';
import { z } from 'zod';
import { FaultlineError } from '../errors/faultline-error.ts';
import type { Logger } from '../logging/logger.ts';
import { formatDuration, parseDuration } from '../util/duration.ts';

/**
 * The limits a faultline server holds its clients to, whatever faults it injects: how long a client
 * may take to send the headers and the whole request, how long an idle keep-alive connection stays open,
 * and how many connections are open at once. Node's own defaults (60 s for headers, 300 s for a request,
 * no cap) let a slow or crowding client hold a server for minutes. None of them cuts a response the
 * server is delaying on purpose: a latency or hang fault is not cut off by them. The proxy also bounds
 * how long it waits on a slow upstream (undici's default is 300 s for the headers and between body chunks):
 * past `upstreamTimeoutMs` the client gets a 504.
 */
export const SERVER_LIMITS = {
  headerTimeoutMs: { flag: '--header-timeout', min: 100, max: 600_000, default: 10_000 },
  requestTimeoutMs: { flag: '--request-timeout', min: 100, max: 3_600_000, default: 30_000 },
  idleTimeoutMs: { flag: '--idle-timeout', min: 100, max: 600_000, default: 5_000 },
  maxConnections: { flag: '--max-connections', min: 1, max: 65_535, default: 1024 },
  upstreamTimeoutMs: { flag: '--upstream-timeout', min: 100, max: 3_600_000, default: 60_000 },
} as const;

export type ServerLimitName = keyof typeof SERVER_LIMITS;
const LIMIT_NAMES = Object.keys(SERVER_LIMITS) as ServerLimitName[];

/** What the user gave, cut short: an error line stays one readable line. */
const shown = (value: number | string) => {
  const text = String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
};

const limitSchema = (name: ServerLimitName) => {
  const { flag, min, max, default: fallback } = SERVER_LIMITS[name];
  const isDuration = name !== 'maxConnections';
  const show = (n: number) => (isDuration ? formatDuration(n) : String(n));
  const range = `${show(min)} to ${show(max)}`;
  return z
    .union([z.number(), z.string()])
    .optional()
    .transform((value, ctx) => {
      if (value === undefined) return fallback;
      const n = isDuration ? parseDuration(value) : typeof value === 'number' ? value : Number.NaN;
      if (
        n === undefined ||
        !Number.isFinite(n) ||
        n < min ||
        n > max ||
        (!isDuration && !Number.isInteger(n))
      ) {
        const kind = isDuration ? 'a duration' : 'a whole number';
        ctx.addIssue({
          code: 'custom',
          message: `${flag} must be ${kind} from ${range} (got ${shown(value)})`,
        });
        return z.NEVER;
      }
      return n;
    });
};

const serverLimitsSchema = z.strictObject(
  Object.fromEntries(LIMIT_NAMES.map((name) => [name, limitSchema(name)])) as {
    [K in ServerLimitName]: ReturnType<typeof limitSchema>;
  },
);

export type ServerLimits = Readonly<z.output<typeof serverLimitsSchema>>;
/** Durations as ms or with a unit ("10s"); any limit left out takes its default. */
export type ServerLimitsInput = Readonly<z.input<typeof serverLimitsSchema>>;

/** The limits with defaults filled in; a value out of its bounds is one error naming the flag and the range. */
export function resolveServerLimits(input: ServerLimitsInput = {}): ServerLimits {
  const parsed = serverLimitsSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => issue.message).join('; ');
    throw invalid(problems);
  }
  const limits = parsed.data;
  // Node refuses a header timeout longer than the request timeout. A request timeout given alone, below
  // the header default, brings the header timeout down with it; both given and crossed is refused.
  if (limits.headerTimeoutMs <= limits.requestTimeoutMs) return limits;
  if (input.headerTimeoutMs === undefined) return { ...limits, headerTimeoutMs: limits.requestTimeoutMs };
  throw invalid('--header-timeout must not be longer than --request-timeout');
}

function invalid(problems: string): FaultlineError {
  return new FaultlineError('SERVER_LIMIT_INVALID', `Invalid server limit: ${problems}.`);
}

/** Node checks header and request deadlines on an interval (30 s by default): tick often enough to honour them. */
function checkingIntervalMs(limits: ServerLimits): number {
  return Math.max(50, Math.min(1000, Math.floor(limits.headerTimeoutMs / 4)));
}

/**
 * An HTTP server held to `limits`. A connection over the cap is closed at once without a reply (Node
 * drops it before any byte is read); the first drop is logged as a warning, later ones at debug level.
 */
export function createLimitedServer(limits: ServerLimits, logger: Logger, handler: RequestListener): Server {
  const server = createServer(
    {
      headersTimeout: limits.headerTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.idleTimeoutMs,
      connectionsCheckingInterval: checkingIntervalMs(limits),
    },
    handler,
  );
  server.maxConnections = limits.maxConnections;
  let dropped = 0;
  server.on('drop', () => {
    dropped++;
    const fields = { maxConnections: limits.maxConnections, dropped };
    if (dropped === 1) logger.warn(fields, 'connection refused: the server is at --max-connections');
    else logger.debug(fields, 'connection refused: the server is at --max-connections');
  });
  return server;
}
