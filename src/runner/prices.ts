import type { Price } from '../metrics/cost.ts';
import type { Scenario } from '../scenario/schema.ts';

/** The priced backends of a scenario, by name. */
export function pricesOf(scenario: Scenario): Map<string, Price> {
  const prices = new Map<string, Price>();
  for (const [name, ref] of Object.entries(scenario.backends)) if (ref.cost) prices.set(name, ref.cost);
  return prices;
}
