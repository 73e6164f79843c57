import type { Backend, FaultHooks, PluginContext } from '../backend/contract.ts';
import { loadBackendPlugin } from '../backend/registry.ts';
import { isFaultlineError, ScenarioError } from '../errors/faultline-error.ts';
import type { Scenario } from '../scenario/schema.ts';

/** Loads every backend the scenario names and validates its options against the plugin's own schema. */
export async function openBackends(
  scenario: Scenario,
  file: string,
  ctx: PluginContext,
  faultHooks?: (backendName: string) => FaultHooks,
): Promise<Map<string, Backend>> {
  const backends = new Map<string, Backend>();
  try {
    for (const [name, ref] of Object.entries(scenario.backends)) {
      const plugin = await loadBackendPlugin(ref.plugin, ctx.baseDir);
      const parsed = plugin.options.safeParse(ref.options);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const path = ['backends', name, 'options', ...(issue?.path ?? [])].map(String).join('.');
        throw new ScenarioError(
          'PLUGIN_OPTIONS_INVALID',
          file,
          `${issue?.message ?? 'invalid options'} for plugin "${plugin.name}"; see its options schema`,
          { path },
        );
      }
      const pluginCtx = {
        ...ctx,
        rng: ctx.rng.fork(`backend:${name}`),
        backendName: name,
        faultHooks: faultHooks?.(name),
      };
      try {
        backends.set(name, await plugin.create(parsed.data, pluginCtx));
      } catch (error) {
        throw optionsFieldError(error, file, name);
      }
    }
    return backends;
  } catch (error) {
    await closeBackends(backends);
    throw error;
  }
}

/** A plugin's own failure while opening (a client module that cannot load) told at the field that caused it. */
function optionsFieldError(error: unknown, file: string, backend: string): unknown {
  if (!isFaultlineError(error) || error instanceof ScenarioError) return error;
  const field =
    error.code.startsWith('CLIENT_') || error.message.startsWith('Client module') ? '.client' : '';
  const problem = error.message.charAt(0).toLowerCase() + error.message.slice(1);
  return new ScenarioError(
    error.code,
    file,
    problem,
    { path: `backends.${backend}.options${field}` },
    { cause: error },
  );
}

export async function closeBackends(backends: Map<string, Backend>): Promise<void> {
  await Promise.allSettled([...backends.values()].map((backend) => backend.close?.()));
}
