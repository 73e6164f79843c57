import { pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';

/**
 * Imports a user's TypeScript or JavaScript file (config, scenario, reporter) and returns its default
 * export. Goes through tsx's `tsImport` so a `.ts` file loads as an ES module even in a project without
 * `"type": "module"`, where a plain `import()` fails with a require(esm) cycle error; a module compiled
 * to CommonJS arrives as `{ default: { __esModule, default } }`, which is unwrapped here.
 */
export async function importDefault(file: string): Promise<unknown> {
  const mod = (await tsImport(pathToFileURL(file).href, import.meta.url)) as { default?: unknown };
  const value = mod.default;
  const compiled = value as { __esModule?: unknown; default?: unknown } | undefined;
  return compiled && typeof compiled === 'object' && compiled.__esModule === true ? compiled.default : value;
}
