import { basename, dirname, resolve } from 'node:path';
import type { LoadedConfig } from '../config/load-config.ts';
import { FaultlineError } from '../errors/faultline-error.ts';
import type { ReporterSpec } from '../report/reporters/index.ts';
import { MAX_DURATION_MS } from '../scenario/limits.ts';
import type { RealApi } from '../scenario/point-at-real-api.ts';
import { parseDuration } from '../util/duration.ts';
import { defaultWorkers } from '../work/workers.ts';
import { parseOtlpEndpoint } from './otlp-endpoint.ts';
import { parseShard, type Shard } from './shard.ts';

export const DEFAULT_OUT_DIR = 'faultline-results';
export const DEFAULT_REPORTERS: readonly ReporterSpec[] = ['console', 'json'];

/** The flags `run` and `replay` share with the config file. */
export interface RunFlags {
  readonly seed?: number;
  readonly duration?: string;
  readonly realTime?: boolean;
  readonly reporter?: readonly string[];
  readonly outDir?: string;
  /** Shorthand: the JSON result goes to exactly this file (console output stays). */
  readonly out?: string;
  readonly quiet?: boolean;
  readonly bail?: boolean;
  readonly shard?: string;
  readonly allowInsecureHttp?: boolean;
  readonly realBackend?: boolean;
  readonly apiUrl?: string;
  readonly apiKeyEnv?: string;
  /** Run even when a scenario's work estimate is over the limit. */
  readonly force?: boolean;
  /** `run` only: export each scenario's traces over OTLP/HTTP to this URL. */
  readonly otlpEndpoint?: string;
  /** Worker threads (parsed by parseWorkersFlag). */
  readonly workers?: number;
}

export interface RunSettings {
  readonly outDir: string;
  readonly reporters: readonly ReporterSpec[];
  /** Folder that reporter module paths are relative to. */
  readonly reportersBaseDir: string;
  /** Where reporter i came from (the flag, or the config file and field), for its errors. */
  readonly reporterOrigin: (index: number) => string;
  readonly seed?: number;
  readonly durationMs?: number;
  readonly realTime?: boolean;
  readonly bail: boolean;
  readonly quiet: boolean;
  readonly allowInsecureHttp?: boolean;
  readonly shard?: Shard;
  readonly realApi?: RealApi;
  readonly force?: boolean;
  readonly otlpEndpoint?: string;
  /** Worker threads: the flag, else the config, else one per available core. */
  readonly workers: number;
  /** Whether the flag or the config named the workers (a notice says when they cannot be used). */
  readonly workersExplicit: boolean;
}

/** Flags win over the config file, which wins over the defaults. */
export function resolveRunSettings(flags: RunFlags, config: LoadedConfig, cwd: string): RunSettings {
  if (flags.out !== undefined) return withOutFile(flags, config, cwd, flags.out);
  const fromFlags = flags.reporter !== undefined && flags.reporter.length > 0;
  const durationMs = flags.duration === undefined ? config.durationMs : requireDuration(flags.duration);
  return {
    outDir:
      flags.outDir !== undefined
        ? resolve(cwd, flags.outDir)
        : resolve(config.baseDir, config.outDir ?? DEFAULT_OUT_DIR),
    reporters: fromFlags
      ? (flags.reporter ?? []).map(parseReporterFlag)
      : (config.reporters ?? DEFAULT_REPORTERS),
    reportersBaseDir: fromFlags ? cwd : config.baseDir,
    reporterOrigin: fromFlags
      ? (index) => `--reporter ${flags.reporter?.[index] ?? ''}`
      : (index) => (config.reporters && config.file ? `${config.file} at reporters[${index}]` : 'reporter'),
    seed: flags.seed ?? config.seed,
    durationMs,
    realTime: flags.realBackend || flags.apiUrl ? true : (flags.realTime ?? config.realTime),
    bail: flags.bail ?? config.bail ?? false,
    workers: flags.workers ?? config.workers ?? defaultWorkers(),
    workersExplicit: flags.workers !== undefined || config.workers !== undefined,
    quiet: flags.quiet ?? false,
    allowInsecureHttp: flags.allowInsecureHttp ?? config.allowInsecureHttp,
    ...(flags.shard !== undefined && { shard: parseShard(flags.shard) }),
    ...(flags.force && { force: true }),
    ...(flags.otlpEndpoint !== undefined && {
      otlpEndpoint: parseOtlpEndpoint(
        flags.otlpEndpoint,
        flags.allowInsecureHttp ?? config.allowInsecureHttp ?? false,
      ),
    }),
    ...realApiOf(flags),
  };
}

/** `junit` or `junit:reports/junit.xml` (the output path, inside the output folder). */
export function parseReporterFlag(flag: string): ReporterSpec {
  const colon = flag.indexOf(':');
  if (colon <= 0) return flag;
  const output = flag.slice(colon + 1);
  if (!output)
    throw new FaultlineError(
      'USAGE',
      `--reporter ${flag} names no output file; write e.g. --reporter junit:junit.xml`,
    );
  return [flag.slice(0, colon), { output }];
}

function requireDuration(text: string): number {
  const ms = parseDuration(text);
  if (ms === undefined || ms <= 0) {
    throw new FaultlineError('USAGE', `--duration ${text} is not a duration; use e.g. 30s, 5m or 1h`);
  }
  if (ms > MAX_DURATION_MS) {
    throw new FaultlineError(
      'USAGE',
      `--duration ${text.slice(0, 40)} is over 366 days (MAX_DURATION_MS); give a shorter duration`,
    );
  }
  return ms;
}

/** `--out result.json`: the folder of that file becomes the output folder, and json writes that file. */
function withOutFile(flags: RunFlags, config: LoadedConfig, cwd: string, out: string): RunSettings {
  const file = resolve(cwd, out);
  const others = (flags.reporter ?? ['console']).filter((r) => r !== 'json' && !r.startsWith('json:'));
  const settings = resolveRunSettings(
    { ...flags, out: undefined, reporter: others, outDir: dirname(file) },
    config,
    cwd,
  );
  const count = settings.reporters.length;
  return {
    ...settings,
    reporters: [...settings.reporters, ['json', { output: basename(file) }]],
    reporterOrigin: (index) => (index === count ? `--out ${out}` : settings.reporterOrigin(index)),
  };
}

/** `--real-backend --api-url URL [--api-key-env NAME]`, the reference integration's demo flags. */
function realApiOf(flags: RunFlags): { realApi?: RealApi } {
  if (!flags.realBackend && flags.apiUrl === undefined) return {};
  if (flags.apiUrl === undefined) {
    throw new FaultlineError('USAGE', '--real-backend needs --api-url <url> (e.g. http://127.0.0.1:8080)');
  }
  return {
    realApi: { url: flags.apiUrl, ...(flags.apiKeyEnv !== undefined && { apiKeyEnv: flags.apiKeyEnv }) },
  };
}
