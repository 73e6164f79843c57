import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readChaosSource } from '../../src/interceptors/chaos-source.ts';
import { parseScenario } from '../../src/scenario/load-scenario.ts';

const HERE = process.cwd();

describe('what useChaos and installChaos accept as faults', () => {
  it('reads a fault list as one phase from time 0 with no end, defaults and durations applied', async () => {
    const source = await readChaosSource([{ kind: 'error', status: 429, retryAfter: '2s' }], HERE);
    expect(source.phases).toEqual([
      {
        name: 'faults',
        from: 0,
        to: undefined,
        faults: [{ kind: 'error', status: 429, retryAfter: 2000, rate: 1 }],
      },
    ]);
  });

  it('reads phases, their times in ms', async () => {
    const source = await readChaosSource([{ name: 'outage', from: '1m', to: '6m' }], HERE);
    expect(source.phases).toEqual([{ name: 'outage', from: 60_000, to: 360_000, faults: [] }]);
  });

  it('names the faulty field of an invalid list', async () => {
    await expect(readChaosSource([{ kind: 'error', status: 200 }], HERE)).rejects.toMatchObject({
      code: 'CHAOS_FAULTS_INVALID',
      message: expect.stringContaining('at 0.status'),
    });
  });

  it("takes a scenario file's phases, seed and first backend, relative to its folder", async () => {
    const source = await readChaosSource('scenarios/outage-with-fallback.yaml', HERE);
    expect(source.phases.map((p) => p.name)).toEqual(['healthy', 'outage', 'recovery']);
    expect(source).toMatchObject({
      seed: 7,
      backendName: 'primary',
      backendRef: { plugin: 'mock-analysis' },
    });
    expect(source.baseDir).toBe(resolve('scenarios'));
  });

  it('looks behind an msw or nock backend of a scenario for what answers', async () => {
    const scenario = parseScenario(
      's.yaml',
      `name: s
backends: { api: { plugin: nock, options: { client: ./c.ts, backend: { plugin: http, options: { url: "https://x.test" } } } } }
workload: { model: closed, requests: 1 }`,
      {},
    );
    const source = await readChaosSource(scenario, HERE);
    expect(source).toMatchObject({
      backendName: 'api',
      backendRef: { plugin: 'http', options: { url: 'https://x.test' } },
    });
  });
});
