import { isFaultlineError, type PluginError, ScenarioError } from '../errors/faultline-error.ts';
import type { ScenarioSource } from '../scenario/yaml-source.ts';

/**
 * Adds the line and column to a scenario error that only knew its field path (checks that run after
 * parsing, such as names that must exist), so every message points into the file.
 */
export function locateError(error: unknown, source: ScenarioSource | undefined): unknown {
  if (!(error instanceof ScenarioError) || !source || error.where.line || !error.where.path) return error;
  const position = source.positionOf(parseFieldPath(error.where.path));
  if (!position) return error;
  return new ScenarioError(
    error.code,
    error.file,
    error.problem,
    { ...position, path: error.where.path },
    { cause: error },
  );
}

/** A plugin that cannot be loaded, told as a problem of the scenario field that names it. */
export function pluginFieldError(
  error: unknown,
  file: string,
  backend: string,
  source: ScenarioSource | undefined,
): unknown {
  if (!isPluginError(error)) return error;
  const path = ['backends', backend, 'plugin'];
  const problem = error.message.charAt(0).toLowerCase() + error.message.slice(1);
  return new ScenarioError(
    error.code,
    file,
    problem,
    { ...source?.positionOf(path), path: path.join('.') },
    { cause: error },
  );
}

/** `phases[0].faults[1].target` → ['phases', 0, 'faults', 1, 'target']. */
export function parseFieldPath(path: string): (string | number)[] {
  const parts: (string | number)[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    parts.push(match[2] === undefined ? (match[1] as string) : Number(match[2]));
  }
  return parts;
}

/** A plugin's PluginError, also when the plugin was built against another copy of faultline. */
function isPluginError(error: unknown): error is PluginError {
  return isFaultlineError(error) && error.name === 'PluginError';
}
