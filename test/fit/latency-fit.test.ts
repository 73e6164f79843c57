import { describe, expect, it } from 'vitest';
import { sampleLatency } from '../../src/faults/latency.ts';
import type { LatencyDistribution } from '../../src/faults/schema.ts';
import { fitLatency } from '../../src/fit/latency-fit.ts';
import { createRng } from '../../src/rng/rng.ts';

const N = 5000;

function draw(dist: LatencyDistribution, seed: number): number[] {
  const rng = createRng(seed);
  return Array.from({ length: N }, () => sampleLatency(dist, rng));
}

/**
 * Tolerances at n = 5,000, each a few standard errors of the MLE: location parameters within 2%,
 * spread and shape parameters within 5%, uniform bounds within 1% of the width.
 */
const CASES: readonly [LatencyDistribution, (fit: LatencyDistribution) => void][] = [
  [{ type: 'fixed', ms: 120 }, (fit) => expect(fit).toEqual({ type: 'fixed', ms: 120 })],
  [
    { type: 'uniform', minMs: 50, maxMs: 150 },
    (fit) => {
      if (fit.type !== 'uniform') throw new Error(fit.type);
      expect(Math.abs(fit.minMs - 50)).toBeLessThan(1);
      expect(Math.abs(fit.maxMs - 150)).toBeLessThan(1);
    },
  ],
  [
    { type: 'normal', meanMs: 200, stdDevMs: 30 },
    (fit) => {
      if (fit.type !== 'normal') throw new Error(fit.type);
      expect(Math.abs(fit.meanMs / 200 - 1)).toBeLessThan(0.02);
      expect(Math.abs(fit.stdDevMs / 30 - 1)).toBeLessThan(0.05);
    },
  ],
  [
    { type: 'lognormal', medianMs: 80, sigma: 0.5 },
    (fit) => {
      if (fit.type !== 'lognormal') throw new Error(fit.type);
      expect(Math.abs(fit.medianMs / 80 - 1)).toBeLessThan(0.02);
      expect(Math.abs(fit.sigma / 0.5 - 1)).toBeLessThan(0.05);
    },
  ],
  [
    { type: 'pareto', scaleMs: 40, shape: 2.5 },
    (fit) => {
      if (fit.type !== 'pareto') throw new Error(fit.type);
      expect(Math.abs(fit.scaleMs / 40 - 1)).toBeLessThan(0.02);
      expect(Math.abs(fit.shape / 2.5 - 1)).toBeLessThan(0.05);
    },
  ],
];

describe('fitLatency', () => {
  for (const [truth, check] of CASES) {
    it(`recovers ${truth.type} from ${N} samples (right kind, parameters in tolerance, small KS)`, () => {
      for (const seed of [1, 2, 3]) {
        const fit = fitLatency(draw(truth, seed));
        expect(fit?.best.distribution.type).toBe(truth.type);
        check(fit?.best.distribution ?? truth);
        // Critical KS distance at 5% for n = 5000 is 1.36 / sqrt(n) ≈ 0.019.
        expect(fit?.best.ks).toBeLessThan(0.019);
      }
    });
  }

  it('ranks a wrong kind worse and shows it in the KS distance', () => {
    const fit = fitLatency(draw({ type: 'lognormal', medianMs: 80, sigma: 0.8 }, 9));
    const normal = fit?.candidates.find((c) => c.distribution.type === 'normal');
    expect(normal?.bic).toBeGreaterThan(fit?.best.bic ?? 0);
    expect(normal?.ks).toBeGreaterThan(0.1);
  });

  it('gives no fit on too few samples', () => {
    expect(fitLatency([1, 2, 3])).toBeUndefined();
  });
});
