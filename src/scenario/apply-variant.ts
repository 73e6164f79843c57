import { ScenarioError } from '../errors/faultline-error.ts';
import type { Variant } from '../work/work-unit.ts';
import type { Scenario } from './schema.ts';

/**
 * The scenario with a sweep variant's fields set. Placeholder until the sweep lands: a plain run's
 * empty variant passes through, anything else is refused rather than silently ignored.
 */
export function applyVariant(scenario: Scenario, variant: Variant, file: string): Scenario {
  if (Object.keys(variant).length === 0) return scenario;
  throw new ScenarioError('SCENARIO_INVALID', file, 'variants are not supported yet');
}
