import { describe, expect, it } from 'vitest';
import { sampleLatency } from '../../src/faults/latency.ts';
import type { LatencyDistribution } from '../../src/faults/schema.ts';
import { createRng } from '../../src/rng/rng.ts';

const N = 20_000;

function samples(dist: LatencyDistribution, seed = 7): number[] {
  const rng = createRng(seed);
  return Array.from({ length: N }, () => sampleLatency(dist, rng));
}

const mean = (xs: readonly number[]) => xs.reduce((sum, x) => sum + x, 0) / xs.length;
const fractionBelow = (xs: readonly number[], bound: number) =>
  xs.filter((x) => x < bound).length / xs.length;
/** 4 standard errors of a proportion of 0.5 over N draws: how far the median may wander, in probability. */
const HALF_BAND = 4 * Math.sqrt(0.25 / N);

describe('sampleLatency', () => {
  it('fixed returns the value and draws nothing', () => {
    const rng = createRng(3);
    for (let i = 0; i < 10; i++) expect(sampleLatency({ type: 'fixed', ms: 42 }, rng)).toBe(42);
    expect(rng.next()).toBe(createRng(3).next());
  });

  it('uniform stays within its bounds and averages their midpoint', () => {
    const xs = samples({ type: 'uniform', minMs: 100, maxMs: 300 });
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(100);
    expect(Math.max(...xs)).toBeLessThan(300);
    const standardError = 200 / Math.sqrt(12) / Math.sqrt(N);
    expect(Math.abs(mean(xs) - 200)).toBeLessThan(4 * standardError);
  });

  it('normal averages its mean', () => {
    const xs = samples({ type: 'normal', meanMs: 500, stdDevMs: 50 });
    expect(Math.abs(mean(xs) - 500)).toBeLessThan((4 * 50) / Math.sqrt(N));
  });

  it('normal is clamped at 0: mean 0 gives half zeros and E[max(0, X)] = sigma / sqrt(2 pi)', () => {
    const xs = samples({ type: 'normal', meanMs: 0, stdDevMs: 10 });
    expect(Math.min(...xs)).toBe(0);
    expect(Math.abs(xs.filter((x) => x === 0).length / N - 0.5)).toBeLessThan(HALF_BAND);
    const expected = 10 / Math.sqrt(2 * Math.PI);
    // Var[max(0, X)] = sigma^2 (1/2 - 1/(2 pi)) for X ~ N(0, sigma).
    const sd = 10 * Math.sqrt(0.5 - 1 / (2 * Math.PI));
    expect(Math.abs(mean(xs) - expected)).toBeLessThan((4 * sd) / Math.sqrt(N));
  });

  it('lognormal has the given median and mean median * exp(sigma^2 / 2)', () => {
    const sigma = 0.5;
    const xs = samples({ type: 'lognormal', medianMs: 100, sigma });
    expect(Math.min(...xs)).toBeGreaterThan(0);
    expect(Math.abs(fractionBelow(xs, 100) - 0.5)).toBeLessThan(HALF_BAND);
    const expectedMean = 100 * Math.exp(sigma ** 2 / 2);
    const sd = expectedMean * Math.sqrt(Math.exp(sigma ** 2) - 1);
    expect(Math.abs(mean(xs) - expectedMean)).toBeLessThan((4 * sd) / Math.sqrt(N));
  });

  it('pareto never goes below its scale, has mean scale * shape / (shape - 1) and median scale * 2^(1/shape)', () => {
    const scale = 20;
    const shape = 4;
    const xs = samples({ type: 'pareto', scaleMs: scale, shape });
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(scale);
    const expectedMean = (scale * shape) / (shape - 1);
    const sd = scale * Math.sqrt(shape / ((shape - 1) ** 2 * (shape - 2)));
    expect(Math.abs(mean(xs) - expectedMean)).toBeLessThan((4 * sd) / Math.sqrt(N));
    expect(Math.abs(fractionBelow(xs, scale * 2 ** (1 / shape)) - 0.5)).toBeLessThan(HALF_BAND);
  });
});
