/**
 * Every number a result reports goes through here, so equal runs print byte-identical JSON and tiny
 * floating-point noise never shows up as a difference between two reports.
 */

/** Milliseconds to 3 decimals (microsecond precision). */
export function roundMs(ms: number): number {
  return Math.round(ms * 1_000) / 1_000;
}

/** Ratios and rates to 6 decimals. */
export function roundRatio(value: number): number {
  return Math.round(value * 1_000_000) / 1_000_000;
}

/** part / whole, rounded; `whenEmpty` when there is nothing to divide (no requests, no lookups). */
export function ratio(part: number, whole: number, whenEmpty: number): number {
  return whole > 0 ? roundRatio(part / whole) : whenEmpty;
}
