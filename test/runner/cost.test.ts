import { describe, expect, it } from 'vitest';
import { costFigures } from '../../src/metrics/cost.ts';
import { runScenario } from '../../src/runner/run-scenario.ts';
import { scenarioSchema } from '../../src/scenario/schema.ts';

const PRICE = 0.002;

function run(policies: Record<string, unknown>) {
  const scenario = scenarioSchema.parse({
    name: 'cost',
    backends: {
      primary: {
        plugin: 'mock-analysis',
        options: { latency: { type: 'fixed', ms: 50 } },
        cost: { perCall: PRICE, currency: 'USD' },
      },
    },
    policies,
    workload: { model: 'open', rate: 10, arrivals: 'constant', duration: '1h', corpus: { zipf: 1 } },
  });
  return runScenario(scenario, { seed: 8 });
}

describe('cost in money', () => {
  it('prices every backend call and projects the spend rate over a day', async () => {
    const uncached = await run({});
    const cost = uncached.cost;
    if (!cost) throw new Error('a priced backend gives a cost');
    expect(cost.currency).toBe('USD');
    expect(cost.total).toBeCloseTo(uncached.backend.calls * PRICE, 9);
    expect(cost.byBackend).toEqual({ primary: cost.total });
    // One hour of traffic at 10 req/s: 36,000 calls, $72, so $1,728 a day at that rate.
    expect(uncached.backend.calls).toBe(36_000);
    expect(cost.perDay).toBeCloseTo(cost.total * 24, 6);
    expect(cost.perRequest).toBeCloseTo(PRICE, 9);
  });

  it('a cache cuts the cost per request to price × (1 − hit ratio)', async () => {
    const cached = await run({ cache: { ttl: '10m', maxEntries: 1000 } });
    const cost = cached.cost;
    if (!cost) throw new Error('a priced backend gives a cost');
    expect(cached.cache.hitRatio).toBeGreaterThan(0.5);
    expect(cost.perRequest).toBeCloseTo(PRICE * (1 - cached.cache.hitRatio), 6);
  });

  it('is absent when no backend has a price, and refuses mixed currencies', async () => {
    expect(costFigures(new Map(), { a: 3 }, 3, 1000)).toBeUndefined();
    const mixed = scenarioSchema.parse({
      name: 'mixed',
      backends: {
        a: { plugin: 'mock-analysis', cost: { perCall: 1, currency: 'USD' } },
        b: { plugin: 'mock-analysis', cost: { perCall: 1, currency: 'EUR' } },
      },
      topology: { type: 'failover', order: ['a', 'b'] },
      workload: { model: 'closed', requests: 1 },
    });
    await expect(runScenario(mixed, { seed: 1 })).rejects.toThrow(/priced in EUR but "a" in USD/);
  });
});
