import type { Hypothesis } from '../hypotheses/schema.ts';

export const RESULT_SCHEMA_VERSION = 1;

export interface LatencySummary {
  readonly p50: number;
  readonly p90: number;
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

export interface WindowFigures {
  readonly requests: RequestCounts;
  readonly availability: number;
  readonly latency: LatencySummary;
  readonly backend: { readonly calls: number; readonly reached: number; readonly callsPerRequest: number };
  readonly cache: { readonly hits: number; readonly misses: number; readonly hitRatio: number };
  readonly breaker: { readonly openTimeMs: number; readonly openRatio: number; readonly opened: number };
  readonly throughput: number;
}

export interface PhaseFigures extends WindowFigures {
  readonly name: string;
  readonly fromMs: number;
  readonly toMs: number;
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
  readonly cache: WindowFigures['cache'] & { readonly coalesced: number; readonly stale: number };
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
