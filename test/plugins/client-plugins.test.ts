import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FAILURE_LATENCY } from '../../plugins/mock-analysis/index.ts';
import { runScenario } from '../../src/runner/run-scenario.ts';
import { loadScenarioFile, parseScenario } from '../../src/scenario/load-scenario.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { AXIOS_RETRIES } from '../fixtures/clients/axios-client.ts';
import { GOT_RETRY_LIMIT } from '../fixtures/clients/got-client.ts';

const CLIENTS = resolve('test/fixtures/clients');
const REQUESTS = 5;

/** One client in a closed loop sending REQUESTS requests through the given plugin, every answer a 503. */
function allDown(plugin: 'msw' | 'nock', options: Record<string, unknown>): Scenario {
  return parseScenario(
    'all-down.yaml',
    JSON.stringify({
      name: 'all-down',
      seed: 1,
      backends: { primary: { plugin, options: { baseUrl: 'http://api.example.test/v1', ...options } } },
      workload: { model: 'closed', clients: 1, requests: REQUESTS },
      phases: [{ name: 'down', from: 0, faults: [{ kind: 'error', status: 503 }] }],
    }),
    {},
  );
}

describe.each(['msw', 'nock'] as const)('the %s backend plugin', (plugin) => {
  it.each([
    ['fetch-client.ts', 1],
    ['axios-client.ts', AXIOS_RETRIES + 1],
    ['got-client.ts', GOT_RETRY_LIMIT + 1],
  ])(
    "runs %s's own retries: %i backend calls per request, each injected, each request a 503",
    async (file, perRequest) => {
      const result = await runScenario(allDown(plugin, { client: resolve(CLIENTS, file) }));
      expect(result.requests).toMatchObject({
        total: REQUESTS,
        failed: REQUESTS,
        failuresByCode: { HTTP_503: REQUESTS },
      });
      expect(result.backend).toMatchObject({ calls: REQUESTS * perRequest, reached: 0 });
      expect(result.faults.injected).toEqual({ error: REQUESTS * perRequest });
    },
  );

  it('picks a named export with `export:`', async () => {
    const result = await runScenario(
      allDown(plugin, { client: resolve(CLIENTS, 'two-clients.ts'), export: 'viaAxios' }),
    );
    expect(result.backend.calls).toBe(REQUESTS * (AXIOS_RETRIES + 1));
  });

  it.each([
    [{ client: resolve(CLIENTS, 'missing.ts') }, 'CLIENT_NOT_FOUND'],
    [{ client: resolve(CLIENTS, 'two-clients.ts') }, 'CLIENT_INVALID'],
    [{ client: resolve(CLIENTS, 'two-clients.ts'), export: 'viaGot' }, 'CLIENT_INVALID'],
    [
      { client: resolve(CLIENTS, 'fetch-client.ts'), backend: { plugin: 'nock', options: {} } },
      'BACKEND_INTERCEPTS',
    ],
    [
      {
        client: resolve(CLIENTS, 'fetch-client.ts'),
        backend: { plugin: 'mock-analysis', options: { latency: 5 } },
      },
      'PLUGIN_OPTIONS_INVALID',
    ],
  ])('refuses %j with %s', async (options, code) => {
    await expect(runScenario(allDown(plugin, options))).rejects.toMatchObject({ code });
  });
});

/*
 * The README example: test/fixtures/scenarios/client-outage.yaml, one minute of refused connections seen
 * through each client's built-in retry, with no retry from faultline. Retry jitter in axios-retry and got
 * comes from Math.random, outside faultline's seed: requests that straddle the outage's edges vary, so
 * the per-request costs are checked as bands whose top is what the library promises.
 */
describe('README example: your client under an outage', () => {
  async function outageWith(client: string, plugin?: 'msw') {
    const { scenario, file } = await loadScenarioFile(resolve('test/fixtures/scenarios/client-outage.yaml'));
    const primary = scenario.backends.primary!;
    const options = { ...primary.options, client: resolve(CLIENTS, client) };
    const result = await runScenario(
      { ...scenario, backends: { primary: { plugin: plugin ?? primary.plugin, options } } },
      { file },
    );
    const phase = (name: string) => result.phases.find((p) => p.name === name)!;
    expect(phase('healthy').requests.succeeded).toBe(phase('healthy').requests.total);
    expect(phase('recovery').requests.succeeded).toBe(phase('recovery').requests.total);
    expect(Object.keys(result.requests.failuresByCode)).toEqual(['ECONNREFUSED']);
    return phase('outage');
  }

  it('plain fetch: one call per request, every request of the outage fails after one round trip', async () => {
    const outage = await outageWith('fetch-client.ts');
    expect(outage.backend.callsPerRequest).toBe(1);
    expect(outage.requests.failed).toBe(outage.requests.total);
    expect(outage.latency.p99).toBe(DEFAULT_FAILURE_LATENCY.ms);
  });

  it('axios-retry: up to 4 calls per request, each failure delayed by its backoff', async () => {
    const outage = await outageWith('axios-client.ts');
    expect(outage.backend.callsPerRequest).toBeGreaterThan(3.5);
    expect(outage.backend.callsPerRequest).toBeLessThanOrEqual(AXIOS_RETRIES + 1);
    // 100 + 200 + 400 + 800 ms of exponential backoff, plus up to 20% jitter each.
    expect(outage.latency.p50).toBeGreaterThanOrEqual(1500);
  });

  it("got's retry: up to 3 calls per request, 1 s then 2 s apart", async () => {
    const outage = await outageWith('got-client.ts');
    expect(outage.backend.callsPerRequest).toBeGreaterThan(2.5);
    expect(outage.backend.callsPerRequest).toBeLessThanOrEqual(GOT_RETRY_LIMIT + 1);
    expect(outage.latency.p50).toBeGreaterThanOrEqual(3000);
  });

  it('got through msw does not retry: msw fails the request without the ECONNREFUSED code got retries on', async () => {
    const outage = await outageWith('got-client.ts', 'msw');
    expect(outage.backend.callsPerRequest).toBe(1);
  });
});
