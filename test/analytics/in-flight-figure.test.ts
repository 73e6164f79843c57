import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/runner/run-scenario.ts';
import { scenarioSchema } from '../../src/scenario/schema.ts';

const backends = {
  primary: {
    plugin: 'mock-analysis',
    options: { latency: { type: 'lognormal', medianMs: 120, sigma: 0.6 } },
  },
};

/** Little's law from the result alone: mean in flight (measured as a time-weighted count) = λ·W. */
function littleGap(result: Awaited<ReturnType<typeof runScenario>>): number {
  const lambdaW = result.throughput * (result.latency.mean / 1000);
  return Math.abs(result.inFlight.mean - lambdaW) / lambdaW;
}

describe("the in-flight figure obeys Little's law", () => {
  it('on an open workload (Poisson arrivals), overall and in a phase', async () => {
    const scenario = scenarioSchema.parse({
      name: 'little-open',
      backends,
      workload: { model: 'open', rate: 40, arrivals: 'poisson', duration: 120_000 },
      phases: [
        {
          name: 'slow',
          from: 40_000,
          to: 80_000,
          faults: [{ kind: 'latency', rate: 1, distribution: { type: 'fixed', ms: 200 } }],
        },
      ],
    });
    const result = await runScenario(scenario, { seed: 5 });
    expect(result.requests.total).toBeGreaterThan(4_000);
    expect(littleGap(result)).toBeLessThan(0.01);
    // Extra latency in the phase raises the number in flight there by about λ · 200 ms = 8.
    const slow = result.phases[0];
    expect(slow?.inFlight.mean).toBeGreaterThan(result.inFlight.mean + 4);
    expect(result.inFlight.max).toBeGreaterThanOrEqual(slow?.inFlight.max ?? Number.POSITIVE_INFINITY);
  });

  it('on a closed workload, where the number in flight never exceeds the clients', async () => {
    const scenario = scenarioSchema.parse({
      name: 'little-closed',
      backends,
      workload: { model: 'closed', clients: 8, thinkTime: 50, duration: 120_000 },
    });
    const result = await runScenario(scenario, { seed: 9 });
    expect(littleGap(result)).toBeLessThan(0.01);
    expect(result.inFlight.max).toBe(8);
    // Each client is busy for W of every W + think: mean in flight = 8·W / (W + 50).
    const busy = (8 * result.latency.mean) / (result.latency.mean + 50);
    expect(Math.abs(result.inFlight.mean - busy) / busy).toBeLessThan(0.02);
  });
});
