import type { Scenario } from './schema.ts';

export interface RealApi {
  readonly url: string;
  /** Name of the environment variable holding the API key (never the key itself). */
  readonly apiKeyEnv?: string;
}

/**
 * `--real-backend --api-url URL`: every in-process `mock-analysis` backend becomes the `http` plugin
 * calling the real argument-analysis API, and the run moves to the real clock. Faults and policies stay
 * as the scenario says, so the same chaos now acts in front of the real API.
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
  return { ...scenario, backends, mode: 'real-time' };
}
