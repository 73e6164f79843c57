import type { Backend, FaultHooks, PluginContext } from '../backend/contract.ts';
import { loadBackendPlugin } from '../backend/registry.ts';
import { ScenarioError } from '../errors/faultline-error.ts';
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
      backends.set(name, await plugin.create(parsed.data, pluginCtx));
    }
    return backends;
  } catch (error) {
    await closeBackends(backends);
    throw error;
  }
}

export async function closeBackends(backends: Map<string, Backend>): Promise<void> {
  await Promise.allSettled([...backends.values()].map((backend) => backend.close?.()));
}
