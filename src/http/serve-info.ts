import type { FaultStatus } from './fault-controller.ts';

/** Where `faultline serve` says what it is and which phases it serves; reading it starts no timeline. */
export const SERVE_INFO_PATH = '/faultline/serve';
/** POST here starts (or restarts) the phase timeline now, for a run that wants time 0 before its first request. */
export const SERVE_START_PATH = '/faultline/start';

export interface ServeInfo {
  readonly server: 'faultline serve';
  readonly phases: readonly string[];
  readonly mode: FaultStatus['mode'];
}

export function serveInfo(status: FaultStatus): ServeInfo {
  return { server: 'faultline serve', phases: status.phases, mode: status.mode };
}

/**
 * The phases a real API serves itself, when it is a `faultline serve` with a scenario; undefined for
 * any other API (or one that does not answer in time), whose faults the client must then apply.
 */
export async function servedPhases(
  baseUrl: string,
  timeoutMs = 2_000,
): Promise<readonly string[] | undefined> {
  try {
    const response = await fetch(new URL(SERVE_INFO_PATH, baseUrl), {
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) {
      await response.body?.cancel();
      return undefined;
    }
    const info = (await response.json()) as Partial<ServeInfo>;
    const phases = info.server === 'faultline serve' && Array.isArray(info.phases) ? info.phases : [];
    return phases.length > 0 ? phases.filter((name): name is string => typeof name === 'string') : undefined;
  } catch {
    return undefined;
  }
}
