import { build, type Histogram } from 'hdr-histogram-js';
import type { LatencySummary } from '../report/result.ts';
import { ExactValues } from './exact-values.ts';
import { roundMs } from './rounding.ts';

/** Latencies are stored as integer microseconds so sub-millisecond virtual latencies keep their precision. */
const MICROS_PER_MS = 1_000;

export interface LatencyHistogramOptions {
  /** 3 for whole-run and phase figures (0.1% value error); 2 for timeline buckets, which are many. */
  readonly significantDigits: 2 | 3;
}

/** Distinct values kept exactly before relying on HDR alone; small for the many timeline buckets. */
const EXACT_LIMIT = { 2: 32, 3: 512 } as const;
/** Rough bytes per Map entry, for the footprint estimate. */
const EXACT_ENTRY_BYTES = 32;

const EMPTY_SUMMARY: LatencySummary = { p50: 0, p90: 0, p95: 0, p99: 0, max: 0, mean: 0 };

/**
 * An HDR histogram of latencies: fixed memory whatever the number of values (it grows only with the
 * largest value seen). Max and mean are tracked exactly beside it. Percentiles are exact while there
 * are few distinct values, then carry HDR's relative error (under 1/1024 of the value with 3 digits,
 * 1/128 with 2) and are never reported above the exact max. The HDR counts are built only once the
 * distinct values outgrow the exact ones: most timeline buckets never need them, and building one (a
 * counts array of thousands of slots) was what a long run's timeline cost.
 */
export class LatencyHistogram {
  readonly #significantDigits: 2 | 3;
  /** Every value so far, once the exact counts were not enough; undefined until then. */
  #histogram: Histogram | undefined;
  #count = 0;
  #sumMicros = 0;
  #maxMicros = 0;
  /** Every value so far while there are few distinct ones; undefined once the HDR counts hold them. */
  #exact: ExactValues | undefined;

  constructor(options: LatencyHistogramOptions) {
    this.#significantDigits = options.significantDigits;
    this.#exact = new ExactValues(EXACT_LIMIT[options.significantDigits]);
  }

  get count(): number {
    return this.#count;
  }

  /** Memory the counts occupy; depends on the value range, never on how many values were recorded. */
  get footprintBytes(): number {
    return (this.#histogram?.estimatedFootprintInBytes ?? 0) + (this.#exact?.size ?? 0) * EXACT_ENTRY_BYTES;
  }

  record(latencyMs: number): void {
    const micros = Math.max(0, Math.round(latencyMs * MICROS_PER_MS));
    if (!this.#exact?.record(micros)) this.#counts().recordValue(micros);
    this.#count++;
    this.#sumMicros += micros;
    if (micros > this.#maxMicros) this.#maxMicros = micros;
  }

  /** Adds another histogram's values to this one (timeline buckets merging into coarser ones). */
  merge(other: LatencyHistogram): void {
    if (other.#count === 0) return;
    if (this.#exact && other.#exact && this.#exact.fits(other.#exact)) this.#exact.merge(other.#exact);
    else {
      const counts = this.#counts();
      if (other.#histogram) counts.add(other.#histogram);
      else
        for (const [value, count] of other.#exact?.entries() ?? []) counts.recordValueWithCount(value, count);
    }
    this.#count += other.#count;
    this.#sumMicros += other.#sumMicros;
    if (other.#maxMicros > this.#maxMicros) this.#maxMicros = other.#maxMicros;
  }

  /** The HDR counts, built from the exact ones the first time they are needed; the exact ones end there. */
  #counts(): Histogram {
    if (this.#histogram) return this.#histogram;
    const histogram = build({
      // 64-bit (float) counts stay exact to 2^53 per value bucket; 32-bit would silently wrap at 2^31.
      bitBucketSize: this.#significantDigits === 3 ? 64 : 32,
      numberOfSignificantValueDigits: this.#significantDigits,
      lowestDiscernibleValue: 1,
      // One second to start with; autoResize widens the range (memory grows with log(max), not with count).
      highestTrackableValue: 1_000 * MICROS_PER_MS,
      autoResize: true,
      useWebAssembly: false,
    });
    for (const [value, count] of this.#exact?.entries() ?? []) histogram.recordValueWithCount(value, count);
    this.#exact = undefined;
    this.#histogram = histogram;
    return histogram;
  }

  /** Value at a percentile (0–100), in ms; 0 when empty. */
  percentileMs(percentile: number): number {
    if (this.#count === 0) return 0;
    const micros =
      this.#exact?.percentile(percentile, this.#count) ??
      Math.min(this.#counts().getValueAtPercentile(percentile), this.#maxMicros);
    return roundMs(micros / MICROS_PER_MS);
  }

  summary(): LatencySummary {
    if (this.#count === 0) return EMPTY_SUMMARY;
    return {
      p50: this.percentileMs(50),
      p90: this.percentileMs(90),
      p95: this.percentileMs(95),
      p99: this.percentileMs(99),
      max: roundMs(this.#maxMicros / MICROS_PER_MS),
      mean: roundMs(this.#sumMicros / this.#count / MICROS_PER_MS),
    };
  }
}
