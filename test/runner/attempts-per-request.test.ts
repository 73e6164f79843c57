import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/runner/run-scenario.ts';
import { scenarioSchema } from '../../src/scenario/schema.ts';

const sumOfAttempts = (counts: Readonly<Record<string, number>>) =>
  Object.entries(counts).reduce((sum, [attempts, n]) => sum + Number(attempts) * n, 0);

describe('attempts per request', () => {
  it('counts each request’s backend calls: retries add attempts, cache hits make none', async () => {
    const scenario = scenarioSchema.parse({
      name: 'attempts',
      backends: { primary: { plugin: 'mock-analysis', options: { latency: { type: 'fixed', ms: 20 } } } },
      workload: { model: 'closed', clients: 1, thinkTime: 10, requests: 400, corpus: { size: 5 } },
      policies: {
        retry: { maxAttempts: 3, backoff: { type: 'constant', delay: 5 }, retryOn: ['5xx'] },
        cache: { ttl: 60_000, maxEntries: 100 },
      },
      phases: [{ name: 'down', from: 0, to: 1_000, faults: [{ kind: 'error', status: 503, rate: 1 }] }],
    });
    const result = await runScenario(scenario, { seed: 4 });
    const counts = result.backend.attemptsPerRequest;
    // Every request is counted once, and the counts add up to the calls the backend saw.
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(result.requests.total);
    expect(sumOfAttempts(counts)).toBe(result.backend.calls);
    // While everything fails, each request tries 3 times; once up, the five texts are cached.
    expect(counts['3']).toBe(result.phases[0]?.requests.failed);
    expect(counts['0']).toBe(result.cache.hits + result.cache.coalesced);
    expect(Object.keys(counts)).toEqual(['0', '1', '3']);
    expect(result.phases[0]?.backend.attemptsPerRequest).toEqual({ '3': result.phases[0]?.requests.total });
  });

  it('counts coalesced cache lookups: hits + misses + coalesced = lookups, and a coalesced request makes no call', async () => {
    const scenario = scenarioSchema.parse({
      name: 'coalesced',
      backends: { primary: { plugin: 'mock-analysis', options: { latency: { type: 'fixed', ms: 50 } } } },
      // Four clients, two texts, a short TTL: lookups for a text that is loading wait for that load.
      workload: { model: 'closed', clients: 4, requests: 400, corpus: { size: 2, zipf: 0 } },
      policies: { cache: { ttl: 60, maxEntries: 10 } },
    });
    const result = await runScenario(scenario, { seed: 8 });
    const { hits, misses, coalesced, lookups } = result.cache;
    expect(coalesced).toBeGreaterThan(0);
    expect(lookups).toBe(result.requests.total);
    expect(hits + misses + coalesced).toBe(lookups);
    expect(result.backend.attemptsPerRequest).toEqual({ '0': hits + coalesced, '1': misses });
  });
});
