import type { Rng } from './rng.ts';

/** Standard normal via Box-Muller (one value per call keeps the stream simple to replay). */
export function normal(rng: Rng, mean: number, stdDev: number): number {
  const u1 = 1 - rng.next(); // (0, 1]: log(0) would be -Infinity
  const u2 = rng.next();
  return mean + stdDev * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** Lognormal parameterised by its median (e^mu) and sigma, the way latency is usually described. */
export function lognormal(rng: Rng, median: number, sigma: number): number {
  return median * Math.exp(normal(rng, 0, sigma));
}

/** Pareto type I: scale is the minimum, shape (alpha) sets how heavy the tail is. */
export function pareto(rng: Rng, scale: number, shape: number): number {
  return scale / (1 - rng.next()) ** (1 / shape);
}

/** Exponential with the given mean: inter-arrival times of a Poisson process. */
export function exponential(rng: Rng, mean: number): number {
  return -mean * Math.log(1 - rng.next());
}

/**
 * Zipf over ranks 0..n-1 with exponent s, sampled by binary search over a precomputed CDF.
 * Built once per workload, so sampling is O(log n).
 */
export function zipfSampler(n: number, s: number): (rng: Rng) => number {
  const cdf = new Float64Array(n);
  let total = 0;
  for (let k = 0; k < n; k++) {
    total += 1 / (k + 1) ** s;
    cdf[k] = total;
  }
  for (let k = 0; k < n; k++) cdf[k] = (cdf[k] ?? 0) / total;
  return (rng) => {
    const u = rng.next();
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cdf[mid] ?? 1) < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}
