/**
 * faultline's programmatic API: the names a config, a TypeScript scenario, a backend plugin or a custom
 * reporter imports from 'faultline'. Everything a public type mentions is exported here, and the
 * built-in plugins (plugins/*) import only from here, as a third-party plugin would. Everything else is
 * internal.
 */
export { z } from 'zod';
export type { AnalysisReply } from './analysis/router.ts';
export { analysisRoute, validateAnalysisResponse } from './analysis/router.ts';
export {
  type ApiKeyHeader,
  apiKeyEnvSchema,
  apiKeyFromEnv,
  apiKeyHeaderSchema,
  apiKeyHeaders,
} from './backend/api-key.ts';
export type {
  AnalysisEndpoint,
  Backend,
  BackendPlugin,
  BackendRequest,
  BackendResponse,
  CallContext,
  FaultHooks,
  PluginContext,
} from './backend/contract.ts';
export { defineBackend } from './backend/contract.ts';
export { parseJsonOrText } from './backend/reply-body.ts';
export { abortReason, type Clock } from './clock/clock.ts';
export { defineConfig, type FaultlineConfig } from './config/define-config.ts';
export {
  CallError,
  type CallErrorKind,
  errorCode,
  HttpStatusError,
  isCallError,
  isHttpStatusError,
  isNetworkError,
  MalformedBodyError,
  NetworkError,
  type NetworkErrorCode,
} from './errors/call-errors.ts';
export { ERROR_CODES, type ErrorCode } from './errors/codes.ts';
export { FaultlineError, isFaultlineError, PluginError, ScenarioError } from './errors/faultline-error.ts';
export { StacklessError } from './errors/stackless.ts';
export type { ChaosOptions } from './faults/chaos-backend.ts';
export type { EffectFailure, FaultEffect } from './faults/effect.ts';
export type { FaultPlan } from './faults/fault-plan.ts';
export { sampleLatency } from './faults/latency.ts';
export { type LatencyDistribution, latencyDistributionSchema } from './faults/schema.ts';
export { isLoopbackHost } from './http/address-class.ts';
export { networkErrorCode } from './http/network-error-code.ts';
export { redact } from './logging/redact.ts';
export { registerSecret } from './logging/secrets.ts';
export { type CallRecorder, openCallRecorder, type RecordedCall } from './record/call-recorder.ts';
export type {
  Reporter,
  ReporterContext,
  RunStart,
  RunSummary,
  ScenarioOutcome,
  ScenarioPlan,
} from './report/reporters/index.ts';
export { builtinReporters } from './report/reporters/index.ts';
export type { HypothesisResult, RunResult } from './report/result.ts';
export { serializeResult } from './report/serialize.ts';
export type { Rng } from './rng/rng.ts';
export { type RunOptions, runScenario } from './runner/run-scenario.ts';
// Plugins bound their own options with the scenario's limits (every string and number has a bound).
export { LIMITS, MAX_LIST, MAX_NAME_LENGTH, MAX_STRING_LENGTH } from './scenario/limits.ts';
export { loadScenarioFile, parseScenario } from './scenario/load-scenario.ts';
export { defineScenario, type Scenario, type ScenarioInput } from './scenario/schema.ts';
export { exportTraces, type OtlpExportOptions } from './tracing/otlp-export.ts';
export { type RequestTrace, RunTracer } from './tracing/run-tracer.ts';
