import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createJsonReporter, jsonPath } from '../../../src/report/reporters/json.ts';
import { context, makeResult, outcome, plan } from './fixture.ts';

describe('json reporter', () => {
  it('writes each scenario result to <outDir>/<scenario>.json, parseable and complete', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-json-'));
    const reporter = createJsonReporter({}, context(dir).ctx);
    const a = makeResult({ scenario: { name: 'Outage: Primary' } });
    const b = makeResult({ scenario: { name: 'retry storm' }, seed: 5 });
    await reporter.onRunStart?.({
      plans: [plan({ name: 'Outage: Primary', count: 2 }), plan({ name: 'retry storm', index: 1, count: 2 })],
    });
    await reporter.onScenarioEnd?.(outcome(a, { count: 2 }));
    await reporter.onScenarioEnd?.(outcome(b, { index: 1, count: 2 }));
    expect(JSON.parse(readFileSync(join(dir, 'outage-primary.json'), 'utf8'))).toEqual(a);
    expect(JSON.parse(readFileSync(join(dir, 'retry-storm.json'), 'utf8')).seed).toBe(5);
  });

  it('numbers scenarios whose names collide instead of overwriting', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-json-'));
    const reporter = createJsonReporter({}, context(dir).ctx);
    await reporter.onRunStart?.({ plans: [plan({ count: 2 }), plan({ index: 1, count: 2 })] });
    await reporter.onScenarioEnd?.(outcome(makeResult(), { count: 2 }));
    await reporter.onScenarioEnd?.(outcome(makeResult({ seed: 7 }), { index: 1, count: 2 }));
    expect(JSON.parse(readFileSync(join(dir, 'outage.json'), 'utf8')).seed).toBe(42);
    expect(JSON.parse(readFileSync(join(dir, 'outage-2.json'), 'utf8')).seed).toBe(7);
  });

  it('uses a given output path as is for one scenario and adds the scenario name for several', () => {
    expect(jsonPath('result.json', 'a', false)).toBe('result.json');
    expect(jsonPath('result.json', 'a', true)).toBe('result-a.json');
    expect(jsonPath('runs/{scenario}/result.json', 'a', true)).toBe('runs/a/result.json');
  });

  it('refuses an output path outside the output folder before anything runs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-json-'));
    expect(() => createJsonReporter({ output: '../escape.json' }, context(dir).ctx)).toThrow(
      /outside the output folder/,
    );
    expect(() => createJsonReporter({ output: '/etc/passwd' }, context(dir).ctx)).toThrow(
      /outside the output folder/,
    );
    expect(existsSync(join(dir, '..', 'escape.json'))).toBe(false);
  });
});
