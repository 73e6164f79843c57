/** faultline/nock: a scenario's faults as nock 14 interceptors, for clients msw cannot serve well. */
import type { ChaosFaults } from '../chaos-source.ts';
import { type InstallChaosOptions, type InstalledChaos, installChaos } from '../install-chaos.ts';

export type { ChaosFaults, FaultInput, PhaseInput } from '../chaos-source.ts';
export type { ChaosStats } from '../chaos-stats.ts';
export { defineClientBackend } from '../client/client-backend.ts';
export type { ClientContext, ClientFunction } from '../client/load-client.ts';
export { DEFAULT_BASE_URL, DEFAULT_ROUTES } from '../defaults.ts';
export type { InstallChaosOptions, InstalledChaos } from '../install-chaos.ts';
export type { InstallInterception, InterceptionTarget } from '../interception.ts';
export { installNockInterception } from './install.ts';

/**
 * Turns nock on with interceptors answering `baseUrl` under the faults (and real connections refused);
 * `uninstall()` removes them and switches nock off again. Never together with msw in one process.
 */
export function installNockChaos(
  faults: ChaosFaults,
  options?: InstallChaosOptions,
): Promise<InstalledChaos> {
  return installChaos('nock', faults, options);
}
