import {
  analysisRoute,
  type BackendResponse,
  defineBackend,
  latencyDistributionSchema,
  MAX_NAME_LENGTH,
  sampleLatency,
  validateAnalysisResponse,
  z,
} from 'faultline';

/**
 * Default base latency: lognormal, median 200 ms, sigma 0.5, so p90 ≈ 380 ms and p99 ≈ 640 ms: the
 * right-skewed shape of a service doing real work per request. Scenarios usually set their own.
 */
export const DEFAULT_LATENCY = { type: 'lognormal', medianMs: 200, sigma: 0.5 } as const;

/** An error reply or refused connection still crosses the wire: a round trip, not the service time. */
export const DEFAULT_FAILURE_LATENCY = { type: 'fixed', ms: 1 } as const;

/** Plugin options are bounded like the scenario around them (issue 12): the bound is named when passed. */
const LONG_NAME = `must be at most ${MAX_NAME_LENGTH} characters (MAX_NAME_LENGTH)`;
const optionsSchema = z.strictObject({
  /** Base latency of every call, before any injected fault. */
  latency: latencyDistributionSchema.default(DEFAULT_LATENCY),
  /**
   * How long an injected error status or network error takes to come back: a round trip, 1 ms unless
   * set; `base` makes it the base latency (the server did the work, then failed).
   */
  failureLatency: z.union([z.literal('base'), latencyDistributionSchema]).default(DEFAULT_FAILURE_LATENCY),
  /** The backend's name in results and logs; "mock-analysis" when absent. */
  name: z.string().min(1).max(MAX_NAME_LENGTH, LONG_NAME).optional(),
});

const JSON_HEADERS: Readonly<Record<string, string>> = Object.freeze({ 'content-type': 'application/json' });

/**
 * The argument-analysis API in process: each call waits a base latency drawn from the call's rng on the
 * call's clock, then answers from the same router as the HTTP server, so answers depend on the text.
 */
export default defineBackend({
  name: 'mock-analysis',
  description:
    'the argument-analysis API in process: rule-based fallacy detection and argument reconstruction (EN/FR) after a sampled base latency',
  options: optionsSchema,
  create(options) {
    return {
      name: options.name ?? 'mock-analysis',
      async call(request, ctx): Promise<BackendResponse> {
        await ctx.clock.sleep(sampleLatency(options.latency, ctx.rng), ctx.signal);
        const reply = analysisRoute(request.method, request.path, request.body);
        return { status: reply.status, headers: JSON_HEADERS, body: reply.body };
      },
      replyLatencyMs: (_request, ctx) =>
        sampleLatency(options.failureLatency === 'base' ? options.latency : options.failureLatency, ctx.rng),
      validate: (request, body) => validateAnalysisResponse(request.path, body),
    };
  },
});
