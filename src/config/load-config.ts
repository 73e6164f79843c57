import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, extname, join, resolve } from 'node:path';
import { FaultlineError } from '../errors/faultline-error.ts';
import type { ReporterSpec } from '../report/reporters/index.ts';
import { importDefault } from '../util/import-user-module.ts';
import { CODE_EXTENSIONS, moduleFileProblem } from '../util/module-file.ts';

const CONFIG_EXTENSIONS: ReadonlySet<string> = new Set([...CODE_EXTENSIONS, '.json']);

import { configSchema } from './config-schema.ts';

/** Looked for in this order in the working directory. */
export const CONFIG_FILE_NAMES = [
  'faultline.config.ts',
  'faultline.config.mts',
  'faultline.config.js',
  'faultline.config.mjs',
  'faultline.config.json',
];

/** A config with its paths made absolute (relative paths in a config are relative to the config file). */
export interface LoadedConfig {
  readonly file?: string;
  /** Folder that relative paths in the config are resolved against. */
  readonly baseDir: string;
  readonly scenarios?: readonly string[];
  readonly outDir?: string;
  readonly reporters?: readonly ReporterSpec[];
  readonly seed?: number;
  readonly durationMs?: number;
  readonly realTime?: boolean;
  readonly bail?: boolean;
  readonly allowInsecureHttp?: boolean;
  readonly workers?: number;
  readonly proxyAllow?: readonly string[];
}

export function findConfigFile(cwd: string): string | undefined {
  return CONFIG_FILE_NAMES.map((name) => join(cwd, name)).find((file) => existsSync(file));
}

/** Loads `explicit` (from --config), else the config found in `cwd`, else an empty config. */
export async function loadConfig(cwd: string, explicit?: string): Promise<LoadedConfig> {
  const file = explicit === undefined ? findConfigFile(cwd) : resolve(cwd, explicit);
  if (file === undefined) return { baseDir: cwd };
  if (!existsSync(file)) {
    throw new FaultlineError(
      'CONFIG_NOT_FOUND',
      `Config file ${file} does not exist; check the --config path.`,
    );
  }
  const raw = await readConfigValue(file, explicit === undefined ? 'Config' : '--config');
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.map(String).join('.') || '(root)';
    const detail =
      issue?.code === 'unrecognized_keys'
        ? `unknown key "${issue.keys[0]}"; allowed: ${Object.keys(configSchema.shape).join(', ')}`
        : issue?.code === 'too_big'
          ? `must be at most ${String(issue.maximum)} (${issue.message})`
          : (issue?.message ?? 'invalid');
    throw new FaultlineError('CONFIG_INVALID', `${file} at ${path}: ${detail}; fix the config file.`);
  }
  const { duration, ...rest } = parsed.data;
  return {
    ...rest,
    file,
    baseDir: dirname(file),
    ...(duration !== undefined && { durationMs: duration }),
    ...(rest.reporters !== undefined && { reporters: rest.reporters as ReporterSpec[] }),
  };
}

/** `origin` names where the path came from: `--config`, or `Config` for the file found in the folder. */
async function readConfigValue(file: string, origin: string): Promise<unknown> {
  const problem = await moduleFileProblem(file, CONFIG_EXTENSIONS);
  if (problem) throw new FaultlineError('MODULE_NOT_FILE', `${origin} ${file} ${problem}.`);
  if (extname(file) === '.json') {
    const text = await readFile(file, 'utf8');
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new FaultlineError('CONFIG_INVALID', `${file}: ${(error as Error).message}; fix the JSON.`);
    }
  }
  try {
    return await importDefault(file);
  } catch (error) {
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    throw new FaultlineError('CONFIG_LOAD_FAILED', `Failed to load config ${file}: ${reason}`, 2, {
      cause: error,
    });
  }
}
