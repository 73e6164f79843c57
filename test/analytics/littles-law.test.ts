import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/runner/run-scenario.ts';
import { scenarioSchema } from '../../src/scenario/schema.ts';
import type { InFlightStats } from './fixtures/in-flight-probe.ts';

const PROBE = resolve(import.meta.dirname, 'fixtures/in-flight-probe.ts');

/**
 * An open loop (Poisson arrivals at λ, no policies) in front of a backend with lognormal service times.
 * Theory: throughput = λ; mean latency W = E[S] = median · e^{σ²/2} (an infinite-server queue: nobody
 * waits); Little's law L = λW, with L the time-average number of calls in progress, which the probe
 * backend measures on its side, apart from the runner's own latency and throughput figures.
 */
describe("open-loop throughput and latency against Little's law", () => {
  it('agrees with λ, E[S] and L = λW within the stated tolerances', async () => {
    const rate = 50;
    const durationMs = 600_000;
    const median = 200;
    const sigma = 0.5;
    const stats: InFlightStats = { calls: 0, busyMs: 0 };
    const scenario = scenarioSchema.parse({
      name: 'littles-law',
      backends: {
        probe: { plugin: PROBE, options: { latency: { type: 'lognormal', medianMs: median, sigma }, stats } },
      },
      workload: { model: 'open', rate, arrivals: 'poisson', duration: durationMs },
    });
    const result = await runScenario(scenario, { seed: 21 });
    const n = result.requests.total;
    expect(result.requests.succeeded).toBe(n);
    expect(stats.calls).toBe(n);

    // Arrivals: N ~ Poisson(λT); 4 sd of the count is 4·√(λT) ≈ 693 of 30,000.
    const expected = rate * (durationMs / 1000);
    expect(Math.abs(n - expected)).toBeLessThan(4 * Math.sqrt(expected));
    // Throughput = N over the run, whose end includes the last calls' drain (a few seconds at most): within
    // 0.5% of N/T, and so within 4 sd of the count (+0.5%) of λ.
    expect(Math.abs(result.throughput - n / (durationMs / 1000)) / rate).toBeLessThan(0.005);
    expect(Math.abs(result.throughput - rate) / rate).toBeLessThan(4 / Math.sqrt(expected) + 0.005);

    // Mean latency: the sample mean of N lognormal draws, sd(S) = E[S]·√(e^{σ²} − 1); 4 standard errors,
    // plus 0.2% for the HDR histogram's 3 significant digits.
    const meanS = median * Math.exp(sigma ** 2 / 2);
    const sdS = meanS * Math.sqrt(Math.exp(sigma ** 2) - 1);
    expect(Math.abs(result.latency.mean - meanS)).toBeLessThan(4 * (sdS / Math.sqrt(n)) + 0.002 * meanS);

    // Little's law with the backend's own L: within 0.1% of λ̂·Ŵ (both from the runner; the law holds
    // exactly when every call starts and ends inside the window, the 0.1% covers the histogram's
    // rounding of W), and within 3% of λ·E[S] from theory (≈ 11.3 calls in progress; the count's and the
    // mean's sampling errors combine to about 0.7% per sd).
    const inProgress = stats.busyMs / result.durationMs;
    const lambdaW = result.throughput * (result.latency.mean / 1000);
    expect(Math.abs(inProgress - lambdaW) / lambdaW).toBeLessThan(0.001);
    const theory = rate * (meanS / 1000);
    expect(Math.abs(inProgress - theory) / theory).toBeLessThan(0.03);
  });
});
