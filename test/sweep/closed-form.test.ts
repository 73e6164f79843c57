import { describe, expect, it } from 'vitest';
import { scenarioFile, sweepFile } from './sweep-fixture.ts';

/**
 * Independent failures with probability p and up to k attempts: a request fails only when all k fail,
 * so availability is 1 − p^k and it makes 1 + p + … + p^(k−1) = (1 − p^k)/(1 − p) backend calls. The
 * sweep over k must recommend the smallest k with 1 − p^k ≥ A, and its cost interval must hold the
 * exact value. Each (p, A) is chosen with the neighbouring k's availability several standard errors
 * away from A (4000 requests a run), so the answer is the closed form's and not sampling luck.
 */
const CASES = [
  { p: 0.5, A: 0.9 },
  { p: 0.3, A: 0.95 },
  { p: 0.1, A: 0.995 },
  { p: 0.1, A: 0.95 },
] as const;

const smallestK = (p: number, A: number) => {
  let k = 1;
  while (1 - p ** k < A) k++;
  return k;
};

const scenario = (p: number, A: number) => `name: independent-failures
backends: { primary: { plugin: mock-analysis, options: { latency: { type: fixed, ms: 20 } } } }
policies: { retry: { maxAttempts: 1, backoff: { type: constant, delay: 0ms } } }
workload: { model: open, rate: 40, duration: 100s, mix: [{ endpoint: /api/health }] }
phases: [{ name: all, from: 0s, faults: [{ kind: error, status: 503, rate: ${p} }] }]
hypotheses: [{ name: available, metric: availability, op: ">=", value: ${A} }]
`;

describe('sweep on a closed-form case', () => {
  it.each(CASES)(
    'p = $p, A = $A: the smallest k with 1 − p^k ≥ A, at cost (1 − p^k)/(1 − p)',
    async ({ p, A }) => {
      const file = scenarioFile('closed-form', scenario(p, A));
      const { report } = await sweepFile(file, {
        vary: ['policies.retry.maxAttempts=1..5'],
        seeds: 5,
        baseSeed: 11,
      });
      const k = smallestK(p, A);
      expect(report.recommendation.found).toBe(true);
      if (!report.recommendation.found) return;
      const best = report.variants[report.recommendation.variant];
      expect(best?.variant['policies.retry.maxAttempts']).toBe(k);
      const expectedCost = (1 - p ** k) / (1 - p);
      expect(best?.cost.low).toBeLessThanOrEqual(expectedCost);
      expect(best?.cost.high).toBeGreaterThanOrEqual(expectedCost);
      // One fewer attempt falls short in (almost) every seed; the availability interval holds 1 − p^k.
      const fewer = report.variants.find((v) => v.variant['policies.retry.maxAttempts'] === k - 1);
      if (fewer) expect(fewer.passShare).toBeLessThan(report.plan.minPassShare);
      expect(best?.figures.availability.low).toBeLessThanOrEqual(1 - p ** k);
      expect(best?.figures.availability.high).toBeGreaterThanOrEqual(1 - p ** k);
    },
  );

  it('says no variant meets the hypotheses when none does, naming the closest', async () => {
    const file = scenarioFile('closed-form', scenario(0.5, 0.999));
    const { report } = await sweepFile(file, {
      vary: ['policies.retry.maxAttempts=1..3'],
      seeds: 2,
      baseSeed: 11,
    });
    expect(report.recommendation).toEqual({ found: false, closest: expect.any(Array) });
    if (report.recommendation.found) return;
    // 3 attempts comes closest (availability 0.875), and it is named first.
    expect(report.variants[report.recommendation.closest[0] as number]?.variant).toEqual({
      'policies.retry.maxAttempts': 3,
    });
  });
});
