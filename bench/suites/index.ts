import type { Suite } from '../lib/types.ts';

/**
 * The suites by name, in the order a full run takes them. Each loads on demand: the CLI lists the names
 * without importing msw, nock or cockatiel's rivals. Interception comes last because its runner rows
 * switch on AsyncLocalStorage, which slows every promise in the process afterwards (Node 20).
 */
export const SUITES = {
  'cached-vs-uncached': async () => (await import('./cached-vs-uncached.ts')).cachedVsUncachedSuite,
  'policy-overhead': async () => (await import('./policy-overhead.ts')).policyOverheadSuite,
  'cache-hit': async () => (await import('./cache-hit.ts')).cacheHitSuite,
  'simulation-speed': async () => (await import('./simulation-speed.ts')).simulationSpeedSuite,
  'start-up': async () => (await import('./start-up.ts')).startUpSuite,
  protocols: async () => (await import('./protocols.ts')).protocolsSuite,
  interception: async () => (await import('./interception.ts')).interceptionSuite,
} as const satisfies Record<string, () => Promise<Suite>>;

export type SuiteName = keyof typeof SUITES;
export const SUITE_NAMES = Object.keys(SUITES) as SuiteName[];

export function isSuiteName(name: string): name is SuiteName {
  return Object.hasOwn(SUITES, name);
}
