/** faultline/msw: a scenario's faults as msw 2.x handlers, for your own client in your own tests. */
import type { ChaosFaults } from '../chaos-source.ts';
import { type InstallChaosOptions, type InstalledChaos, installChaos } from '../install-chaos.ts';

export type { ChaosExchange, ChaosExchangeOptions } from '../chaos-exchange.ts';
export { createChaosExchange } from '../chaos-exchange.ts';
export type { ChaosFaults, FaultInput, PhaseInput } from '../chaos-source.ts';
export type { ChaosStats } from '../chaos-stats.ts';
export { defineClientBackend } from '../client/client-backend.ts';
export type { ClientContext, ClientFunction } from '../client/load-client.ts';
export { DEFAULT_BASE_URL, DEFAULT_ROUTES } from '../defaults.ts';
export type { InstallChaosOptions, InstalledChaos } from '../install-chaos.ts';
export type { InstallInterception, InterceptionTarget } from '../interception.ts';
export { createChaosHandlers } from './create-handlers.ts';
export { installMswInterception } from './install.ts';

/** Starts an msw server answering `baseUrl` under the faults; `uninstall()` when done. */
export function installMswChaos(faults: ChaosFaults, options?: InstallChaosOptions): Promise<InstalledChaos> {
  return installChaos('msw', faults, options);
}
