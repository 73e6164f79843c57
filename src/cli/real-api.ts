import { servedPhases } from '../http/serve-info.ts';
import type { RealApi } from '../scenario/point-at-real-api.ts';

/**
 * Asks the real API whether it serves the faults itself (a `faultline serve --scenario`). If it does,
 * the run applies only its client-side policies, so no fault fires twice; either way it says which.
 */
export async function withFaultsPlaced(api: RealApi, say: (line: string) => void): Promise<RealApi> {
  const shown = urlForDisplay(api.url);
  const phases = await servedPhases(api.url);
  if (phases) {
    say(
      `faults: served by faultline serve at ${shown} (phases ${phases.join(', ')}); this run applies only its client-side policies`,
    );
    return { ...api, servesFaults: true };
  }
  say(`faults: applied by this run, in front of ${shown}`);
  return api;
}

/** The URL as a result or a terminal may show it: credentials in it are dropped (keys travel in the environment). */
export function urlForDisplay(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.username && !parsed.password) return url;
    parsed.username = '';
    parsed.password = '';
    return parsed.toString();
  } catch {
    return url;
  }
}

/** The API as results and shard manifests record it: the URL without credentials, the key's variable name only. */
export function recordedApi(api: RealApi): { url: string; apiKeyEnv?: string } {
  return { url: urlForDisplay(api.url), ...(api.apiKeyEnv !== undefined && { apiKeyEnv: api.apiKeyEnv }) };
}
