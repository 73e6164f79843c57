import type { Backend, PluginContext } from '../backend/contract.ts';
import { loadBackendPlugin } from '../backend/registry.ts';
import { PluginError } from '../errors/faultline-error.ts';
import type { BackendRef } from '../scenario/schema.ts';
import { INTERCEPTING_PLUGINS } from './chaos-source.ts';

/** Opens the backend that answers behind an interception, checking its options against the plugin's schema. */
export async function openBackendRef(ref: BackendRef, ctx: PluginContext): Promise<Backend> {
  const plugin = await loadBackendPlugin(ref.plugin, ctx.baseDir);
  if (INTERCEPTING_PLUGINS.has(plugin.name)) throw intercepts(plugin.name);
  const parsed = plugin.options.safeParse(ref.options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at backend.options.${issue.path.map(String).join('.')}` : '';
    throw new PluginError(
      'PLUGIN_OPTIONS_INVALID',
      `Invalid options for the backend behind the interception ("${plugin.name}")${where}: ${issue?.message ?? 'invalid'}.`,
    );
  }
  const backend = await plugin.create(parsed.data, ctx);
  if (backend.injectsFaults) {
    await backend.close?.();
    throw intercepts(plugin.name);
  }
  return backend;
}

const intercepts = (name: string) =>
  new PluginError(
    'BACKEND_INTERCEPTS',
    `"${name}" intercepts requests itself and cannot answer behind an interception: use mock-analysis, http or your own plugin as backend.`,
  );
