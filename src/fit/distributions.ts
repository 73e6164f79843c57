import { errorFunction } from 'simple-statistics';
import type { LatencyDistribution } from '../faults/schema.ts';

/** A fitted candidate's density and distribution function, in ms. */
export interface Density {
  logPdf(x: number): number;
  cdf(x: number): number;
}

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
const standardNormalCdf = (z: number) => 0.5 * (1 + errorFunction(z / Math.SQRT2));

/** The density of each continuous kind of the fault vocabulary (fixed has none: it is a point mass). */
export function densityOf(dist: Exclude<LatencyDistribution, { type: 'fixed' }>): Density {
  switch (dist.type) {
    case 'uniform': {
      const width = dist.maxMs - dist.minMs;
      return {
        logPdf: (x) => (x < dist.minMs || x > dist.maxMs ? Number.NEGATIVE_INFINITY : -Math.log(width)),
        cdf: (x) => Math.min(1, Math.max(0, (x - dist.minMs) / width)),
      };
    }
    case 'normal': {
      const { meanMs: mu, stdDevMs: sd } = dist;
      return {
        logPdf: (x) => -LOG_SQRT_2PI - Math.log(sd) - ((x - mu) * (x - mu)) / (2 * sd * sd),
        cdf: (x) => standardNormalCdf((x - mu) / sd),
      };
    }
    case 'lognormal': {
      const mu = Math.log(dist.medianMs);
      const s = dist.sigma;
      return {
        logPdf: (x) => {
          if (x <= 0) return Number.NEGATIVE_INFINITY;
          const z = (Math.log(x) - mu) / s;
          return -LOG_SQRT_2PI - Math.log(s) - Math.log(x) - (z * z) / 2;
        },
        cdf: (x) => (x <= 0 ? 0 : standardNormalCdf((Math.log(x) - mu) / s)),
      };
    }
    case 'pareto': {
      const { scaleMs: xm, shape: a } = dist;
      return {
        logPdf: (x) =>
          x < xm ? Number.NEGATIVE_INFINITY : Math.log(a) + a * Math.log(xm) - (a + 1) * Math.log(x),
        cdf: (x) => (x < xm ? 0 : 1 - (xm / x) ** a),
      };
    }
  }
}
