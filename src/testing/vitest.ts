/** faultline/vitest: chaos around each test of your own suite. */
export type { ChaosFaults, FaultInput, PhaseInput } from '../interceptors/chaos-source.ts';
export type { ChaosStats } from '../interceptors/chaos-stats.ts';
export type { ChaosHandle, UseChaosOptions } from './use-chaos.ts';
export { useChaos } from './use-chaos.ts';
