import { mean, sampleStandardDeviation } from 'simple-statistics';
import { roundRatio } from '../metrics/rounding.ts';

/** A figure over seeds: its mean and the 95% t-interval of that mean (equal ends with one seed). */
export interface Spread {
  readonly mean: number;
  readonly low: number;
  readonly high: number;
}

/** Two-sided 97.5% quantiles of Student's t for 1..30 degrees of freedom. */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** t(0.975, df): the table up to 30, then the Cornish–Fisher expansion around the normal's 1.96. */
export function tQuantile975(df: number): number {
  if (df >= 1 && df <= T975.length) return T975[df - 1] as number;
  const z = 1.959964;
  return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df * df);
}

/** Mean and 95% interval of the mean over seeds, rounded so results serialise the same everywhere. */
export function spreadOf(values: readonly number[]): Spread {
  if (values.length === 0) return { mean: 0, low: 0, high: 0 };
  const m = mean([...values]);
  if (values.length === 1) return { mean: round(m), low: round(m), high: round(m) };
  const half =
    (tQuantile975(values.length - 1) * sampleStandardDeviation([...values])) / Math.sqrt(values.length);
  return { mean: round(m), low: round(m - half), high: round(m + half) };
}

function round(value: number): number {
  return roundRatio(value);
}
