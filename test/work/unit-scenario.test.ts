import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../src/util/sha256.ts';
import { loadUnitScenario } from '../../src/work/unit-scenario.ts';
import type { WorkUnit } from '../../src/work/work-unit.ts';

const yaml = (rate: number) => `name: unit\nworkload: { model: open, rate: ${rate}, duration: 10s }\n`;

describe('a unit’s scenario', () => {
  it('is reparsed when the file changes, and refused when it changed since the unit was planned', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'faultline-unit-')), 'unit.yaml');
    const unitFor = (): WorkUnit => ({
      file: 'unit.yaml',
      absolute: file,
      scenarioSha256: sha256(readFileSync(file)),
      seed: 1,
      variant: {},
    });
    writeFileSync(file, yaml(5));
    const first = unitFor();
    expect((await loadUnitScenario(first, {})).workload).toMatchObject({ rate: 5 });
    writeFileSync(file, yaml(7));
    await expect(loadUnitScenario(first, {})).rejects.toMatchObject({ code: 'SCENARIO_CHANGED' });
    expect((await loadUnitScenario(unitFor(), {})).workload).toMatchObject({ rate: 7 });
  });

  it('applies the unit’s variant to a copy: the next unit of the file gets its own', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'faultline-unit-')), 'unit.yaml');
    writeFileSync(file, yaml(5));
    const base = { file: 'unit.yaml', absolute: file, scenarioSha256: sha256(readFileSync(file)), seed: 1 };
    const varied = await loadUnitScenario({ ...base, variant: { 'workload.rate': 9 } }, {});
    expect(varied.workload).toMatchObject({ rate: 9 });
    expect((await loadUnitScenario({ ...base, variant: {} }, {})).workload).toMatchObject({ rate: 5 });
  });
});
