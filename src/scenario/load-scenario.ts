import { readFile, stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { ScenarioError } from '../errors/faultline-error.ts';
import { importDefault } from '../util/import-user-module.ts';
import { resolveEnvReferences } from './env-references.ts';
import { type Scenario, scenarioSchema } from './schema.ts';
import { toScenarioError } from './validation-error.ts';
import { MAX_SCENARIO_BYTES, parseScenarioText, type ScenarioSource } from './yaml-source.ts';

export interface LoadedScenario {
  readonly scenario: Scenario;
  /** Absolute path of the file it came from. */
  readonly file: string;
}

const DATA_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);
const CODE_EXTENSIONS = new Set(['.ts', '.mts', '.js', '.mjs']);

/** Reads, parses and validates a scenario file; every failure is a one-line ScenarioError. */
export async function loadScenarioFile(
  path: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<LoadedScenario> {
  const file = resolve(path);
  const ext = extname(file).toLowerCase();
  await checkReadable(path, file);
  if (CODE_EXTENSIONS.has(ext)) return { scenario: await loadCodeScenario(path, file), file };
  if (!DATA_EXTENSIONS.has(ext)) {
    throw new ScenarioError(
      'SCENARIO_EXTENSION',
      path,
      `unsupported file type "${ext || 'none'}"; use .yaml, .yml, .json or .ts`,
    );
  }
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new ScenarioError(
      'SCENARIO_UNREADABLE',
      path,
      `cannot be read (${error.code ?? 'unknown error'}); check permissions`,
    );
  });
  return { scenario: parseScenario(path, text, env), file };
}

/** Parses and validates scenario text (YAML or JSON); `file` is used in messages only. */
export function parseScenario(file: string, text: string, env: NodeJS.ProcessEnv = process.env): Scenario {
  const source = parseScenarioText(file, text);
  if (!source.data || typeof source.data !== 'object' || Array.isArray(source.data)) {
    throw new ScenarioError(
      'SCENARIO_NOT_MAPPING',
      file,
      'a scenario must be a mapping with at least name and workload',
    );
  }
  return validateScenario(resolveEnvReferences(source.data, source, env), source);
}

export function validateScenario(data: unknown, source: ScenarioSource): Scenario {
  const parsed = scenarioSchema.safeParse(data);
  if (!parsed.success) throw toScenarioError(parsed.error, source);
  return parsed.data;
}

async function checkReadable(shown: string, file: string): Promise<void> {
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile())
      throw new ScenarioError('SCENARIO_NOT_FILE', shown, 'is not a file; pass a scenario file or a glob');
    size = info.size;
  } catch (error) {
    if (error instanceof ScenarioError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new ScenarioError('SCENARIO_NOT_FOUND', shown, 'file not found; check the path');
    if (code === 'EACCES')
      throw new ScenarioError('SCENARIO_UNREADABLE', shown, 'permission denied; check the file mode');
    throw new ScenarioError('SCENARIO_UNREADABLE', shown, `cannot be read (${code ?? 'unknown error'})`);
  }
  if (size > MAX_SCENARIO_BYTES) {
    throw new ScenarioError(
      'SCENARIO_TOO_LARGE',
      shown,
      `is ${size} bytes, over the ${MAX_SCENARIO_BYTES}-byte limit for scenario files; split it or trim it`,
    );
  }
}

/** Scenarios written in TypeScript default-export `defineScenario({...})`; validated like YAML ones. */
async function loadCodeScenario(shown: string, file: string): Promise<Scenario> {
  let exported: unknown;
  try {
    exported = await importDefault(file);
  } catch (error) {
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    throw new ScenarioError('SCENARIO_LOAD_FAILED', shown, `failed to load: ${reason}`, {}, { cause: error });
  }
  const source: ScenarioSource = { file: shown, data: exported, positionOf: () => undefined };
  return validateScenario(exported, source);
}
