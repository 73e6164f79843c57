import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/runner/run-scenario.ts';
import { scenarioSchema } from '../../src/scenario/schema.ts';

const REQUESTS = 4000;

/** Attempts per request when each fails independently with probability p, at most k: a truncated geometric. */
function attemptsMoments(p: number, k: number): { mean: number; variance: number } {
  let mean = 0;
  let square = 0;
  for (let j = 1; j <= k; j++) {
    const probability = j < k ? p ** (j - 1) * (1 - p) : p ** (k - 1);
    mean += j * probability;
    square += j * j * probability;
  }
  return { mean, variance: square - mean * mean };
}

/**
 * Independent failures with probability p (a 503 fault at rate p), retried up to k attempts in all, no
 * breaker, no fallback: availability = 1 − p^k and backend calls per request = Σ_{j<k} p^j. Tolerance:
 * 4 standard errors of each sample mean over 4,000 requests (binomial for availability, the truncated
 * geometric's exact variance for calls per request).
 */
describe('availability with independent failures and k attempts against 1 − p^k', () => {
  for (const p of [0.1, 0.3, 0.5]) {
    for (const k of [1, 2, 4]) {
      it(`p = ${p}, k = ${k}`, async () => {
        const scenario = scenarioSchema.parse({
          name: 'availability',
          backends: { primary: { plugin: 'mock-analysis', options: { latency: { type: 'fixed', ms: 5 } } } },
          policies: k > 1 ? { retry: { maxAttempts: k, backoff: { type: 'constant', delay: '1ms' } } } : {},
          workload: { model: 'closed', clients: 4, requests: REQUESTS },
          phases: [{ name: 'flaky', from: 0, faults: [{ kind: 'error', status: 503, rate: p }] }],
        });
        const result = await runScenario(scenario, { seed: 17 });
        expect(result.requests.total).toBe(REQUESTS);
        expect(result.requests.succeeded + result.requests.failed).toBe(REQUESTS);

        const availability = 1 - p ** k;
        const availabilitySe = Math.sqrt((availability * (1 - availability)) / REQUESTS);
        expect(Math.abs(result.availability - availability)).toBeLessThanOrEqual(4 * availabilitySe + 1e-9);

        const attempts = attemptsMoments(p, k);
        expect(Math.abs(attempts.mean - (1 - p ** k) / (1 - p))).toBeLessThan(1e-12);
        const attemptsSe = Math.sqrt(attempts.variance / REQUESTS);
        expect(Math.abs(result.backend.callsPerRequest - attempts.mean)).toBeLessThanOrEqual(
          4 * attemptsSe + 0.005,
        );
      });
    }
  }
});
