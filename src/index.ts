/**
 * faultline's programmatic API: the names a config, a TypeScript scenario, a backend plugin or a custom
 * reporter imports from 'faultline'. Everything else is internal.
 */
export { z } from 'zod';
export type {
  Backend,
  BackendPlugin,
  BackendRequest,
  BackendResponse,
  CallContext,
  PluginContext,
} from './backend/contract.ts';
export { defineBackend } from './backend/contract.ts';
export { defineConfig, type FaultlineConfig } from './config/define-config.ts';
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
export { type RunOptions, runScenario } from './runner/run-scenario.ts';
export { loadScenarioFile, parseScenario } from './scenario/load-scenario.ts';
export { defineScenario, type Scenario, type ScenarioInput } from './scenario/schema.ts';
export { exportTraces, type OtlpExportOptions } from './tracing/otlp-export.ts';
export { type RequestTrace, RunTracer } from './tracing/run-tracer.ts';
