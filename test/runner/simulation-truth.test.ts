import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/report/result.ts';
import { serializeResult } from '../../src/report/serialize.ts';
import { runScenario } from '../../src/runner/run-scenario.ts';
import { parseScenario } from '../../src/scenario/load-scenario.ts';
import { drawn } from '../fixtures/plugins/recording-latency.ts';

const withoutEnvironment = (result: RunResult) =>
  serializeResult({ ...result, environment: {} as RunResult['environment'] });

const run = (yaml: string, seed = 1) => runScenario(parseScenario('truth.yaml', yaml, {}), { seed });

/** Erlang-B blocking probability for `servers` servers and `erlangs` offered load (stable recurrence). */
function erlangB(servers: number, erlangs: number): number {
  let b = 1;
  for (let k = 1; k <= servers; k++) b = (erlangs * b) / (k + erlangs * b);
  return b;
}

describe('simulated time against theory at short service times', () => {
  it('a fixed 10.7 ms latency is 10.7 ms, not the 10 ms whole-millisecond timers give', async () => {
    const result = await run(`name: fixed
backends: { primary: { plugin: mock-analysis, options: { latency: { type: fixed, ms: 10.7 } } } }
workload: { model: closed, clients: 1, requests: 500 }`);
    expect(result.latency.p50).toBe(10.7);
    expect(result.latency.mean).toBe(10.7);
    expect(result.durationMs).toBeCloseTo(500 * 10.7, 6);
  });

  it.each([
    {
      name: 'uniform 0–20 ms',
      latency: '{ type: uniform, minMs: 0, maxMs: 20 }',
      mean: 10,
      sd: 20 / Math.sqrt(12),
    },
    { name: 'normal 50 ± 5 ms', latency: '{ type: normal, meanMs: 50, stdDevMs: 5 }', mean: 50, sd: 5 },
  ])(
    '$name has its mean within three standard errors (truncation lost 0.5 ms)',
    async ({ latency, mean, sd }) => {
      const n = 40_000;
      const result = await run(`name: mean
backends: { primary: { plugin: mock-analysis, options: { latency: ${latency} } } }
workload: { model: closed, clients: 1, requests: ${n} }`);
      const standardError = sd / Math.sqrt(n);
      expect(3 * standardError).toBeLessThan(0.5);
      expect(Math.abs(result.latency.mean - mean)).toBeLessThan(3 * standardError);
    },
  );

  // Poisson arrivals at 80/s onto 5 servers (maxInFlight) holding each call 50 ms on average: 4 Erlang
  // offered, so Erlang-B predicts the share turned away, whatever the service-time distribution.
  it.each([
    ['fixed', '{ type: fixed, ms: 50 }'],
    ['lognormal', `{ type: lognormal, medianMs: ${50 / Math.exp(0.5 ** 2 / 2)}, sigma: 0.5 }`],
    ['uniform', '{ type: uniform, minMs: 0, maxMs: 100 }'],
  ])(
    'Erlang-B loss at 50 ms %s service is within 0.01 of theory',
    async (_name, latency) => {
      const result = await run(`name: erlang
backends: { primary: { plugin: mock-analysis, options: { latency: ${latency} } } }
workload: { model: open, rate: 80, arrivals: poisson, maxInFlight: 5, duration: 20m }`);
      const lost = (result.requests.failuresByCode.OVERLOAD ?? 0) / result.requests.total;
      expect(result.requests.total).toBeGreaterThan(90_000);
      expect(Math.abs(lost - erlangB(5, 4))).toBeLessThan(0.01);
      // Tighter than the bound asked for: whole-millisecond timers were 0.006 low here (lognormal, uniform).
      expect(Math.abs(lost - erlangB(5, 4))).toBeLessThan(0.004);
    },
    60_000,
  );
});

describe('random streams by purpose', () => {
  const base = `name: streams
backends: { primary: { plugin: mock-analysis, options: { latency: { type: lognormal, medianMs: 40, sigma: 0.6 } } } }
workload: { model: open, rate: 40, arrivals: poisson, duration: 2m }`;

  it('a run with a fault at rate 0 is identical to one without it', async () => {
    const without = await run(base, 5);
    const withZero = await run(
      `${base}\nphases: [{ name: all, from: 0s, faults: [{ kind: error, status: 503, rate: 0 }, { kind: latency, rate: 0, distribution: { type: uniform, minMs: 0, maxMs: 900 } }] }]`,
      5,
    );
    // The phase itself shows up in the result; everything the run measured must not move.
    const strip = (r: RunResult) => withoutEnvironment({ ...r, phases: [], faults: { injected: {} } });
    expect(strip(withZero)).toBe(strip(without));
    expect(withZero.faults.injected).toEqual({});
  });

  it('cache on and off: each call that misses draws the latency its request drew without the cache', async () => {
    const scenario = (policies: string) =>
      parseScenario(
        join(dirname(fileURLToPath(import.meta.url)), 'cache.yaml'),
        `name: cache
backends: { primary: { plugin: ../fixtures/plugins/recording-latency.ts } }
workload: { model: open, rate: 40, arrivals: poisson, duration: 2m, corpus: { size: 200, zipf: 1.2 } }
${policies}
phases: [{ name: later, from: 40s, faults: [{ kind: error, status: 503, rate: 0.3 }] }]`,
        {},
      );
    const sequence = async (policies: string) => {
      drawn.length = 0;
      const file = join(dirname(fileURLToPath(import.meta.url)), 'cache.yaml');
      await runScenario(scenario(policies), { seed: 3, file });
      return [...drawn];
    };
    const off = await sequence('');
    const on = await sequence('policies: { cache: { ttl: 5s } }');
    expect(on.length).toBeGreaterThan(20);
    expect(on.length).toBeLessThan(off.length / 2);
    // Draws are keyed by arrival and attempt: the misses' draws are the cache-off draws of the same
    // requests, in order, with the hits' draws left out (a subsequence, not the first on.length draws).
    let at = 0;
    for (const value of on) {
      while (at < off.length && off[at] !== value) at++;
      expect(at, `draw ${value} not found in order`).toBeLessThan(off.length);
      at++;
    }
    expect(on).not.toEqual(off.slice(0, on.length));
  });
});

describe('long delays', () => {
  it('judges a latency hypothesis on a 35-day latency right (no wrap to 1 ms)', async () => {
    const result = await run(`name: slow
backends: { primary: { plugin: mock-analysis, options: { latency: { type: fixed, ms: 3024000000 } } } }
workload: { model: closed, clients: 1, requests: 2 }
hypotheses:
  - { name: very slow, metric: latency.p50, op: ">", value: 3000000000 }
  - { name: not instant, metric: latency.max, op: "<", value: 1000 }`);
    expect(result.latency.p50).toBe(35 * 86_400_000);
    expect(result.hypotheses.map((h) => h.pass)).toEqual([true, false]);
  });
});
