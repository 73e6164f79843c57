import { describe, expect, it } from 'vitest';
import { ExactValues } from '../../src/metrics/exact-values.ts';

describe('ExactValues', () => {
  it('gives nearest-rank percentiles over the recorded counts', () => {
    const values = new ExactValues(10);
    values.record(30, 2);
    values.record(10, 5);
    values.record(20, 3);
    // Sorted: 10×5, 20×3, 30×2.
    expect([0, 50, 51, 80, 81, 100].map((p) => values.percentile(p, 10))).toEqual([10, 10, 20, 20, 30, 30]);
  });

  it('refuses a new value beyond the limit but still counts known ones', () => {
    const values = new ExactValues(2);
    expect(values.record(1)).toBe(true);
    expect(values.record(2)).toBe(true);
    expect(values.record(1)).toBe(true);
    expect(values.record(3)).toBe(false);
    expect(values.size).toBe(2);
  });

  it('merges while the union fits and reports when it does not', () => {
    const left = new ExactValues(3);
    const right = new ExactValues(3);
    left.record(1);
    right.record(1);
    right.record(2);
    expect(left.merge(right)).toBe(true);
    expect(left.percentile(100, 3)).toBe(2);
    expect(left.percentile(50, 3)).toBe(1);
    const wide = new ExactValues(3);
    for (const value of [7, 8, 9]) wide.record(value);
    expect(left.merge(wide)).toBe(false);
  });
});
