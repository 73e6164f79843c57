import { mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenarioFile } from '../../src/scenario/load-scenario.ts';
import { buildSweepPlan, type SweepRequest } from '../../src/sweep/build-plan.ts';
import type { RunRecord } from '../../src/sweep/run-record.ts';
import { runSweep } from '../../src/sweep/run-sweep.ts';
import type { PlannedRun, SweepPlan } from '../../src/sweep/sweep-plan.ts';
import { buildSweepReport, type SweepReport } from '../../src/sweep/sweep-report.ts';
import { sha256 } from '../../src/util/sha256.ts';

/** A scenario file in a fresh temporary folder. */
export function scenarioFile(name: string, yaml: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'faultline-sweep-')), `${name}.yaml`);
  writeFileSync(file, yaml);
  return file;
}

export interface Swept {
  readonly plan: SweepPlan;
  readonly runs: RunRecord[];
  readonly report: SweepReport;
}

/** Plans and runs a sweep of a scenario file through the engine, as the command does. */
export async function sweepFile(
  file: string,
  request: Omit<SweepRequest, 'file' | 'scenario' | 'scenarioSha256'>,
  selected?: (runs: readonly PlannedRun[]) => PlannedRun[],
): Promise<Swept> {
  const { scenario } = await loadScenarioFile(file);
  const plan = buildSweepPlan({ file, scenario, scenarioSha256: sha256(await readFile(file)), ...request });
  const runs = await runSweep(plan, { absolute: file, settings: {}, ...(selected && { selected }) });
  return { plan, runs, report: buildSweepReport(plan, runs) };
}
