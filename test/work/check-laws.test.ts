import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/scenario/load-scenario.ts';
import type { ScenarioLawReport } from '../../src/testing/check/check-scenario.ts';
import { checkLaws } from '../../src/work/check-laws.ts';

/** A report without its wall time, the only field that may differ between threads. */
const comparable = (reports: readonly ScenarioLawReport[]) =>
  reports.map((report) => {
    const { wallMs: _wallMs, ...rest } = report as ScenarioLawReport & { wallMs?: number };
    return rest;
  });

describe('checkLaws on worker threads', () => {
  it('gives the reports of one thread, each with its law, told in law order', async () => {
    const { scenario, file } = await loadScenarioFile(resolve('scenarios/outage-with-fallback.yaml'));
    const options = {
      laws: ['amplification', 'accounting', 'cache-hits'] as const,
      runs: 10,
      seed: 3,
      maxAmplification: 1.2,
      trial: { baseDir: resolve('scenarios'), file },
    };
    const one = await checkLaws(scenario, { ...options, laws: [...options.laws], workers: 1 });
    const told: string[] = [];
    const two = await checkLaws(scenario, {
      ...options,
      laws: [...options.laws],
      workers: 2,
      onReport: (report) => told.push(report.law.name),
    });
    expect(told).toEqual(['amplification', 'accounting', 'cache-hits']);
    expect(two.map((report) => report.status)).toEqual(['broken', 'held', 'not-applicable']);
    expect(comparable(two)).toEqual(comparable(one));
    expect(typeof two[0]?.law.check).toBe('function');
  }, 120_000);
});
