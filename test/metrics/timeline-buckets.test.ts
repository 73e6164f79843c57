import { describe, expect, it } from 'vitest';
import type { RequestRecord } from '../../src/metrics/recorder.ts';
import { MAX_TIMELINE_BUCKETS, TimelineBuckets } from '../../src/metrics/timeline-buckets.ts';

const ok = (startedAtMs: number, latencyMs = 10): RequestRecord => ({
  startedAtMs,
  endedAtMs: startedAtMs + latencyMs,
  kind: 'succeeded',
});

describe('TimelineBuckets', () => {
  it('puts a request in the slice where it started and a backend call in the slice where it happened', () => {
    const timeline = new TimelineBuckets(100);
    timeline.requestEnded(ok(99, 500));
    timeline.requestEnded({ startedAtMs: 100, endedAtMs: 150, kind: 'failed', code: 'TIMEOUT' });
    timeline.requestEnded({ startedAtMs: 250, endedAtMs: 260, kind: 'fell-back' });
    timeline.backendCall(199);
    const { bucketMs, buckets } = timeline.toJSON(400);
    expect(bucketMs).toBe(100);
    expect(
      buckets.map((b) => [b.startMs, b.requests, b.succeeded, b.failed, b.fellBack, b.backendCalls]),
    ).toEqual([
      [0, 1, 1, 0, 0, 0],
      [100, 1, 0, 1, 0, 1],
      [200, 1, 0, 0, 1, 0],
      [300, 0, 0, 0, 0, 0],
    ]);
    expect(buckets[0]).toMatchObject({ p50: 500, p99: 500 });
    expect(buckets[3]).toMatchObject({ p50: 0, p99: 0 });
  });

  it('merges neighbours and doubles the slice when a run outgrows the bucket limit, keeping every count', () => {
    const timeline = new TimelineBuckets(10);
    // One request every 10 ms for 10 s: 1000 slices of 10 ms, too many; the report's limit of 120 takes 160 ms (63).
    for (let t = 0; t < 10_000; t += 10) timeline.requestEnded(ok(t));
    expect(timeline.allocated).toBeLessThanOrEqual(MAX_TIMELINE_BUCKETS);
    const { bucketMs, buckets } = timeline.toJSON(10_000);
    expect(bucketMs).toBe(160);
    expect(buckets).toHaveLength(63);
    expect(buckets.slice(0, -1).every((b) => b.requests === 16)).toBe(true);
    expect(buckets.reduce((sum, b) => sum + b.requests, 0)).toBe(1000);
    expect(buckets.map((b) => b.startMs).slice(0, 3)).toEqual([0, 160, 320]);
  });

  it('coarsens at output when the run is longer than the limit allows, even with no data late on', () => {
    const timeline = new TimelineBuckets(100);
    timeline.requestEnded(ok(50));
    const { bucketMs, buckets } = timeline.toJSON(100_000);
    expect(bucketMs).toBe(1_600);
    expect(buckets).toHaveLength(63);
    expect(buckets[0]?.requests).toBe(1);
  });

  it('rejects a slice width that is not a positive number', () => {
    expect(() => new TimelineBuckets(0)).toThrow(/bucketMs/);
    expect(() => new TimelineBuckets(Number.NaN)).toThrow(/bucketMs/);
  });
});
