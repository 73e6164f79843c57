import { existsSync, readdirSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { PluginError } from '../errors/faultline-error.ts';
import { importDefault } from '../util/import-user-module.ts';
import { installHint, missingPackage } from '../util/missing-package.ts';
import { moduleFileProblem } from '../util/module-file.ts';
import { moduleFile, PACKAGE_ROOT, RUNNING_FROM_SOURCE } from '../util/package-root.ts';
import type { BackendPlugin } from './contract.ts';

/** Where the built-in plugins live: `plugins/<name>/index.ts` beside `src/`, built to `dist/plugins/<name>/index.js`. */
export const BUILTIN_PLUGINS_DIR = join(PACKAGE_ROOT, RUNNING_FROM_SOURCE ? 'plugins' : 'dist/plugins');

const PLUGIN_ENTRY = moduleFile('index');

/** Built-in plugin names, found from the folder so a new plugin needs no registration. */
export function builtinPluginNames(): string[] {
  if (!existsSync(BUILTIN_PLUGINS_DIR)) return [];
  return readdirSync(BUILTIN_PLUGINS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(BUILTIN_PLUGINS_DIR, entry.name, PLUGIN_ENTRY)))
    .map((entry) => entry.name)
    .sort();
}

const looksLikePath = (ref: string) => ref.startsWith('.') || isAbsolute(ref) || /\.(ts|js|mjs)$/.test(ref);

/**
 * Loads a backend plugin by built-in name or by path (relative to `baseDir`), and checks its shape so a
 * broken plugin fails at load with a coded error instead of deep inside a run.
 */
export async function loadBackendPlugin(ref: string, baseDir: string): Promise<BackendPlugin> {
  const file = looksLikePath(ref) ? resolve(baseDir, ref) : join(BUILTIN_PLUGINS_DIR, ref, PLUGIN_ENTRY);
  if (!existsSync(file)) {
    const known = builtinPluginNames().join(', ');
    throw new PluginError(
      'PLUGIN_NOT_FOUND',
      looksLikePath(ref)
        ? `Backend plugin file ${file} does not exist. Check the path (it is relative to the scenario file).`
        : `Unknown backend plugin "${ref}". Use one of: ${known}, or a path to a plugin module.`,
    );
  }
  const problem = await moduleFileProblem(file);
  if (problem) throw new PluginError('MODULE_NOT_FILE', `Backend plugin file ${file} ${problem}.`);
  let exported: unknown;
  try {
    exported = await importDefault(file);
  } catch (error) {
    const absent = missingPackage(error);
    if (absent) {
      throw new PluginError('PEER_MISSING', installHint(`Backend plugin "${ref}"`, absent), 2, {
        cause: error,
      });
    }
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new PluginError('PLUGIN_LOAD_FAILED', `Failed to load backend plugin "${ref}": ${reason}`, 2, {
      cause: error,
    });
  }
  return checkPluginShape(exported, ref);
}

function checkPluginShape(candidate: unknown, ref: string): BackendPlugin {
  const plugin = candidate as Partial<BackendPlugin> | undefined;
  const problems: string[] = [];
  if (!plugin || typeof plugin !== 'object') problems.push('it has no default export');
  else {
    if (typeof plugin.name !== 'string' || !plugin.name) problems.push('`name` is missing');
    if (typeof plugin.create !== 'function') problems.push('`create` is not a function');
    if (!plugin.options || typeof (plugin.options as { safeParse?: unknown }).safeParse !== 'function')
      problems.push('`options` is not a zod schema');
  }
  if (problems.length > 0) {
    throw new PluginError(
      'PLUGIN_INVALID',
      `Backend plugin "${ref}" is not valid: ${problems.join('; ')}. Default-export defineBackend({ name, options, create }).`,
    );
  }
  return plugin as BackendPlugin;
}
