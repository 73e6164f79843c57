import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BackendRequest } from '../../backend/contract.ts';
import { PluginError } from '../../errors/faultline-error.ts';
import { importUserModule } from '../../util/import-user-module.ts';
import { moduleFileProblem } from '../../util/module-file.ts';

/** What the user's client gets besides the request: cancellation and where to send it. */
export interface ClientContext {
  /** Aborts when the runner gives up on the call (a policy timeout): pass it to fetch, axios or got. */
  readonly signal: AbortSignal;
  /** The intercepted base URL the client must call. */
  readonly baseUrl: string;
}

/** A user's client: sends the request its own way and resolves with the parsed result, or throws. */
export type ClientFunction = (request: BackendRequest, ctx: ClientContext) => Promise<unknown>;

/**
 * Imports the user's client module (relative to the scenario's folder) and picks the client function:
 * the named export, else the default export, else the module's only exported function.
 */
export async function loadClient(
  file: string,
  baseDir: string,
  exportName?: string,
): Promise<ClientFunction> {
  const path = resolve(baseDir, file);
  if (!existsSync(path)) {
    throw new PluginError(
      'CLIENT_NOT_FOUND',
      `Client module ${path} does not exist: \`client:\` is relative to the scenario file.`,
    );
  }
  const problem = await moduleFileProblem(path);
  if (problem) throw new PluginError('MODULE_NOT_FILE', `Client module ${path} ${problem}.`);
  let module: Record<string, unknown>;
  try {
    module = await importUserModule(path);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new PluginError('CLIENT_LOAD_FAILED', `Failed to load client module ${path}: ${reason}`, 2, {
      cause: error,
    });
  }
  const chosen = pickClient(module, exportName);
  if (!chosen) {
    throw new PluginError(
      'CLIENT_INVALID',
      `Client module ${path} has no ${exportName ? `function export "${exportName}"` : 'default export function'}: export (request, { signal, baseUrl }) => Promise<result>${exportName ? '' : ', or name it with `export:`'}.`,
    );
  }
  return chosen;
}

function pickClient(
  module: Record<string, unknown>,
  exportName: string | undefined,
): ClientFunction | undefined {
  const isFunction = (value: unknown): value is ClientFunction => typeof value === 'function';
  if (exportName !== undefined) return isFunction(module[exportName]) ? module[exportName] : undefined;
  if (isFunction(module.default)) return module.default;
  const functions = Object.values(module).filter(isFunction);
  return functions.length === 1 ? functions[0] : undefined;
}
