import type { ReporterSpec } from '../report/reporters/index.ts';

/** `faultline.config.ts|js|json`: defaults for the command line; every field can be overridden by a flag. */
export interface FaultlineConfig {
  /** Files, folders or globs `faultline run` uses when given none (default: the `scenarios` folder). */
  readonly scenarios?: readonly string[];
  /** Where reporters write (default `faultline-results`); their output paths stay inside it. */
  readonly outDir?: string;
  /** Reporters by name, `[name, options]`, module path or instance (default: console and json). */
  readonly reporters?: readonly ReporterSpec[];
  /** One seed for every scenario, instead of each scenario's own. */
  readonly seed?: number;
  /** Overrides every workload's duration: milliseconds or "30s", "5m". */
  readonly duration?: number | string;
  /** Run on the real clock instead of simulating. */
  readonly realTime?: boolean;
  /** Stop after the first scenario whose hypotheses fail. */
  readonly bail?: boolean;
  /** Allow plain-HTTP backends on non-local hosts (API keys would travel in clear). */
  readonly allowInsecureHttp?: boolean;
  /** Worker threads `faultline run` spreads scenarios over (1: this thread only; default: one per core). */
  readonly workers?: number;
  /** Hosts `faultline proxy` may reach besides its --target (redirect targets, private addresses). */
  readonly proxyAllow?: readonly string[];
}

/** Typed helper for `faultline.config.ts`. */
export function defineConfig(config: FaultlineConfig): FaultlineConfig {
  return config;
}
