import type { Scenario, Topology } from '../scenario/schema.ts';

/**
 * The backend the stack's own policies guard and the whole-run breaker figures follow: the single
 * backend (named, else the first declared), or the first one a failover or fan-out tries.
 */
export function primaryBackend(scenario: Pick<Scenario, 'name' | 'topology' | 'backends'>): string {
  const name = primaryOf(scenario.topology, Object.keys(scenario.backends));
  if (!name) throw new Error(`scenario ${scenario.name} has no backend`);
  return name;
}

/** The same rule over a topology and the declared backend names, in order. */
export function primaryOf(topology: Topology, backendNames: readonly string[]): string | undefined {
  switch (topology.type) {
    case 'single':
      return topology.backend ?? backendNames[0];
    case 'failover':
      return topology.order[0];
    case 'fan-out':
      return topology.backends[0];
  }
}
