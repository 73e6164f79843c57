import { median as ssMedian } from 'simple-statistics';

/** The median of a bench's samples (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  return ssMedian([...values]);
}
