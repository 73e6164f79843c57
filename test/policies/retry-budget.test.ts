import { describe, expect, it } from 'vitest';
import { RetryBudget } from '../../src/policies/retry-budget.ts';
import { runScenario } from '../../src/runner/run-scenario.ts';
import { scenarioSchema } from '../../src/scenario/schema.ts';
import { useVirtualClock } from './helpers.ts';

const RATE = 40;

function storm(failureRate: number, retryBudget?: { ratio: number; minPerSecond: number }) {
  const scenario = scenarioSchema.parse({
    name: 'retry-budget',
    backends: { primary: { plugin: 'mock-analysis', options: { latency: { type: 'fixed', ms: 20 } } } },
    policies: {
      retry: { maxAttempts: 5, backoff: { type: 'constant', delay: '10ms' } },
      ...(retryBudget && { retryBudget }),
    },
    workload: { model: 'open', rate: RATE, arrivals: 'constant', duration: '4m' },
    phases: [{ name: 'storm', from: 0, faults: [{ kind: 'error', status: 503, rate: failureRate }] }],
  });
  return runScenario(scenario, { seed: 3 });
}

describe('retry budget during a full outage', () => {
  it('plain retries multiply the load by the attempt count', async () => {
    const result = await storm(1);
    expect(result.backend.callsPerRequest).toBe(5);
  });

  for (const budget of [
    { ratio: 0.2, minPerSecond: 1 },
    { ratio: 0.5, minPerSecond: 4 },
    { ratio: 0.1, minPerSecond: 0 },
  ]) {
    it(`caps calls per request at 1 + ratio + minPerSecond / rate (${JSON.stringify(budget)})`, async () => {
      const result = await storm(1, budget);
      const cap = 1 + budget.ratio + budget.minPerSecond / RATE;
      expect(Math.abs(result.backend.callsPerRequest - cap) / cap).toBeLessThan(0.01);
      // The request fails with the backend's own failure, not with a code of the budget's.
      expect(Object.keys(result.requests.failuresByCode)).toEqual(['HTTP_503']);
      const refused = result.policyEvents['retry-budget-exhausted'] ?? 0;
      expect(refused + (result.policyEvents['give-up'] ?? 0)).toBe(result.requests.total);
    });
  }

  it('does not bind when failures are rare: the same calls as plain retries', async () => {
    const plain = await storm(0.1);
    const budgeted = await storm(0.1, { ratio: 0.2, minPerSecond: 1 });
    expect(budgeted.backend.callsPerRequest).toBe(plain.backend.callsPerRequest);
    expect(budgeted.availability).toBe(plain.availability);
    expect(budgeted.policyEvents['retry-budget-exhausted']).toBeUndefined();
  });

  it('refuses a budget with no retry to cap', async () => {
    const scenario = scenarioSchema.parse({
      name: 'no-retry',
      policies: { retryBudget: { ratio: 0.2 } },
      workload: { model: 'closed', requests: 1 },
    });
    await expect(runScenario(scenario, { seed: 1 })).rejects.toThrow(/retryBudget caps the retries/);
  });
});

describe('RetryBudget', () => {
  const clock = useVirtualClock();

  it('holds ratio × deposits + minPerSecond × window tokens, and refills as the window slides', async () => {
    const budget = new RetryBudget({ ratio: 0.5, minPerSecond: 0.2, window: 10_000 }, clock());
    for (let i = 0; i < 10; i++) budget.deposit();
    // 0.5 × 10 + 0.2 × 10 s = 7 retries.
    let granted = 0;
    while (budget.tryWithdraw()) granted++;
    expect(granted).toBe(7);
    await clock().advance(10_000);
    // Deposits and withdrawals have slid out; the floor is back.
    granted = 0;
    while (budget.tryWithdraw()) granted++;
    expect(granted).toBe(2);
  });
});
