import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/runner/run-scenario.ts';
import { scenarioSchema } from '../../src/scenario/schema.ts';

const lognormal = (medianMs: number) => ({
  plugin: 'mock-analysis',
  options: { latency: { type: 'lognormal', medianMs, sigma: 0.3 } },
});
const fixed = { plugin: 'mock-analysis', options: { latency: { type: 'fixed', ms: 10 } } };
const cDown = [{ name: 'c-down', from: 0, faults: [{ kind: 'network', error: 'refused', target: 'c' }] }];

/** Scenario fields as written in a file; the schema checks them. */
function run(input: Record<string, unknown>, seed = 3) {
  return runScenario(scenarioSchema.parse({ name: 'lb', ...input }), { seed });
}

/** Φ⁻¹ by bisection on erf's series-free approximation (Abramowitz–Stegun 7.1.26, |error| < 1.5e-7). */
function normalQuantile(p: number): number {
  const cdf = (x: number) => {
    const t = 1 / (1 + (0.3275911 * Math.abs(x)) / Math.SQRT2);
    const poly =
      t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
    const erf = 1 - poly * Math.exp(-(x * x) / 2);
    return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
  };
  let lo = -10;
  let hi = 10;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (cdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

describe('load-balanced topology against theory', () => {
  it('round-robin with one of three backends down and no ejection fails 1/3 of requests', async () => {
    const result = await run({
      backends: { a: fixed, b: fixed, c: fixed },
      topology: { type: 'load-balanced', backends: ['a', 'b', 'c'], strategy: 'round-robin' },
      workload: { model: 'open', rate: 30, arrivals: 'constant', duration: '5m' },
      phases: cDown,
    });
    expect(result.requests.total).toBeGreaterThan(8000);
    // Round-robin is exact: every third request goes to c, so the share is 1/3 to within one request.
    expect(Math.abs(result.requests.failed - result.requests.total / 3)).toBeLessThanOrEqual(1);
    expect(result.requests.failuresByCode).toEqual({ ECONNREFUSED: result.requests.failed });
    const calls = Object.values(result.backend.byBackend);
    expect(Math.max(...calls) - Math.min(...calls)).toBeLessThanOrEqual(1);
  });

  it('with outlier ejection the failure share falls to k / (3k + rate × ejectionTime)', async () => {
    const k = 5;
    const rate = 30;
    const ejectionS = 10;
    const result = await run({
      backends: { a: fixed, b: fixed, c: fixed },
      topology: {
        type: 'load-balanced',
        backends: ['a', 'b', 'c'],
        outlierEjection: { consecutiveFailures: k, ejectionTime: `${ejectionS}s` },
      },
      workload: { model: 'open', rate, arrivals: 'constant', duration: '10m' },
      phases: cDown,
    });
    // A cycle: c stays in rotation for k of its calls (3k requests, k of them failing), then is out
    // for ejectionTime, during which rate × ejectionTime requests all succeed on a and b.
    const predicted = k / (3 * k + rate * ejectionS);
    const share = result.requests.failed / result.requests.total;
    expect(Math.abs(share - predicted) / predicted).toBeLessThan(0.05);
    expect(result.policyEvents['outlier-ejected']).toBe(result.requests.failed / k);
    expect(result.backend.byBackend.c).toBe(result.requests.failed);
  });

  it('never ejects more than maxEjectedPercent allows (at least one backend)', async () => {
    const result = await run({
      backends: { a: fixed, b: fixed, c: fixed },
      topology: {
        type: 'load-balanced',
        backends: ['a', 'b', 'c'],
        outlierEjection: { consecutiveFailures: 2, ejectionTime: '1m', maxEjectedPercent: 10 },
      },
      workload: { model: 'open', rate: 30, arrivals: 'constant', duration: '30s' },
      phases: [{ name: 'all-down', from: 0, faults: [{ kind: 'error', status: 503 }] }],
    });
    // Everything fails; one backend is ejected at once and stays out for the whole minute.
    expect(result.policyEvents['outlier-ejected']).toBe(1);
    expect(result.availability).toBe(0);
  });

  it('random sends a third of calls to a slow backend: p99 is the mixture quantile', async () => {
    const result = await run({
      backends: { a: lognormal(50), b: lognormal(50), c: lognormal(500) },
      topology: { type: 'load-balanced', backends: ['a', 'b', 'c'], strategy: 'random' },
      workload: { model: 'open', rate: 200, duration: '2m' },
    });
    // 2/3 fast (median 50 ms, all below 150 ms) + 1/3 slow: the whole's p99 is where the slow one's CDF
    // reaches 0.97, i.e. 500 ms × exp(0.3 Φ⁻¹(0.97)).
    const theory = 500 * Math.exp(0.3 * normalQuantile(1 - 0.01 * 3));
    expect(Math.abs(result.latency.p99 - theory) / theory).toBeLessThan(0.04);
  });

  it('power of two choices beats random on p99 when one backend is slow', async () => {
    const input = (strategy: string) => ({
      backends: { a: lognormal(50), b: lognormal(50), c: lognormal(500) },
      topology: { type: 'load-balanced', backends: ['a', 'b', 'c'], strategy },
      workload: { model: 'open', rate: 200, duration: '2m' },
    });
    const random = await run(input('random'));
    const p2c = await run(input('power-of-two-choices'));
    const least = await run(input('least-outstanding'));
    // The slow backend piles up calls in flight, so p2c and least-outstanding send it far fewer.
    expect((p2c.backend.byBackend.c ?? 0) / p2c.backend.calls).toBeLessThan(0.1);
    expect((least.backend.byBackend.c ?? 0) / least.backend.calls).toBeLessThan(0.1);
    expect(p2c.latency.p99).toBeLessThan(0.85 * random.latency.p99);
    expect(p2c.latency.mean).toBeLessThan(0.5 * random.latency.mean);
    expect(least.latency.p99).toBeLessThan(0.85 * random.latency.p99);
  });

  it('weighted spreads calls in proportion to the weights, smoothly', async () => {
    const result = await run({
      backends: { a: fixed, b: fixed, c: fixed },
      topology: {
        type: 'load-balanced',
        backends: ['a', 'b', 'c'],
        strategy: 'weighted',
        weights: { a: 3, b: 1, c: 1 },
      },
      workload: { model: 'closed', clients: 1, requests: 1000 },
    });
    expect(result.backend.byBackend).toEqual({ a: 600, b: 200, c: 200 });
  });

  it('a retry above the balancer picks again, so it lands on a live backend', async () => {
    const result = await run({
      backends: { a: fixed, b: fixed, c: fixed },
      topology: { type: 'load-balanced', backends: ['a', 'b', 'c'], strategy: 'round-robin' },
      policies: { retry: { maxAttempts: 2, backoff: { type: 'constant', delay: '1ms' } } },
      workload: { model: 'closed', clients: 1, requests: 900 },
      phases: cDown,
    });
    expect(result.availability).toBe(1);
  });

  it('is deterministic from the seed', async () => {
    const input = {
      backends: { a: lognormal(50), b: lognormal(80), c: lognormal(200) },
      topology: { type: 'load-balanced', backends: ['a', 'b', 'c'], strategy: 'power-of-two-choices' },
      workload: { model: 'open', rate: 100, duration: '20s' },
    };
    const strip = ({ environment: _, ...rest }: Awaited<ReturnType<typeof run>>) => JSON.stringify(rest);
    expect(strip(await run(input, 9))).toBe(strip(await run(input, 9)));
    expect(strip(await run(input, 9))).not.toBe(strip(await run(input, 10)));
  });
});
