import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LatencyHistogram } from '../../src/metrics/latency-histogram.ts';
import { lognormal } from '../../src/rng/distributions.ts';
import { createRng } from '../../src/rng/rng.ts';

/** Nearest-rank percentile over the raw values: the reference HDR approximates. */
function referencePercentile(sorted: readonly number[], percentile: number): number {
  // Integer arithmetic for the rank: (99.9 / 100) * 20000 is 19980.000000000004 in floating point.
  const rank = Math.max(1, Math.ceil((Math.round(percentile * 1000) * sorted.length) / 100_000));
  return sorted[rank - 1] ?? Number.NaN;
}

function sample(seed: number, n: number): number[] {
  const rng = createRng(seed);
  // Median 20 ms with a heavy tail, plus sub-millisecond values that a ms-integer histogram would lose.
  return Array.from({ length: n }, (_, i) => (i % 10 === 0 ? rng.next() : lognormal(rng, 20, 1.2)));
}

describe('LatencyHistogram', () => {
  // 3 significant digits: HDR buckets are at most 1/1024 of the value wide; +0.001 ms for µs and 3-decimal rounding.
  it.each([1, 2, 3, 42, 1234])(
    'percentiles match a sorted-array reference within HDR precision (seed %i)',
    (seed) => {
      const values = sample(seed, 20_000);
      const histogram = new LatencyHistogram({ significantDigits: 3 });
      for (const value of values) histogram.record(value);
      const sorted = [...values].sort((a, b) => a - b);
      for (const percentile of [1, 10, 50, 75, 90, 99, 99.9]) {
        const expected = referencePercentile(sorted, percentile);
        const actual = histogram.percentileMs(percentile);
        expect(Math.abs(actual - expected)).toBeLessThanOrEqual(expected / 1024 + 0.001);
      }
    },
  );

  it('reports max exactly and the mean of the recorded values', () => {
    const values = sample(7, 5_000);
    const histogram = new LatencyHistogram({ significantDigits: 3 });
    for (const value of values) histogram.record(value);
    const summary = histogram.summary();
    expect(summary.max).toBeCloseTo(Math.max(...values), 3);
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(Math.abs(summary.mean - mean)).toBeLessThanOrEqual(0.001);
    expect(summary.p99).toBeLessThanOrEqual(summary.max);
    expect(histogram.count).toBe(5_000);
  });

  it('keeps sub-millisecond latencies apart (microsecond storage)', () => {
    const histogram = new LatencyHistogram({ significantDigits: 3 });
    for (let i = 0; i < 50; i++) histogram.record(0.2);
    for (let i = 0; i < 50; i++) histogram.record(0.7);
    expect(histogram.percentileMs(50)).toBe(0.2);
    expect(histogram.percentileMs(51)).toBe(0.7);
  });

  it('reports exact percentiles while there are few distinct latencies (fixed simulated latencies)', () => {
    const histogram = new LatencyHistogram({ significantDigits: 3 });
    for (let i = 0; i < 95; i++) histogram.record(100);
    for (let i = 0; i < 5; i++) histogram.record(1_234.567);
    // HDR alone reports the top of each value's bucket (100.031, 1234.943).
    expect(histogram.summary()).toEqual({
      p50: 100,
      p90: 100,
      p95: 100,
      p99: 1_234.567,
      max: 1_234.567,
      mean: 156.728,
    });
  });

  it('reports zeros when nothing was recorded', () => {
    expect(new LatencyHistogram({ significantDigits: 2 }).summary()).toEqual({
      p50: 0,
      p90: 0,
      p95: 0,
      p99: 0,
      max: 0,
      mean: 0,
    });
  });

  it('merging two histograms equals recording every value into one', () => {
    const values = sample(11, 4_000);
    const whole = new LatencyHistogram({ significantDigits: 2 });
    const left = new LatencyHistogram({ significantDigits: 2 });
    const right = new LatencyHistogram({ significantDigits: 2 });
    values.forEach((value, i) => {
      whole.record(value);
      (i % 2 === 0 ? left : right).record(value);
    });
    left.merge(right);
    expect(left.count).toBe(4_000);
    expect(left.summary()).toEqual(whole.summary());
  });

  it('2 significant digits stay within 1/128 of the value', () => {
    const values = sample(5, 10_000);
    const histogram = new LatencyHistogram({ significantDigits: 2 });
    for (const value of values) histogram.record(value);
    const sorted = [...values].sort((a, b) => a - b);
    for (const percentile of [50, 99]) {
      const expected = referencePercentile(sorted, percentile);
      expect(Math.abs(histogram.percentileMs(percentile) - expected)).toBeLessThanOrEqual(
        expected / 128 + 0.001,
      );
    }
  });
});

describe('LatencyHistogram built lazily', () => {
  it('keeps few distinct values without HDR counts, and builds them when the values outgrow the exact ones', () => {
    const few = new LatencyHistogram({ significantDigits: 2 });
    for (let i = 0; i < 1000; i++) few.record(100 + (i % 8));
    // Eight distinct values: eight exact entries, no counts array.
    expect(few.footprintBytes).toBe(8 * 32);
    const many = new LatencyHistogram({ significantDigits: 2 });
    for (let i = 0; i < 1000; i++) many.record(100 + i / 10);
    expect(many.footprintBytes).toBeGreaterThan(1000);
  });

  it('merges to the very summary of recording every value into one, whichever side holds HDR counts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 5000, noNaN: true }), { maxLength: 300 }),
        fc.array(fc.double({ min: 0, max: 5000, noNaN: true }), { maxLength: 300 }),
        fc.integer({ min: 1, max: 40 }),
        (left, right, distinct) => {
          // Rounded onto `distinct` values, so some sides stay exact and some outgrow it.
          const onto = (values: number[]) => values.map((v) => Math.round(v % distinct));
          const [a, b] = [onto(left), onto(right)];
          const one = new LatencyHistogram({ significantDigits: 2 });
          for (const v of [...a, ...b]) one.record(v);
          const l = new LatencyHistogram({ significantDigits: 2 });
          const r = new LatencyHistogram({ significantDigits: 2 });
          for (const v of a) l.record(v);
          for (const v of b) r.record(v);
          l.merge(r);
          expect(l.summary()).toEqual(one.summary());
          expect(l.count).toBe(one.count);
        },
      ),
    );
  });
});
