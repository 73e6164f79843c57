import { pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';

/**
 * Imports a user's TypeScript or JavaScript file (config, scenario, plugin, reporter) and returns its
 * default export. A plain `import()` comes first, so the file shares faultline's module instances
 * (process-wide state such as registered secrets). In a project without `"type": "module"`, tsx loads
 * a `.ts` file as CommonJS and Node refuses it (ERR_REQUIRE_CYCLE_MODULE); tsx's `tsImport` then loads
 * it as an ES module, in its own module namespace. A module compiled to CommonJS arrives as
 * `{ default: { __esModule, default } }`, which is unwrapped.
 */
export async function importDefault(file: string): Promise<unknown> {
  const url = pathToFileURL(file).href;
  let mod: { default?: unknown };
  try {
    mod = (await import(url)) as { default?: unknown };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_REQUIRE_CYCLE_MODULE') throw error;
    mod = (await tsImport(url, import.meta.url)) as { default?: unknown };
  }
  const compiled = mod.default as { __esModule?: unknown; default?: unknown } | undefined;
  return compiled && typeof compiled === 'object' && compiled.__esModule === true
    ? compiled.default
    : mod.default;
}
