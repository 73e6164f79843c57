import type { z } from 'zod';
import type { Clock } from '../clock/clock.ts';
import type { ChaosOptions } from '../faults/chaos-backend.ts';
import type { FaultPlan } from '../faults/fault-plan.ts';
import type { Rng } from '../rng/rng.ts';

/** The argument-analysis API's routes; other backends may serve any path. */
export const ANALYSIS_ENDPOINTS = [
  '/api/health',
  '/api/analyze',
  '/api/detect-fallacies',
  '/api/reconstruct',
  '/api/validate',
  '/api/logic-graph',
] as const;
export type AnalysisEndpoint = (typeof ANALYSIS_ENDPOINTS)[number];

export interface BackendRequest {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  /** JSON body; for the analysis API always `{ text }`. */
  readonly body?: unknown;
}

export interface BackendResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** Parsed JSON when the body was JSON; the raw text when it was not (the client then reports it malformed). */
  readonly body: unknown;
}

/** What every call gets: cancellation, and the run's clock and randomness (never the globals). */
export interface CallContext {
  readonly signal: AbortSignal;
  readonly clock: Clock;
  readonly rng: Rng;
}

export interface Backend {
  readonly name: string;
  call(request: BackendRequest, ctx: CallContext): Promise<BackendResponse>;
  /** Checks a response body's shape; the client reports MALFORMED_BODY when it returns a reason. */
  validate?(request: BackendRequest, body: unknown): string | undefined;
  /**
   * How long a reply from this backend takes on the wire (its base latency), drawn from `ctx.rng`. The
   * chaos layer waits this long before delivering an injected error status or network error, so a
   * failure costs time as it does on a real connection; without it a failure is delivered at once.
   */
  replyLatencyMs?(request: BackendRequest, ctx: CallContext): number;
  /** Releases sockets, servers or interceptors the backend opened. */
  close?(): Promise<void>;
  /**
   * The backend applies the scenario's faults itself (msw, nock: at the HTTP level, where the user's own
   * client sees them), from `PluginContext.faultPlan`; the runner then puts no chaos layer in front of it.
   */
  readonly injectsFaults?: boolean;
}

/** Where a backend that injects faults itself reports calls and faults, as the chaos layer does. */
export type FaultHooks = Pick<ChaosOptions, 'onCall' | 'onReached' | 'onInjected'>;

/** What a plugin's factory receives besides its validated options. */
export interface PluginContext {
  readonly clock: Clock;
  readonly rng: Rng;
  /** Folder of the scenario file, for resolving relative paths in options. */
  readonly baseDir: string;
  /** Set by the CLI's --allow-insecure-http. */
  readonly allowInsecureHttp?: boolean;
  /** The scenario's faults, for backends that inject them themselves (`injectsFaults`). */
  readonly faultPlan?: FaultPlan;
  /** The backend's name in the scenario, which fault `target`s refer to. */
  readonly backendName?: string;
  readonly faultHooks?: FaultHooks;
}

export interface BackendPlugin<Schema extends z.ZodType = z.ZodType> {
  readonly name: string;
  readonly description?: string;
  readonly options: Schema;
  create(options: z.output<Schema>, ctx: PluginContext): Backend | Promise<Backend>;
}

/** Identity helper that types a plugin's factory from its options schema. */
export function defineBackend<Schema extends z.ZodType>(
  plugin: BackendPlugin<Schema>,
): BackendPlugin<Schema> {
  return plugin;
}
