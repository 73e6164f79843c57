import { ScenarioError } from '../errors/faultline-error.ts';
import { formatPath, type ScenarioSource } from './yaml-source.ts';

const REFERENCE = /\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}/g;

/**
 * Replaces `${env:NAME}` in every string with the variable's value, so secrets live in the environment
 * and never in the file. A missing variable is an error that names it (never a value).
 */
export function resolveEnvReferences(
  value: unknown,
  source: ScenarioSource,
  env: NodeJS.ProcessEnv = process.env,
  path: PropertyKey[] = [],
): unknown {
  if (typeof value === 'string') {
    return value.replace(REFERENCE, (_match, name: string) => {
      const found = env[name];
      if (found === undefined) {
        throw new ScenarioError(
          'SCENARIO_ENV_MISSING',
          source.file,
          `environment variable ${name} is not set; export it before running`,
          { ...source.positionOf(path), path: formatPath(path) },
        );
      }
      return found;
    });
  }
  if (Array.isArray(value))
    return value.map((item, i) => resolveEnvReferences(item, source, env, [...path, i]));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value))
      out[key] = resolveEnvReferences(item, source, env, [...path, key]);
    return out;
  }
  return value;
}
