import type { Scenario } from './schema.ts';

export interface RealApi {
  readonly url: string;
  /** Name of the environment variable holding the API key (never the key itself). */
  readonly apiKeyEnv?: string;
  /** The API injects the scenario's faults itself (a `faultline serve --scenario`): the client must not. */
  readonly servesFaults?: boolean;
}

/**
 * `--real-backend --api-url URL`: every in-process `mock-analysis` backend becomes the `http` plugin
 * calling the real argument-analysis API, and the run moves to the real clock. Policies stay as the
 * scenario says; so do the faults, now in front of the real API, unless that API serves them itself.
 */
export function pointAtRealApi(scenario: Scenario, api: RealApi): Scenario {
  const backends = Object.fromEntries(
    Object.entries(scenario.backends).map(([name, ref]) => [
      name,
      ref.plugin === 'mock-analysis'
        ? {
            plugin: 'http',
            options: { url: api.url, api: 'analysis', ...(api.apiKeyEnv && { apiKeyEnv: api.apiKeyEnv }) },
          }
        : ref,
    ]),
  );
  // Phases keep their windows (per-phase figures) but, when the other side serves them, not their faults.
  const phases = api.servesFaults
    ? scenario.phases.map((phase) => ({ ...phase, faults: [] }))
    : scenario.phases;
  return { ...scenario, backends, phases, mode: 'real-time' };
}
