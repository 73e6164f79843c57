import { isAbsolute, resolve } from 'node:path';
import { FaultlineError, isFaultlineError } from '../../errors/faultline-error.ts';
import { didYouMean } from '../../util/did-you-mean.ts';
import { importDefault } from '../../util/import-user-module.ts';
import { moduleFileProblem } from '../../util/module-file.ts';
import { createConsoleReporter } from './console.ts';
import { createGithubReporter } from './github.ts';
import { createHtmlReporter } from './html.ts';
import { createJsonReporter } from './json.ts';
import { createJunitReporter } from './junit.ts';
import { createMarkdownReporter } from './markdown.ts';
import { createPrometheusReporter } from './prometheus.ts';
import type { Reporter, ReporterContext } from './types.ts';

/** The built-in reporters by name; a new one is one line here. */
export const builtinReporters = {
  console: createConsoleReporter,
  json: createJsonReporter,
  markdown: createMarkdownReporter,
  junit: createJunitReporter,
  github: createGithubReporter,
  html: createHtmlReporter,
  prometheus: createPrometheusReporter,
} as const;

export type BuiltinReporterName = keyof typeof builtinReporters;
export type BuiltinReporterOptions = {
  [Name in BuiltinReporterName]: Parameters<(typeof builtinReporters)[Name]>[0];
};

/**
 * How a config names a reporter: a built-in name, `[name, options]`, a path to a module that
 * default-exports a reporter (or a factory taking `(options, ctx)`), `[path, options]`, or an instance.
 */
export type ReporterSpec =
  | BuiltinReporterName
  | { [Name in BuiltinReporterName]: readonly [Name, BuiltinReporterOptions[Name]] }[BuiltinReporterName]
  | string
  | readonly [string, Record<string, unknown>]
  | Reporter;

export const BUILTIN_REPORTER_NAMES = Object.keys(builtinReporters) as BuiltinReporterName[];

export function isBuiltinReporterName(name: string): name is BuiltinReporterName {
  return Object.hasOwn(builtinReporters, name);
}

/**
 * Creates every reporter up front, so a bad name or output path fails before any scenario runs.
 * `origin(i)` says where spec i came from (`--reporter junit:x.xml`, `faultline.config.json at
 * reporters[0]`); an error about that spec starts with it, so the user knows what to fix.
 */
export async function createReporters(
  specs: readonly ReporterSpec[],
  ctx: ReporterContext,
  baseDir: string = process.cwd(),
  origin?: (index: number) => string,
): Promise<Reporter[]> {
  const reporters: Reporter[] = [];
  for (const [index, spec] of specs.entries()) {
    try {
      reporters.push(await createReporter(spec, ctx, baseDir));
    } catch (error) {
      if (!origin || !isFaultlineError(error)) throw error;
      throw new FaultlineError(error.code, `${origin(index)}: ${error.message}`, error.exitCode, {
        cause: error,
      });
    }
  }
  return reporters;
}

async function createReporter(spec: ReporterSpec, ctx: ReporterContext, baseDir: string): Promise<Reporter> {
  if (typeof spec === 'object' && !Array.isArray(spec)) return spec as Reporter;
  const [name, options] = typeof spec === 'string' ? [spec, {}] : (spec as readonly [string, object]);
  if (isBuiltinReporterName(name)) {
    const factory = builtinReporters[name] as (options: object, ctx: ReporterContext) => Reporter;
    return factory(options ?? {}, ctx);
  }
  if (looksLikePath(name)) return loadReporterModule(resolve(baseDir, name), options ?? {}, ctx);
  const hint = didYouMean(name, BUILTIN_REPORTER_NAMES);
  throw new FaultlineError(
    'REPORTER_UNKNOWN',
    `Unknown reporter "${name}"${hint ? ` (did you mean "${hint}"?)` : ''}. Use one of ${BUILTIN_REPORTER_NAMES.join(', ')}, or a path to a reporter module.`,
  );
}

const looksLikePath = (name: string) =>
  name.startsWith('.') || isAbsolute(name) || /\.(ts|mts|js|mjs)$/.test(name);

async function loadReporterModule(file: string, options: object, ctx: ReporterContext): Promise<Reporter> {
  const problem = await moduleFileProblem(file);
  if (problem) throw new FaultlineError('MODULE_NOT_FILE', `Reporter ${file} ${problem}.`);
  let exported: unknown;
  try {
    exported = await importDefault(file);
  } catch (error) {
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    throw new FaultlineError('REPORTER_LOAD_FAILED', `Failed to load reporter ${file}: ${reason}`, 2, {
      cause: error,
    });
  }
  const reporter =
    typeof exported === 'function'
      ? (exported as (o: object, c: ReporterContext) => unknown)(options, ctx)
      : exported;
  if (!reporter || typeof reporter !== 'object') {
    throw new FaultlineError(
      'REPORTER_INVALID',
      `Reporter ${file} must default-export a reporter object (hooks such as onScenarioEnd) or a function returning one.`,
    );
  }
  return reporter as Reporter;
}

/** Calls a hook on every reporter in order, waiting for each, so their output never interleaves. */
export async function broadcast<Hook extends Exclude<keyof Reporter, 'onScenarioProgress'>>(
  reporters: readonly Reporter[],
  hook: Hook,
  ...args: Parameters<NonNullable<Reporter[Hook]>>
): Promise<void> {
  for (const reporter of reporters) {
    const fn = reporter[hook] as ((...a: typeof args) => void | Promise<void>) | undefined;
    await fn?.apply(reporter, args);
  }
}

export type {
  Reporter,
  ReporterContext,
  RunStart,
  RunSummary,
  ScenarioOutcome,
  ScenarioPlan,
  TextSink,
} from './types.ts';
