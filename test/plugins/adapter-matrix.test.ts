import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/report/result.ts';
import { serializeResult } from '../../src/report/serialize.ts';
import { runScenario } from '../../src/runner/run-scenario.ts';
import { loadScenarioFile } from '../../src/scenario/load-scenario.ts';
import type { Scenario } from '../../src/scenario/schema.ts';

const SCENARIO = resolve('test/fixtures/scenarios/adapter-matrix.yaml');
const FETCH_CLIENT = resolve('test/fixtures/clients/fetch-client.ts');

/** The same backend three ways: in process, and behind a plain fetch client intercepted by msw or nock. */
const ADAPTERS = {
  'mock-analysis in process': (scenario: Scenario) => scenario.backends,
  msw: (scenario: Scenario) => intercepted('msw', scenario),
  nock: (scenario: Scenario) => intercepted('nock', scenario),
} as const;

function intercepted(plugin: 'msw' | 'nock', scenario: Scenario): Scenario['backends'] {
  return { primary: { plugin, options: { client: FETCH_CLIENT, backend: scenario.backends.primary } } };
}

async function run(adapter: keyof typeof ADAPTERS, change: (s: Scenario) => Scenario = (s) => s) {
  const { scenario, file } = await loadScenarioFile(SCENARIO);
  const changed = change(scenario);
  return runScenario({ ...changed, backends: ADAPTERS[adapter](changed) }, { file });
}

/*
 * Counted by hand from the scenario: one client, 100 ms per call, 503s in [4 s, 6 s), 3 attempts 100 ms apart.
 * Healthy: requests start at 0, 100 ... 3900 ms: 40 requests, 40 calls. Outage: each request fails three
 * times over 200 ms and falls back: starts at 4000 ... 5600 ms, 9 requests, 27 calls. The one starting at
 * 5800 ms fails twice, and its third attempt at 6000 ms (outage over) succeeds: 3 calls, ends at 6100 ms.
 * Recovery: starts at 6100 ... 9900 ms, 39 requests. Totals: 89 requests, 80 succeeded, 9 fell back,
 * 109 calls, 80 reaching the backend, 29 injected 503s.
 */
describe.each(Object.keys(ADAPTERS) as (keyof typeof ADAPTERS)[])('adapter matrix: %s', (adapter) => {
  it('gives the hand-counted requests, calls and faults, and the same verdict', async () => {
    const result = await run(adapter);
    expect(result.requests).toEqual({ total: 89, succeeded: 80, fellBack: 9, failed: 0, failuresByCode: {} });
    expect(result.backend).toMatchObject({ calls: 109, reached: 80, byBackend: { primary: 109 } });
    expect(result.faults.injected).toEqual({ error: 29 });
    // 29 calls over the 10 requests started in the outage breaks "at most 1.5 calls per request": fail.
    expect(result.hypotheses.map((h) => [h.actual, h.pass])).toEqual([
      [1, true],
      [2.9, false],
      [1, true],
    ]);
    expect(result.verdict).toBe('fail');
    // Replies through msw and nock take no simulated time: latencies are the backend's 100 ms per call.
    expect(result.latency).toMatchObject({ p50: 100, p90: 200, max: 300 });
  });

  it('reports a network fault under its code, with no fallback to hide it', async () => {
    const result = await run(adapter, (scenario) => ({
      ...scenario,
      policies: { ...scenario.policies, fallback: undefined },
      phases: scenario.phases.map((phase) =>
        phase.name === 'outage'
          ? { ...phase, faults: [{ kind: 'network', error: 'reset', rate: 1 }] }
          : phase,
      ),
    }));
    expect(result.requests).toEqual({
      total: 89,
      succeeded: 80,
      fellBack: 0,
      failed: 9,
      failuresByCode: { ECONNRESET: 9 },
    });
    expect(result.backend).toMatchObject({ calls: 109, reached: 80 });
    expect(result.faults.injected).toEqual({ network: 29 });
  });
});

describe('outage-with-fallback through every adapter', () => {
  /** The shipped scenario at 5 requests/s, cut after 20 s of its outage: lognormal latencies, retries, breaker. */
  async function resultThrough(adapter: keyof typeof ADAPTERS): Promise<string> {
    const { scenario, file } = await loadScenarioFile(resolve('scenarios/outage-with-fallback.yaml'));
    const slower = { ...scenario, workload: { ...scenario.workload, rate: 5 } };
    const result = await runScenario(
      { ...slower, backends: ADAPTERS[adapter](slower) },
      { file, durationMs: 200_000 },
    );
    return serializeResult({ ...result, environment: {} as RunResult['environment'] });
  }

  it('gives a byte-identical result in process, through msw and through nock', async () => {
    const inProcess = await resultThrough('mock-analysis in process');
    expect(JSON.parse(inProcess).faults.injected.network).toBeGreaterThan(0);
    expect(await resultThrough('msw')).toBe(inProcess);
    expect(await resultThrough('nock')).toBe(inProcess);
  }, 30_000);
});
