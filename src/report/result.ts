import type { Hypothesis } from '../hypotheses/schema.ts';
import type { CostFigures } from '../metrics/cost.ts';

/**
 * Bumped when the same scenario and seed give different figures or the shape changes.
 * 2: time in fractional ms (a 10.7 ms latency is 10.7 ms, not 10), random streams by purpose
 * (latency:<backend>, faults:<backend>), injected failures cost a round trip; in-flight, attempts per
 * request, per-phase faults and policy events, cache coalesced/lookups per window,
 * replay.realBackend/allowInsecureHttp; half-open stamped on time; buckets from the run's actual length.
 * 3: backend latency and fault draws keyed by (arrival, attempt), so retries no longer shift later
 * requests' draws (common random numbers for sweeps); replay.variant.
 */
export const RESULT_SCHEMA_VERSION = 3;

export interface LatencySummary {
  readonly p50: number;
  readonly p90: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
}

export interface RequestCounts {
  readonly total: number;
  readonly succeeded: number;
  readonly fellBack: number;
  readonly failed: number;
  /** Failed requests by error code, keys sorted. */
  readonly failuresByCode: Readonly<Record<string, number>>;
}

/** Requests in flight, time-weighted over the window (Little's law: mean = throughput × mean latency). */
export interface InFlightFigures {
  readonly mean: number;
  readonly max: number;
}

export interface WindowFigures {
  readonly requests: RequestCounts;
  readonly availability: number;
  readonly latency: LatencySummary;
  readonly inFlight: InFlightFigures;
  readonly backend: {
    readonly calls: number;
    readonly reached: number;
    readonly callsPerRequest: number;
    /**
     * How many requests made 0, 1, 2... backend calls before they ended (keys in numeric order; the last
     * key may read "100+"). Cache hits make 0; requests still unanswered at the end are not counted.
     */
    readonly attemptsPerRequest: Readonly<Record<string, number>>;
  };
  /** lookups = hits + misses + coalesced (a coalesced lookup waited for another's load); hitRatio = hits / (hits + misses). */
  readonly cache: {
    readonly hits: number;
    readonly misses: number;
    readonly coalesced: number;
    readonly lookups: number;
    readonly hitRatio: number;
  };
  readonly breaker: { readonly openTimeMs: number; readonly openRatio: number; readonly opened: number };
  readonly throughput: number;
}

export interface PhaseFigures extends WindowFigures {
  readonly name: string;
  readonly fromMs: number;
  readonly toMs: number;
  /** Faults injected during the phase, by kind (keys sorted). */
  readonly faults: { readonly injected: Readonly<Record<string, number>> };
  /** Policy events during the phase (retries, rejections, fallbacks, timeouts...), keys sorted. */
  readonly policyEvents: Readonly<Record<string, number>>;
}

export interface BreakerTransition {
  readonly atMs: number;
  readonly to: 'open' | 'half-open' | 'closed';
}

export interface BackendBreakerFigures {
  readonly opened: number;
  readonly openTimeMs: number;
  readonly transitions: readonly BreakerTransition[];
}

export interface TimelineBucket {
  readonly startMs: number;
  readonly requests: number;
  readonly succeeded: number;
  readonly fellBack: number;
  readonly failed: number;
  readonly backendCalls: number;
  readonly p50: number;
  readonly p99: number;
}

export interface HypothesisResult extends Hypothesis {
  readonly name: string;
  readonly actual: number;
  readonly pass: boolean;
  /** Its window held no request, so it was not judged (and did not pass). */
  readonly noEvidence?: true;
}

/** Facts that depend on the machine or wall clock; everything outside this block is deterministic. */
export interface Environment {
  readonly startedAt: string;
  readonly wallMs: number;
  readonly node: string;
  readonly platform: string;
  readonly faultline: string;
  readonly simulatedRequestsPerSecond?: number;
}

/** What `faultline replay` needs beyond the seed to rerun exactly this run; set by the CLI. */
export interface ReplayInfo {
  /** The scenario file, relative to the folder the run started in. */
  readonly file: string;
  /** SHA-256 of the scenario file's bytes, so a replay can tell when the file has changed since. */
  readonly scenarioSha256: string;
  /** The --duration override, when one was given. */
  readonly durationMs?: number;
  /** True when --real-time forced the real clock. */
  readonly realTime?: boolean;
  /** --real-backend --api-url [--api-key-env]: the API the mock backends were swapped for (the key's variable name only). */
  readonly realBackend?: { readonly url: string; readonly apiKeyEnv?: string };
  /** True when --allow-insecure-http let the run use plain HTTP to a non-local host. */
  readonly allowInsecureHttp?: boolean;
  /** The sweep variant the run applied to the scenario (dotted path → value), when it came from a sweep. */
  readonly variant?: Readonly<Record<string, string | number | boolean>>;
}

export interface RunResult extends WindowFigures {
  readonly schemaVersion: typeof RESULT_SCHEMA_VERSION;
  /** False when the run was interrupted and holds only what it had measured by then. */
  readonly complete: boolean;
  readonly scenario: { readonly name: string; readonly description?: string; readonly file?: string };
  readonly seed: number;
  readonly mode: 'simulated' | 'real-time';
  readonly verdict: 'pass' | 'fail';
  readonly durationMs: number;
  readonly backend: WindowFigures['backend'] & { readonly byBackend: Readonly<Record<string, number>> };
  /** Money spent on backend calls, when the scenario gives backends a `cost`. */
  readonly cost?: CostFigures;
  readonly cache: WindowFigures['cache'] & { readonly stale: number };
  readonly breaker: WindowFigures['breaker'] & {
    readonly transitions: readonly BreakerTransition[];
    /** Each backend's own breaker, in failover and fan-out topologies (keys sorted). */
    readonly byBackend?: Readonly<Record<string, BackendBreakerFigures>>;
  };
  readonly faults: { readonly injected: Readonly<Record<string, number>> };
  readonly policyEvents: Readonly<Record<string, number>>;
  readonly phases: readonly PhaseFigures[];
  readonly timeline: { readonly bucketMs: number; readonly buckets: readonly TimelineBucket[] };
  readonly hypotheses: readonly HypothesisResult[];
  /** Absent from results made through the programmatic API; the CLI always records it. */
  readonly replay?: ReplayInfo;
  readonly environment: Environment;
}
