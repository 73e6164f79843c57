import { readFile } from 'node:fs/promises';
import { ScenarioError } from '../errors/faultline-error.ts';
import { applyVariant } from '../scenario/apply-variant.ts';
import { loadScenarioFile } from '../scenario/load-scenario.ts';
import { pointAtRealApi } from '../scenario/point-at-real-api.ts';
import type { Scenario } from '../scenario/schema.ts';
import { sha256 } from '../util/sha256.ts';
import type { UnitSettings, WorkUnit } from './work-unit.ts';

/**
 * The scenario a unit runs: its file as planned (refused when the bytes have changed since, so every
 * worker and machine runs the same thing), pointed at the real API if asked, with its variant applied.
 */
export async function loadUnitScenario(unit: WorkUnit, settings: UnitSettings): Promise<Scenario> {
  const bytes = await readFile(unit.absolute);
  if (sha256(bytes) !== unit.scenarioSha256) {
    throw new ScenarioError(
      'SCENARIO_CHANGED',
      unit.file,
      'changed while the run was under way; run again so every unit runs the same file',
    );
  }
  const loaded = await loadScenarioFile(unit.absolute);
  const scenario = settings.realApi ? pointAtRealApi(loaded.scenario, settings.realApi) : loaded.scenario;
  return applyVariant(scenario, unit.variant, unit.file);
}
