import { build, type Histogram } from 'hdr-histogram-js';
import type { LatencySummary } from '../report/result.ts';
import { roundMs } from './rounding.ts';

/** Latencies are stored as integer microseconds so sub-millisecond virtual latencies keep their precision. */
const MICROS_PER_MS = 1_000;

export interface LatencyHistogramOptions {
  /** 3 for whole-run and phase figures (0.1% value error); 2 for timeline buckets, which are many. */
  readonly significantDigits: 2 | 3;
}

const EMPTY_SUMMARY: LatencySummary = { p50: 0, p90: 0, p99: 0, max: 0, mean: 0 };

/**
 * An HDR histogram of latencies: fixed memory whatever the number of values (it grows only with the
 * largest value seen). Max and mean are tracked exactly beside it; percentiles carry HDR's relative
 * error (at most 1/2^(digits·log2 10) of the value) and are never reported above the exact max.
 */
export class LatencyHistogram {
  readonly #histogram: Histogram;
  #count = 0;
  #sumMicros = 0;
  #maxMicros = 0;

  constructor(options: LatencyHistogramOptions) {
    this.#histogram = build({
      // 64-bit (float) counts stay exact to 2^53 per value bucket; 32-bit would silently wrap at 2^31.
      bitBucketSize: options.significantDigits === 3 ? 64 : 32,
      numberOfSignificantValueDigits: options.significantDigits,
      lowestDiscernibleValue: 1,
      // One second to start with; autoResize widens the range (memory grows with log(max), not with count).
      highestTrackableValue: 1_000 * MICROS_PER_MS,
      autoResize: true,
      useWebAssembly: false,
    });
  }

  get count(): number {
    return this.#count;
  }

  /** Memory the counts occupy; depends on the value range, never on how many values were recorded. */
  get footprintBytes(): number {
    return this.#histogram.estimatedFootprintInBytes;
  }

  record(latencyMs: number): void {
    const micros = Math.max(0, Math.round(latencyMs * MICROS_PER_MS));
    this.#histogram.recordValue(micros);
    this.#count++;
    this.#sumMicros += micros;
    if (micros > this.#maxMicros) this.#maxMicros = micros;
  }

  /** Adds another histogram's values to this one (timeline buckets merging into coarser ones). */
  merge(other: LatencyHistogram): void {
    if (other.#count === 0) return;
    this.#histogram.add(other.#histogram);
    this.#count += other.#count;
    this.#sumMicros += other.#sumMicros;
    if (other.#maxMicros > this.#maxMicros) this.#maxMicros = other.#maxMicros;
  }

  /** Value at a percentile (0–100), in ms; 0 when empty. */
  percentileMs(percentile: number): number {
    if (this.#count === 0) return 0;
    const micros = Math.min(this.#histogram.getValueAtPercentile(percentile), this.#maxMicros);
    return roundMs(micros / MICROS_PER_MS);
  }

  summary(): LatencySummary {
    if (this.#count === 0) return EMPTY_SUMMARY;
    return {
      p50: this.percentileMs(50),
      p90: this.percentileMs(90),
      p99: this.percentileMs(99),
      max: roundMs(this.#maxMicros / MICROS_PER_MS),
      mean: roundMs(this.#sumMicros / this.#count / MICROS_PER_MS),
    };
  }
}
