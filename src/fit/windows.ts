import { quantileSorted } from 'simple-statistics';
import type { Exchange } from '../record/exchange.ts';
import { changePoints } from './change-points.ts';
import { isFailure } from './outcome.ts';

/** At most this many windows: the segmentation is O(windows²) in the worst case. */
export const MAX_WINDOWS = 5000;
/** Aim for this many requests per window by default, so a window's rate and quantiles mean something. */
const TARGET_PER_WINDOW = 40;

/** A window length in ms: the given one, else one that holds about 40 requests (at least 100 ms, at most 1/20 of the span). */
export function chooseWindowMs(exchanges: readonly Exchange[], spanMs: number, givenMs?: number): number {
  if (givenMs !== undefined) return Math.max(givenMs, spanMs / MAX_WINDOWS);
  const perMs = exchanges.length / Math.max(spanMs, 1);
  const target = TARGET_PER_WINDOW / Math.max(perMs, 1e-9);
  const window = Math.min(Math.max(target, 100, spanMs / MAX_WINDOWS), Math.max(spanMs / 20, 100));
  return niceMs(window);
}

/** Rounds down to 1, 2 or 5 × a power of ten ms, so phase boundaries read as round numbers. */
function niceMs(ms: number): number {
  const power = 10 ** Math.floor(Math.log10(ms));
  const lead = ms / power;
  return (lead >= 5 ? 5 : lead >= 2 ? 2 : 1) * power;
}

/**
 * Phase boundaries (ms) from the windowed failure rate (as arcsin √rate) and the windowed log p50 and log p90 of successful
 * latency; the first boundary is always 0. Windows without traffic or without a success carry the
 * previous value forward, so an outage shows as a change in the failure rate alone.
 */
export function phaseBoundaries(exchanges: readonly Exchange[], spanMs: number, windowMs: number): number[] {
  const count = Math.max(1, Math.ceil(spanMs / windowMs));
  const buckets: Exchange[][] = Array.from({ length: count }, () => []);
  for (const exchange of exchanges) {
    buckets[Math.min(count - 1, Math.floor(exchange.startedMs / windowMs))]?.push(exchange);
  }
  const rate: number[] = [];
  const p50: number[] = [];
  const p90: number[] = [];
  let last = { rate: 0, p50: 0, p90: 0 };
  for (const bucket of buckets) {
    const ok = bucket.filter((e) => !isFailure(e)).map((e) => Math.log(Math.max(e.durationMs, 0.001)));
    ok.sort((a, b) => a - b);
    last = {
      // arcsin √p steadies a proportion's variance at 1/(4n) whatever p is, so an outage's own noise
      // (60% failing, say) does not look like further changes next to a clean baseline.
      rate: bucket.length > 0 ? Math.asin(Math.sqrt((bucket.length - ok.length) / bucket.length)) : last.rate,
      p50: ok.length > 0 ? quantileSorted(ok, 0.5) : last.p50,
      p90: ok.length > 0 ? quantileSorted(ok, 0.9) : last.p90,
    };
    rate.push(last.rate);
    p50.push(last.p50);
    p90.push(last.p90);
  }
  // Leading windows with no success yet take the first measured latency instead of 0.
  backfill(p50);
  backfill(p90);
  const perWindow = Math.max(1, exchanges.length / count);
  const rateNoise = 1 / (2 * Math.sqrt(perWindow));
  const starts = changePoints([rate, p50, p90], { minSegment: 2, noiseFloor: [rateNoise, 0.02, 0.02] });
  return [0, ...starts.map((index) => index * windowMs)];
}

function backfill(values: number[]): void {
  const first = values.findIndex((v) => v !== 0);
  if (first > 0) values.fill(values[first] ?? 0, 0, first);
}
