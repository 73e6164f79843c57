import { ScenarioError } from '../errors/faultline-error.ts';
import { describeVariant, type Variant, type VariantValue } from '../work/work-unit.ts';
import { type Scenario, scenarioSchema } from './schema.ts';
import { lookupPath } from './schema-paths.ts';
import { toScenarioError } from './validation-error.ts';

/**
 * The scenario with a sweep variant's fields set, then validated again by the scenario schema, so a
 * value is read exactly as the same value written in the file would be (durations, bounds, cross-field
 * rules) and a bad one fails with one line naming the path and the variant. `off` on a block
 * (`policies.cache=off`) removes it; `on` keeps the scenario's own (which must be there).
 */
export function applyVariant(scenario: Scenario, variant: Variant, file: string): Scenario {
  const paths = Object.keys(variant);
  if (paths.length === 0) return scenario;
  const shown = describeVariant(variant);
  const draft = structuredClone(scenario) as unknown as Record<string, unknown>;
  for (const path of paths.sort()) {
    const lookup = lookupPath(scenarioSchema, path);
    if (!lookup.found)
      throw new ScenarioError('SWEEP_UNKNOWN_PATH', file, `variant ${shown}: ${lookup.problem}`);
    setPath(draft, path, variant[path] as VariantValue, lookup.block, (problem) => {
      throw new ScenarioError('SCENARIO_INVALID', file, `variant ${shown}: ${problem}`, { path });
    });
  }
  const parsed = scenarioSchema.safeParse(draft);
  if (!parsed.success) {
    // The file's own one-line message (field, bound, what to do), prefixed by the variant that caused it.
    const error = toScenarioError(parsed.error, { file, data: draft, positionOf: () => undefined });
    throw new ScenarioError(error.code, file, `variant ${shown}: ${error.problem}`, error.where);
  }
  return parsed.data;
}

function setPath(
  root: Record<string, unknown>,
  path: string,
  value: VariantValue,
  block: boolean,
  fail: (problem: string) => never,
): void {
  const segments = path.split('.');
  const last = segments.pop() as string;
  let node: Record<string, unknown> = root;
  for (const segment of segments) {
    const next = node[segment];
    if (next === undefined) node[segment] = {};
    else if (typeof next !== 'object' || next === null) fail(`${segment} is not an object in this scenario`);
    node = node[segment] as Record<string, unknown>;
  }
  if (block && (value === 'on' || value === 'off')) {
    if (value === 'off') delete node[last];
    else if (node[last] === undefined)
      fail(`${path}=on needs the scenario to configure ${path}; write it in the file and sweep on,off`);
    return;
  }
  node[last] = value;
}
