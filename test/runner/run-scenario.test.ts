import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/report/result.ts';
import { serializeResult } from '../../src/report/serialize.ts';
import { runScenario } from '../../src/runner/run-scenario.ts';
import { loadScenarioFile, parseScenario } from '../../src/scenario/load-scenario.ts';

const withoutEnvironment = (result: RunResult) =>
  serializeResult({ ...result, environment: {} as RunResult['environment'] });

const small = (extra = '') =>
  parseScenario(
    'small.yaml',
    `name: small
backends: { primary: { plugin: mock-analysis, options: { latency: { type: fixed, ms: 100 } } } }
workload: { model: open, rate: 50, arrivals: poisson, duration: 1m }
${extra}`,
    {},
  );

describe('runScenario', () => {
  it('gives byte-identical JSON for the same seed, apart from environment', async () => {
    const { scenario, file } = await loadScenarioFile(resolve('scenarios/outage-with-fallback.yaml'));
    const a = await runScenario(scenario, { file, seed: 42, durationMs: 60_000 * 4 });
    const b = await runScenario(scenario, { file, seed: 42, durationMs: 60_000 * 4 });
    expect(withoutEnvironment(a)).toBe(withoutEnvironment(b));
    const c = await runScenario(scenario, { file, seed: 43, durationMs: 60_000 * 4 });
    expect(withoutEnvironment(c)).not.toBe(withoutEnvironment(a));
    expect(c.requests.total).not.toBe(a.requests.total);
  });

  it('accounts every request exactly once', async () => {
    const result = await runScenario(
      small(`policies: { retry: { maxAttempts: 2 }, fallback: { value: { degraded: true } } }
phases: [{ name: bad, from: 0s, faults: [{ kind: error, status: 500, rate: 0.3 }, { kind: network, error: reset, rate: 0.1 }] }]`),
      { seed: 1 },
    );
    const r = result.requests;
    expect(r.total).toBeGreaterThan(2500);
    expect(r.succeeded + r.fellBack + r.failed).toBe(r.total);
    const byCode = Object.values(r.failuresByCode).reduce((a, b) => a + b, 0);
    expect(byCode).toBe(r.failed);
    // Poisson arrivals at 50/s for 60 s: 3000 expected, sd ≈ 55.
    expect(Math.abs(r.total - 3000)).toBeLessThan(5 * 55);
  });

  it('matches 1 − p^k availability for independent failures and k attempts', async () => {
    const p = 0.3;
    const result = await runScenario(
      small(`policies: { retry: { maxAttempts: 3, backoff: { type: constant, delay: 10ms } } }
phases: [{ name: flaky, from: 0s, faults: [{ kind: error, status: 503, rate: ${p} }] }]`),
      { seed: 5 },
    );
    const n = result.requests.total;
    const expected = 1 - p ** 3;
    const sd = Math.sqrt((expected * (1 - expected)) / n);
    expect(Math.abs(result.availability - expected)).toBeLessThan(4 * sd);
    // Expected attempts per request: 1 + p + p².
    expect(result.backend.callsPerRequest).toBeCloseTo(1 + p + p * p, 1);
  });

  it('counts a hung request with no timeout once, as NO_RESPONSE, and still ends', async () => {
    const result = await runScenario(
      parseScenario(
        'hang.yaml',
        `name: hang
workload: { model: closed, clients: 2, requests: 10 }
phases: [{ name: h, from: 0s, faults: [{ kind: network, error: hang }] }]`,
        {},
      ),
      { seed: 1 },
    );
    expect(result.requests).toMatchObject({ total: 2, failed: 2, failuresByCode: { NO_RESPONSE: 2 } });
  });

  it('fails the outage scenario when its breaker and fallback are removed', async () => {
    const { scenario, file } = await loadScenarioFile(resolve('scenarios/outage-with-fallback.yaml'));
    const { breaker: _b, fallback: _f, ...weaker } = scenario.policies;
    const result = await runScenario({ ...scenario, policies: weaker }, { file, seed: 7 });
    expect(result.verdict).toBe('fail');
    const failed = result.hypotheses.filter((h) => !h.pass).map((h) => h.metric);
    expect(failed).toContain('availability');
  });
});

describe('multi-backend breakers', () => {
  it('keeps each fan-out leg’s breaker apart and spares the one that is down', async () => {
    const scenario = parseScenario(
      'fan.yaml',
      `name: fan
backends:
  a: { plugin: mock-analysis, options: { latency: { type: fixed, ms: 50 } } }
  b: { plugin: mock-analysis, options: { latency: { type: fixed, ms: 50 } } }
topology: { type: fan-out, backends: [a, b], quorum: 1 }
policies: { breaker: { halfOpenAfter: 10s, strategy: { type: consecutive, threshold: 3 } } }
workload: { model: open, rate: 20, arrivals: constant, duration: 1m }
phases: [{ name: b-down, from: 0s, faults: [{ kind: network, error: refused, target: b }] }]`,
      {},
    );
    const result = await runScenario(scenario, { seed: 1 });
    const byBackend = result.breaker.byBackend ?? {};
    expect(Object.keys(byBackend)).toEqual(['b']);
    // Open from the 3rd failure on, re-probed every 10 s: one opening per probe cycle in a minute.
    expect(byBackend.b?.opened).toBeGreaterThanOrEqual(5);
    expect(result.breaker.opened).toBe(0);
    expect(result.availability).toBe(1);
    // b is called 3 times to trip plus one probe per half-open window, a on every request.
    expect(result.backend.byBackend.b).toBeLessThan(15);
    expect(result.backend.byBackend.a).toBe(result.requests.total);
  });
});

describe('open-loop arrivals', () => {
  it('keep the rate exactly on an absolute schedule, even when the gap is not a whole millisecond', async () => {
    const scenario = parseScenario(
      'rate.yaml',
      `name: rate
workload: { model: open, rate: 30, arrivals: constant, duration: 1m }`,
      {},
    );
    const result = await runScenario(scenario, { seed: 1 });
    // 30/s for 60 s; a gap of 33.3 ms rounded to 33 ms per step would give 1819.
    expect(result.requests.total).toBe(1800);
  });
});
