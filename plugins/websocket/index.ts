import { validateAnalysisResponse } from '../../src/analysis/router.ts';
import { abortReason } from '../../src/clock/clock.ts';
import {
  apiKeyEnvSchema,
  apiKeyHeaderSchema,
  apiKeyHeaders,
  type Backend,
  type BackendRequest,
  type BackendResponse,
  defineBackend,
  MAX_STRING_LENGTH,
  parseJsonOrText,
  z,
} from '../../src/index.ts';
import { durationSchema } from '../../src/util/duration.ts';
import { AnalysisSession, type SessionStats } from './session.ts';
import { checkWebSocketTransport } from './transport-security.ts';

/** The backend, plus how its session fared (connects, reconnects, closes by code, half-open found). */
export interface WebSocketBackend extends Backend {
  readonly stats: SessionStats;
}

/** Plugin options are bounded like the scenario around them (issue 12): the bound is named when passed. */
const LONG_STRING = `must be at most ${MAX_STRING_LENGTH} characters (MAX_STRING_LENGTH)`;
const boundedMs = (max: number) =>
  durationSchema.refine((ms) => ms > 0 && ms <= max, `between 1 ms and ${max / 1000} s`);

const optionsSchema = z.strictObject({
  /** The session endpoint, `ws://127.0.0.1:8788/api/ws` for `faultline serve --ws 8788`; wss:// off loopback. */
  url: z.url({ protocol: /^wss?$/ }).max(MAX_STRING_LENGTH, LONG_STRING),
  /** Name of the environment variable holding the API key (never the key itself). */
  apiKeyEnv: apiKeyEnvSchema.optional(),
  apiKeyHeader: apiKeyHeaderSchema,
  /** A ping after this much quiet; no pong within `pingTimeout` ends the session as half-open. */
  pingInterval: boundedMs(600_000).default(5_000),
  pingTimeout: boundedMs(600_000).default(2_000),
  /** Backoff before reconnecting: full jitter, doubling per consecutive failure from `initialDelay`. */
  reconnect: z
    .strictObject({
      initialDelay: boundedMs(60_000).default(100),
      maxDelay: boundedMs(600_000).default(5_000),
    })
    .default({ initialDelay: 100, maxDelay: 5_000 }),
});

/**
 * Calls the analysis API over one WebSocket session (src/websocket/protocol.ts): each request a message,
 * each reply carrying the HTTP status and body, so a scenario written for HTTP reads the same results.
 * A dropped session fails its pending calls (ECONNRESET, or ECONNREFUSED for 1013) and is reopened
 * with backoff by the next call.
 */
export default defineBackend({
  name: 'websocket',
  description: 'the analysis API over a WebSocket session, with heartbeat and reconnect with backoff',
  options: optionsSchema,
  create(options, ctx): WebSocketBackend {
    const url = new URL(options.url);
    checkWebSocketTransport(url, ctx.allowInsecureHttp === true);
    const session = new AnalysisSession({
      url: url.href,
      headers: apiKeyHeaders('websocket', options.apiKeyEnv, options.apiKeyHeader, 'WS_API_KEY_MISSING'),
      clock: ctx.clock,
      rng: ctx.rng.fork('websocket-reconnect'),
      pingIntervalMs: options.pingInterval,
      pingTimeoutMs: options.pingTimeout,
      reconnect: { initialDelayMs: options.reconnect.initialDelay, maxDelayMs: options.reconnect.maxDelay },
    });
    return {
      name: 'websocket',
      async call(request: BackendRequest, call): Promise<BackendResponse> {
        const message =
          request.body === undefined
            ? { method: request.method, path: request.path }
            : { method: request.method, path: request.path, body: request.body };
        try {
          const reply = await session.request(message, call.signal);
          const headers: Record<string, string> = { 'content-type': 'application/json' };
          if (reply.retryAfterMs !== undefined)
            headers['retry-after'] = String(Math.ceil(reply.retryAfterMs / 1000));
          return { status: reply.status, headers, body: parseJsonOrText(reply.bodyText) };
        } catch (error) {
          if (call.signal.aborted) throw abortReason(call.signal);
          throw error;
        }
      },
      validate: (request, body) => validateAnalysisResponse(request.path, body),
      async close() {
        session.close();
      },
      stats: session.stats,
    };
  },
});
