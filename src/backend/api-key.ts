import { z } from 'zod';
import type { ErrorCode } from '../errors/codes.ts';
import { PluginError } from '../errors/faultline-error.ts';
import { registerSecret } from '../logging/secrets.ts';
import { MAX_NAME_LENGTH } from '../scenario/limits.ts';

/** A plugin's `apiKeyEnv` option: the NAME of the environment variable holding the key, never the key. */
export const apiKeyEnvSchema = z
  .string()
  .max(MAX_NAME_LENGTH, `must be at most ${MAX_NAME_LENGTH} characters (MAX_NAME_LENGTH)`)
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name such as ANALYSIS_API_KEY');

/**
 * The API key from the variable `apiKeyEnv` names, registered as a secret so no log, report or error shows
 * it; a one-line PluginError (with the plugin's own code) when the variable is unset or empty.
 */
export function apiKeyFromEnv(plugin: string, envName: string, code: ErrorCode): string {
  const key = process.env[envName];
  if (!key) {
    throw new PluginError(
      code,
      `${plugin} plugin: environment variable ${envName} (named by apiKeyEnv) is not set or empty; export the API key in it before running.`,
    );
  }
  registerSecret(key);
  return key;
}

/** Where a plugin sends the key: `authorization: Bearer <key>` (the default) or `x-api-key: <key>`. */
export const apiKeyHeaderSchema = z.enum(['authorization', 'x-api-key']).default('authorization');
export type ApiKeyHeader = z.output<typeof apiKeyHeaderSchema>;

/**
 * The header (or gRPC metadata entry) carrying the key from the variable `envName`, through
 * apiKeyFromEnv; none when the plugin names no variable.
 */
export function apiKeyHeaders(
  plugin: string,
  envName: string | undefined,
  header: ApiKeyHeader,
  code: ErrorCode,
): Record<string, string> {
  if (envName === undefined) return {};
  const key = apiKeyFromEnv(plugin, envName, code);
  return header === 'authorization' ? { authorization: `Bearer ${key}` } : { 'x-api-key': key };
}
