import { pathToFileURL } from 'node:url';
import { RUNNING_FROM_SOURCE } from './package-root.ts';

/** Files only a TypeScript loader can import. */
const TYPESCRIPT_FILE = /\.[cm]?tsx?$/;

let typeScriptLoader: Promise<void> | undefined;

/**
 * Registers tsx once, the first time a user's .ts file is imported, so plain-JS runs never load it. Both
 * hooks: a .ts file with no `"type": "module"` above it (a client outside any project) loads as CommonJS.
 */
function ensureTypeScriptLoader(): Promise<void> {
  typeScriptLoader ??= Promise.all([import('tsx/esm/api'), import('tsx/cjs/api')]).then(([esm, cjs]) => {
    esm.register();
    cjs.register();
  });
  return typeScriptLoader;
}

/**
 * Imports a user's TypeScript or JavaScript module (config, scenario, plugin, reporter, client) from
 * wherever it lives and returns its namespace. A plain `import()` comes first, so the file shares
 * faultline's module instances (process-wide state such as registered secrets). In a project without
 * `"type": "module"`, tsx loads a `.ts` file as CommonJS and Node refuses it (ERR_REQUIRE_CYCLE_MODULE);
 * tsx's `tsImport` then loads it as an ES module, in its own module namespace.
 */
export async function importUserModule(file: string): Promise<Record<string, unknown>> {
  const url = pathToFileURL(file).href;
  // From our own sources a TypeScript loader is already in place.
  if (TYPESCRIPT_FILE.test(file) && !RUNNING_FROM_SOURCE) await ensureTypeScriptLoader();
  let mod: Record<string, unknown>;
  try {
    mod = (await import(url)) as Record<string, unknown>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_REQUIRE_CYCLE_MODULE') throw error;
    const { tsImport } = await import('tsx/esm/api');
    mod = (await tsImport(url, import.meta.url)) as Record<string, unknown>;
  }
  // A module compiled to CommonJS arrives as `{ default: { __esModule, default, ...named } }`.
  const compiled = mod.default as { __esModule?: unknown } | undefined;
  return compiled && typeof compiled === 'object' && compiled.__esModule === true
    ? (compiled as Record<string, unknown>)
    : mod;
}

/** The default export of a user's module (see importUserModule). */
export async function importDefault(file: string): Promise<unknown> {
  return (await importUserModule(file)).default;
}
