import { resolve } from 'node:path';
import { runScenario } from './src/runner/run-scenario.ts';
import { loadScenarioFile } from './src/scenario/load-scenario.ts';
const { scenario, file } = await loadScenarioFile(resolve('scenarios/outage-with-fallback.yaml'));
const t = Date.now();
const a = await runScenario(scenario, { file, seed: 42, durationMs: 60_000 * 4 });
console.log(Date.now() - t, a.requests.total, a.environment.wallMs);
