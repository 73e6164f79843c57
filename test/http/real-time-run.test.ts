import { describe, expect, it } from 'vitest';
import { serveScenario } from '../../src/http/serve-scenario.ts';
import type { RunResult } from '../../src/report/result.ts';
import { runScenario } from '../../src/runner/run-scenario.ts';
import { scenarioSchema } from '../../src/scenario/schema.ts';

/**
 * The outage-with-fallback scenario compressed to seconds (healthy, then every connection refused, then
 * recovery), with a 40 ms base latency so a real-time run stays short.
 */
const OUTAGE = scenarioSchema.parse({
  name: 'outage-with-fallback-compressed',
  seed: 7,
  backends: {
    primary: {
      plugin: 'mock-analysis',
      options: { latency: { type: 'lognormal', medianMs: 40, sigma: 0.3 } },
    },
  },
  policies: {
    fallback: { value: { degraded: true } },
    retry: {
      maxAttempts: 2,
      backoff: { type: 'exponential', initialDelay: '50ms', maxDelay: '500ms', jitter: 'full' },
    },
    breaker: { halfOpenAfter: '1s', strategy: { type: 'consecutive', threshold: 5 } },
    timeout: { after: '500ms' },
  },
  // A request count rather than a duration: real timers fire late on a busy machine, so a fixed duration
  // would send fewer requests in real time; a fixed count keeps totals equal and shares comparable.
  workload: { model: 'open', rate: 50, arrivals: 'poisson', requests: 250 },
  phases: [
    { name: 'healthy', from: 0, to: '2s' },
    { name: 'outage', from: '2s', to: '3.5s', faults: [{ kind: 'network', error: 'refused' }] },
    { name: 'recovery', from: '3.5s' },
  ],
  hypotheses: [
    { name: 'always answered', metric: 'availability', op: '>=', value: 0.99 },
    {
      name: 'breaker spares the dead backend',
      metric: 'backendCallsPerRequest',
      op: '<=',
      value: 0.3,
      phase: 'outage',
    },
  ],
});

const phase = (result: RunResult, name: string) =>
  result.phases.find((candidate) => candidate.name === name)!;
const share = (part: number, total: number) => (total === 0 ? 0 : part / total);

describe('a real-time run against faultline serve', () => {
  it('agrees with the simulated run of the same scenario in shape and, within tolerance, in numbers', async () => {
    const simulated = await runScenario(OUTAGE);
    const served = await serveScenario(OUTAGE, { baseDir: process.cwd() });
    let real: RunResult;
    try {
      served.restartTimelines();
      real = await runScenario(served.scenario, { realTime: true });
    } finally {
      await served.close();
    }

    expect(real.mode).toBe('real-time');
    // Same shape: the same keys at the top level and per phase, the same phases, the same verdicts.
    expect(Object.keys(real).sort()).toEqual(Object.keys(simulated).sort());
    expect(real.phases.map((p) => p.name)).toEqual(simulated.phases.map((p) => p.name));
    expect(real.hypotheses.map((h) => h.pass)).toEqual(simulated.hypotheses.map((h) => h.pass));
    expect(real.verdict).toBe(simulated.verdict);

    // Tolerances (real timers on a shared machine shift arrivals and the breaker's transitions by tens of
    // ms): success and fallback shares within 0.1 overall and within 0.2 per phase, whose 1.5-2 s windows
    // hold only ~75-100 requests each; no request fails in either run.
    const shares = (figures: RunResult['requests']) => [
      share(figures.succeeded, figures.total),
      share(figures.fellBack, figures.total),
    ];
    const expectClose = (actual: number[], expected: number[], tolerance: number) => {
      for (const [i, value] of actual.entries()) {
        expect(Math.abs(value - (expected[i] ?? 0))).toBeLessThanOrEqual(tolerance);
      }
    };
    expect(real.requests.total).toBe(simulated.requests.total);
    expect([real.requests.failed, simulated.requests.failed]).toEqual([0, 0]);
    expectClose(shares(real.requests), shares(simulated.requests), 0.1);
    for (const name of ['healthy', 'outage', 'recovery']) {
      expectClose(shares(phase(real, name).requests), shares(phase(simulated, name).requests), 0.2);
    }
    // The outage is what the breaker is for: it opened in both runs and stayed open about as long.
    expect(real.breaker.opened).toBeGreaterThanOrEqual(1);
    expect(simulated.breaker.opened).toBeGreaterThanOrEqual(1);
    expect(Math.abs(real.breaker.openRatio - simulated.breaker.openRatio)).toBeLessThanOrEqual(0.1);
  }, 30_000);
});
