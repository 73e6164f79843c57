import type { TimelineBucket } from '../report/result.ts';
import { LatencyHistogram } from './latency-histogram.ts';
import type { RequestRecord } from './recorder.ts';
import { roundMs } from './rounding.ts';

/** Enough points to draw a run; beyond this, buckets merge pairwise so memory stays bounded. */
export const MAX_TIMELINE_BUCKETS = 300;
/** A reported timeline has at most this many slices of the run's actual length (so 61 to 120 once it is long). */
export const REPORTED_TIMELINE_BUCKETS = 120;

class Bucket {
  requests = 0;
  succeeded = 0;
  fellBack = 0;
  failed = 0;
  backendCalls = 0;
  /** Created on the first request only: most buckets of a sparse run never need one. */
  latency: LatencyHistogram | undefined;

  addRequest(record: RequestRecord): void {
    this.requests++;
    if (record.kind === 'succeeded') this.succeeded++;
    else if (record.kind === 'fell-back') this.fellBack++;
    else this.failed++;
    this.latency ??= new LatencyHistogram({ significantDigits: 2 });
    this.latency.record(record.endedAtMs - record.startedAtMs);
  }

  merge(other: Bucket): void {
    this.requests += other.requests;
    this.succeeded += other.succeeded;
    this.fellBack += other.fellBack;
    this.failed += other.failed;
    this.backendCalls += other.backendCalls;
    if (other.latency) {
      this.latency ??= new LatencyHistogram({ significantDigits: 2 });
      this.latency.merge(other.latency);
    }
  }

  toJSON(startMs: number): TimelineBucket {
    return {
      startMs: roundMs(startMs),
      requests: this.requests,
      succeeded: this.succeeded,
      fellBack: this.fellBack,
      failed: this.failed,
      backendCalls: this.backendCalls,
      p50: this.latency?.percentileMs(50) ?? 0,
      p99: this.latency?.percentileMs(99) ?? 0,
    };
  }
}

/**
 * Counts and low-precision latency per fixed slice of time. A request lands in the bucket where it
 * started; a backend call in the bucket where it was made. When the run outlasts MAX_TIMELINE_BUCKETS
 * slices, neighbouring buckets merge and the slice width doubles.
 */
export class TimelineBuckets {
  #bucketMs: number;
  #buckets: (Bucket | undefined)[] = [];

  constructor(bucketMs: number) {
    if (!(bucketMs > 0) || !Number.isFinite(bucketMs)) {
      throw new RangeError(`timeline bucketMs must be a positive number of ms (got ${bucketMs})`);
    }
    this.#bucketMs = bucketMs;
  }

  get bucketMs(): number {
    return this.#bucketMs;
  }

  /** Buckets allocated so far; never more than MAX_TIMELINE_BUCKETS. */
  get allocated(): number {
    return this.#buckets.length;
  }

  get footprintBytes(): number {
    return this.#buckets.reduce((sum, bucket) => sum + (bucket?.latency?.footprintBytes ?? 0), 0);
  }

  requestEnded(record: RequestRecord): void {
    this.#bucketAt(record.startedAtMs).addRequest(record);
  }

  backendCall(atMs: number): void {
    this.#bucketAt(atMs).backendCalls++;
  }

  /**
   * Every slice from 0 to `endMs` (empty ones included, so the timeline has no gaps), widened until the
   * run's actual length takes at most REPORTED_TIMELINE_BUCKETS of them.
   */
  toJSON(endMs: number): { bucketMs: number; buckets: TimelineBucket[] } {
    while (this.#sliceCount(endMs) > REPORTED_TIMELINE_BUCKETS) this.#coarsen();
    const count = Math.max(this.#sliceCount(endMs), this.#buckets.length);
    const buckets: TimelineBucket[] = [];
    for (let i = 0; i < count; i++) {
      buckets.push((this.#buckets[i] ?? new Bucket()).toJSON(i * this.#bucketMs));
    }
    return { bucketMs: roundMs(this.#bucketMs), buckets };
  }

  #sliceCount(endMs: number): number {
    return Math.ceil(Math.max(0, endMs) / this.#bucketMs);
  }

  #bucketAt(atMs: number): Bucket {
    let index = Math.floor(Math.max(0, atMs) / this.#bucketMs);
    while (index >= MAX_TIMELINE_BUCKETS) {
      this.#coarsen();
      index = Math.floor(index / 2);
    }
    let bucket = this.#buckets[index];
    if (!bucket) {
      while (this.#buckets.length < index) this.#buckets.push(undefined);
      bucket = new Bucket();
      this.#buckets[index] = bucket;
    }
    return bucket;
  }

  /** Halves the resolution: bucket i absorbs buckets 2i and 2i+1 (the first of them is kept and grows). */
  #coarsen(): void {
    const merged: (Bucket | undefined)[] = [];
    this.#buckets.forEach((bucket, i) => {
      if (!bucket) return;
      const target = merged[i >> 1];
      if (target) target.merge(bucket);
      else merged[i >> 1] = bucket;
    });
    this.#buckets = merged;
    this.#bucketMs *= 2;
  }
}
