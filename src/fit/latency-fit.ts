import { max, mean, median, min, standardDeviation } from 'simple-statistics';
import type { LatencyDistribution } from '../faults/schema.ts';
import { densityOf } from './distributions.ts';

export interface FittedCandidate {
  readonly distribution: LatencyDistribution;
  readonly logLikelihood: number;
  readonly aic: number;
  readonly bic: number;
  /** Kolmogorov–Smirnov distance between the samples and the fitted distribution (0 = identical). */
  readonly ks: number;
}

export interface LatencyFit {
  readonly n: number;
  /** The candidate with the lowest BIC (or `fixed` when the samples do not vary). */
  readonly best: FittedCandidate;
  /** Every kind that could be fitted, best first. */
  readonly candidates: readonly FittedCandidate[];
}

/**
 * Samples closer together than this (absolute ms, or relative to the median) are one fixed delay:
 * a point mass has no density to compare, so `fixed` is chosen by spread, before any likelihood.
 */
export const FIXED_SPREAD_MS = 0.5;
export const FIXED_SPREAD_RELATIVE = 0.01;
/** Fewer samples than this give no fit (the information criterion is meaningless on a handful). */
export const MIN_SAMPLES = 10;

/**
 * Maximum-likelihood fits of every latency kind the fault vocabulary has, ranked by BIC. Each estimator
 * is the closed-form MLE: uniform (min, max), normal (mean, population sd), lognormal (mean and sd of
 * the logs), Pareto type I (minimum, n / Σ ln(x / min)). All have two parameters, so AIC and BIC rank
 * them alike; both are reported.
 */
export function fitLatency(samples: readonly number[]): LatencyFit | undefined {
  const n = samples.length;
  if (n < MIN_SAMPLES) return undefined;
  const sorted = Float64Array.from(samples).sort();
  const xs = Array.from(sorted);
  const lo = min(xs);
  const hi = max(xs);
  const mid = median(xs);
  if (hi - lo <= Math.max(FIXED_SPREAD_MS, FIXED_SPREAD_RELATIVE * mid)) {
    const fixed: FittedCandidate = {
      distribution: { type: 'fixed', ms: round(mid) },
      logLikelihood: 0,
      aic: 2,
      bic: Math.log(n),
      // Against a step at the median, the empirical CDF is off by the share strictly below or above it.
      ks: Math.max(xs.filter((x) => x < mid).length, xs.filter((x) => x > mid).length) / n,
    };
    return { n, best: fixed, candidates: [fixed] };
  }
  const candidates: FittedCandidate[] = [];
  const add = (dist: Exclude<LatencyDistribution, { type: 'fixed' }>) => {
    const density = densityOf(dist);
    let ll = 0;
    for (const x of xs) ll += density.logPdf(x);
    if (!Number.isFinite(ll)) return;
    const k = 2;
    candidates.push({
      distribution: roundParameters(dist),
      logLikelihood: ll,
      aic: 2 * k - 2 * ll,
      bic: k * Math.log(n) - 2 * ll,
      ks: ksDistance(sorted, density.cdf),
    });
  };
  add({ type: 'uniform', minMs: lo, maxMs: hi });
  const sd = standardDeviation(xs);
  if (sd > 0) add({ type: 'normal', meanMs: mean(xs), stdDevMs: sd });
  if (lo > 0) {
    const logs = xs.map(Math.log);
    const sigma = standardDeviation(logs);
    if (sigma > 0) add({ type: 'lognormal', medianMs: Math.exp(mean(logs)), sigma });
    let sumLog = 0;
    for (const x of xs) sumLog += Math.log(x / lo);
    if (sumLog > 0) add({ type: 'pareto', scaleMs: lo, shape: n / sumLog });
  }
  candidates.sort((a, b) => a.bic - b.bic);
  const best = candidates[0];
  return best ? { n, best, candidates } : undefined;
}

/** sup |F_n(x) − F(x)| over the sorted samples, checking both sides of each step of the empirical CDF. */
export function ksDistance(sorted: Float64Array, cdf: (x: number) => number): number {
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i] ?? 0);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  return d;
}

function roundParameters(dist: LatencyDistribution): LatencyDistribution {
  switch (dist.type) {
    case 'fixed':
      return { type: 'fixed', ms: round(dist.ms) };
    case 'uniform':
      return { type: 'uniform', minMs: round(dist.minMs), maxMs: round(dist.maxMs) };
    case 'normal':
      return { type: 'normal', meanMs: round(dist.meanMs), stdDevMs: round(dist.stdDevMs) };
    case 'lognormal':
      return { type: 'lognormal', medianMs: round(dist.medianMs), sigma: round(dist.sigma, 4) };
    case 'pareto':
      return { type: 'pareto', scaleMs: round(dist.scaleMs), shape: round(dist.shape, 4) };
  }
}

/** Parameters kept to 3 decimals (ms) or 4 (shapes): more digits are noise, fewer would bias the test. */
function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
