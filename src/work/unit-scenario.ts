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
  const loaded = await parsedOnce(unit);
  const scenario = settings.realApi ? pointAtRealApi(loaded, settings.realApi) : loaded;
  return applyVariant(scenario, unit.variant, unit.file);
}

/**
 * The last file parsed, by path and bytes: a sweep runs one file hundreds of times, and parsing it is a
 * sixth of a short run's time. The bytes were just checked, so the same hash means the same scenario;
 * nothing downstream mutates it (applyVariant works on a copy).
 */
let lastParsed: { key: string; scenario: Promise<Scenario> } | undefined;

function parsedOnce(unit: WorkUnit): Promise<Scenario> {
  const key = `${unit.scenarioSha256} ${unit.absolute}`;
  if (lastParsed?.key !== key) {
    const scenario = loadScenarioFile(unit.absolute).then((loaded) => loaded.scenario);
    // A failed parse is not kept: the next unit tries again and reports the same error.
    scenario.catch(() => {
      if (lastParsed?.key === key) lastParsed = undefined;
    });
    lastParsed = { key, scenario };
  }
  return lastParsed.scenario;
}
