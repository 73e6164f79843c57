import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleLatency } from '../../src/faults/latency.ts';
import type { LatencyDistribution } from '../../src/faults/schema.ts';
import { fitFile } from '../../src/fit/fit-file.ts';
import { fitRecording } from '../../src/fit/fit-recording.ts';
import { routeTemplate } from '../../src/fit/route-template.ts';
import type { Exchange } from '../../src/record/exchange.ts';
import { exponential } from '../../src/rng/distributions.ts';
import { createRng } from '../../src/rng/rng.ts';
import { loadScenarioFile } from '../../src/scenario/load-scenario.ts';

const LATENCY: LatencyDistribution = { type: 'lognormal', medianMs: 60, sigma: 0.4 };
const OUTAGE = { fromMs: 240_000, toMs: 330_000, share: 0.6 };

/** 20 req/s for 10 minutes, Poisson arrivals; during the outage 60% of requests get a 503 with Retry-After. */
function synthetic(seed: number, outage = true): Exchange[] {
  const rng = createRng(seed);
  const out: Exchange[] = [];
  for (let t = 0; t < 600_000; t += exponential(rng, 50)) {
    const down = outage && t >= OUTAGE.fromMs && t < OUTAGE.toMs && rng.chance(OUTAGE.share);
    const route = rng.next() < 0.7 ? `/api/items/${Math.floor(rng.next() * 1000)}` : '/api/search';
    out.push(
      down
        ? { startedMs: t, method: 'GET', path: route, status: 503, durationMs: 2, retryAfterMs: 5000 }
        : { startedMs: t, method: 'GET', path: route, status: 200, durationMs: sampleLatency(LATENCY, rng) },
    );
  }
  return out;
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'faultline-fit-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('fitRecording', () => {
  it('finds an injected outage as a phase whose start and end are within one window of the truth', () => {
    for (const seed of [1, 2, 3]) {
      const fit = fitRecording(synthetic(seed), { windowMs: 5000 });
      expect(fit.phases).toHaveLength(3);
      const outage = fit.phases[1];
      expect(Math.abs((outage?.fromMs ?? 0) - OUTAGE.fromMs)).toBeLessThanOrEqual(5000);
      expect(Math.abs((outage?.toMs ?? 0) - OUTAGE.toMs)).toBeLessThanOrEqual(5000);
      const items = outage?.routes.find((r) => r.template === '/api/items/{id}');
      const status = items?.failures.find((f) => f.kind === 'status');
      expect(status?.kind === 'status' && status.status).toBe(503);
      expect(Math.abs((status?.share ?? 0) - OUTAGE.share)).toBeLessThan(0.05);
      expect(status?.kind === 'status' && status.retryAfterMs).toBe(5000);
    }
  });

  it('keeps steady traffic in one phase', () => {
    for (const seed of [4, 5, 6]) {
      expect(fitRecording(synthetic(seed, false)).phases).toHaveLength(1);
    }
  });

  it('turns refused and reset connections into network faults of their own', async () => {
    const base = synthetic(9, false).filter((e) => e.path === '/api/search');
    const recording = base.map(
      (e, i): Exchange =>
        i % 10 === 0
          ? { ...e, status: 0, failure: 'refused' }
          : i % 25 === 1
            ? { ...e, status: 502, failure: 'reset' }
            : e,
    );
    const fit = fitRecording(recording);
    expect(
      fit.routes[0]?.failures.map((f) => [
        f.kind,
        f.kind === 'network' ? f.error : '',
        Math.round(f.share * 100),
      ]),
    ).toEqual([
      ['network', 'reset', 4],
      ['network', 'refused', 10],
    ]);
  });

  it('measures the arrival rate, the mix and each route’s latency', () => {
    const fit = fitRecording(synthetic(7, false));
    expect(Math.abs(fit.arrivalRate / 20 - 1)).toBeLessThan(0.03);
    expect(Math.abs(fit.interArrivalCv - 1)).toBeLessThan(0.05);
    expect(fit.routes.map((r) => r.template)).toEqual(['/api/items/{id}', '/api/search']);
    expect(Math.abs((fit.routes[0]?.requests ?? 0) / fit.requests - 0.7)).toBeLessThan(0.02);
    for (const route of fit.routes) expect(route.latency?.best.distribution.type).toBe('lognormal');
  });
});

describe('fitFile', () => {
  it('writes a scenario the loader accepts, with the outage’s faults in its own phase', async () => {
    const file = join(dir, 'outage.jsonl');
    const epoch = Date.parse('2026-03-01T10:00:00.000Z');
    const lines = synthetic(8).map((e) =>
      JSON.stringify({
        time: epoch + e.startedMs,
        method: e.method,
        path: e.path,
        status: e.status,
        durationMs: e.durationMs,
        ...(e.retryAfterMs ? { retryAfter: String(e.retryAfterMs / 1000) } : {}),
      }),
    );
    await writeFile(file, `${lines.join('\n')}\n`);
    const fitted = await fitFile(file, { windowMs: 5000 });
    const yamlFile = join(dir, 'outage.scenario.yaml');
    await writeFile(yamlFile, fitted.yaml);
    const { scenario } = await loadScenarioFile(yamlFile);
    expect(scenario.phases.map((p) => p.faults.map((f) => f.kind))).toEqual([
      ['latency', 'latency'],
      ['latency', 'error', 'latency', 'error'],
      ['latency', 'latency'],
    ]);
    const error = scenario.phases[1]?.faults.find((f) => f.kind === 'error');
    expect(error).toMatchObject({ status: 503, retryAfter: 5000, routes: ['/api/items/{id}'] });
    expect(scenario.workload).toMatchObject({ model: 'open', arrivals: 'poisson' });
    expect(fitted.yaml).toMatch(/# GET \/api\/search: lognormal by BIC, KS 0\.0\d\d/);
    expect(fitted.report).toContain('| **lognormal** |');
  });
});

describe('routeTemplate', () => {
  it('folds ids into {id} and keeps words', () => {
    expect(routeTemplate('/users/42/orders/3f2a9c1b0d')).toBe('/users/{id}/orders/{id}');
    expect(routeTemplate('/a/123e4567-e89b-12d3-a456-426614174000')).toBe('/a/{id}');
    expect(routeTemplate('/api/detect-fallacies')).toBe('/api/detect-fallacies');
  });
});
