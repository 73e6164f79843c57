import { readFile } from 'node:fs/promises';
import { FaultlineError } from '../errors/faultline-error.ts';
import { loadScenarioFile } from '../scenario/load-scenario.ts';
import { sha256 } from '../util/sha256.ts';
import { contentSeed } from '../work/content-seed.ts';
import { unitId } from '../work/work-unit.ts';
import { recordedApi } from './real-api.ts';
import type { RunSettings } from './run-settings.ts';
import { MAX_SUITE_UNITS, type RunShardSettings, type RunSuite } from './shard-manifest.ts';

/**
 * The whole suite as every shard sees it: one unit per scenario file (sorted) with its seed (--seed, else
 * the file's own, else one taken from its bytes, so shards agree without talking). Every shard plans the
 * same list, reading every file, so a merge can check that the shards ran parts of one suite.
 */
export async function planRunSuite(files: readonly string[], settings: RunSettings): Promise<RunSuite> {
  if (files.length > MAX_SUITE_UNITS) {
    throw new FaultlineError(
      'USAGE',
      `${files.length} scenario files are over the ${MAX_SUITE_UNITS} units one sharded suite holds (MAX_SUITE_UNITS); split the suite`,
    );
  }
  const units: RunSuite['units'] = [];
  for (const file of files) {
    const loaded = await loadScenarioFile(file);
    const scenarioSha256 = sha256(await readFile(loaded.file));
    const seed = settings.seed ?? loaded.scenario.seed ?? contentSeed(scenarioSha256);
    const id = unitId({ scenarioSha256, seed, variant: {} });
    units.push({ id, file, name: loaded.scenario.name, scenarioSha256, seed });
  }
  return { settings: shardSettings(settings), units };
}

function shardSettings(settings: RunSettings): RunShardSettings {
  return {
    ...(settings.durationMs !== undefined && { durationMs: settings.durationMs }),
    ...(settings.realTime !== undefined && { realTime: settings.realTime }),
    ...(settings.allowInsecureHttp !== undefined && { allowInsecureHttp: settings.allowInsecureHttp }),
    ...(settings.realApi && { realBackend: recordedApi(settings.realApi) }),
    bail: settings.bail,
  };
}
