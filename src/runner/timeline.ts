/** Timeline resolution: about 120 buckets over the run, never finer than 100 ms. */
export function timelineBucketMs(durationMs: number | undefined, requests: number | undefined): number {
  const span = durationMs ?? (requests ?? 1000) * 10;
  return Math.max(100, Math.ceil(span / 120));
}
