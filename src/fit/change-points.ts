import { median } from 'simple-statistics';

/**
 * Where a multivariate series changes level, by binary segmentation on a least-squares cost: split the
 * segment where the drop in within-segment squared deviation is largest, keep the split when that drop
 * beats a BIC-style penalty, recurse on both halves. Each series is first scaled by its own noise, the
 * MAD of successive differences (robust to the level shifts being looked for), so one penalty fits all.
 */
export interface ChangePointOptions {
  /** Fewest points in a segment. */
  readonly minSegment: number;
  /** Per-series noise floor in the series' own units, so a series that is flat (no errors) still scales. */
  readonly noiseFloor: readonly number[];
  /** Multiplies the penalty d·ln(m) (d series, m points); larger finds fewer changes. */
  readonly penaltyFactor?: number;
}

export const DEFAULT_PENALTY_FACTOR = 4;

/** Indices (in 1..m-1) where a new segment starts, ascending. */
export function changePoints(series: readonly (readonly number[])[], options: ChangePointOptions): number[] {
  const m = series[0]?.length ?? 0;
  if (m < 2 * options.minSegment) return [];
  const scaled = series.map((values, i) => {
    const scale = Math.max(noiseScale(values), options.noiseFloor[i] ?? 0) || 1;
    return values.map((v) => v / scale);
  });
  const sums = scaled.map(prefixSums);
  const cost = (a: number, b: number) => {
    let total = 0;
    for (const { sum, sumSq } of sums) {
      const s = (sum[b] ?? 0) - (sum[a] ?? 0);
      total += (sumSq[b] ?? 0) - (sumSq[a] ?? 0) - (s * s) / (b - a);
    }
    return total;
  };
  const penalty = (options.penaltyFactor ?? DEFAULT_PENALTY_FACTOR) * series.length * Math.log(m);
  const found: number[] = [];
  const split = (a: number, b: number) => {
    if (b - a < 2 * options.minSegment) return;
    const whole = cost(a, b);
    let best = -1;
    let bestGain = 0;
    for (let t = a + options.minSegment; t <= b - options.minSegment; t++) {
      const gain = whole - cost(a, t) - cost(t, b);
      if (gain > bestGain) {
        bestGain = gain;
        best = t;
      }
    }
    if (best < 0 || bestGain <= penalty) return;
    found.push(best);
    split(a, best);
    split(best, b);
  };
  split(0, m);
  return found.sort((x, y) => x - y);
}

/** Noise standard deviation from successive differences: MAD / 0.6745, over √2 for the differencing. */
function noiseScale(values: readonly number[]): number {
  if (values.length < 3) return 0;
  const diffs: number[] = [];
  for (let i = 1; i < values.length; i++) diffs.push(Math.abs((values[i] ?? 0) - (values[i - 1] ?? 0)));
  return median(diffs) / 0.6745 / Math.SQRT2;
}

function prefixSums(values: readonly number[]) {
  const sum = new Float64Array(values.length + 1);
  const sumSq = new Float64Array(values.length + 1);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? 0;
    sum[i + 1] = (sum[i] ?? 0) + v;
    sumSq[i + 1] = (sumSq[i] ?? 0) + v * v;
  }
  return { sum, sumSq };
}
