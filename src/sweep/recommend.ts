import type { Spread } from './stats.ts';

/** What the recommendation reads of each variant. */
export interface Candidate {
  readonly index: number;
  readonly passShare: number;
  /** Hypothesis checks that held, summed over hypotheses and seeds: how near a variant came. */
  readonly checksHeld: number;
  readonly availability: Spread;
  readonly p99: Spread;
  readonly cost: Spread;
}

export type Recommendation =
  | {
      readonly found: true;
      readonly variant: number;
      /** The next cheapest variant that also holds, and how much more it costs (mean per request). */
      readonly next?: { readonly variant: number; readonly costDelta: number };
      /** The closest cheaper variant that does not hold often enough, and its pass share. */
      readonly cheaper?: { readonly variant: number; readonly costDelta: number; readonly passShare: number };
    }
  | { readonly found: false; readonly closest: readonly number[] };

/** Variants no other beats on availability (higher), p99 (lower) and cost (lower) at once, by their means. */
export function paretoFrontier(candidates: readonly Candidate[]): Set<number> {
  const dominates = (a: Candidate, b: Candidate) =>
    a.availability.mean >= b.availability.mean &&
    a.p99.mean <= b.p99.mean &&
    a.cost.mean <= b.cost.mean &&
    (a.availability.mean > b.availability.mean || a.p99.mean < b.p99.mean || a.cost.mean < b.cost.mean);
  return new Set(
    candidates.filter((c) => !candidates.some((other) => dominates(other, c))).map((c) => c.index),
  );
}

/** Cheaper first; equal cost: higher availability, lower p99, then the earlier variant. */
function byCost(a: Candidate, b: Candidate): number {
  return (
    a.cost.mean - b.cost.mean ||
    b.availability.mean - a.availability.mean ||
    a.p99.mean - b.p99.mean ||
    a.index - b.index
  );
}

/** Nearest to holding first: more seeds held, more hypothesis checks held, higher availability, cheaper. */
function byCloseness(a: Candidate, b: Candidate): number {
  return (
    b.passShare - a.passShare ||
    b.checksHeld - a.checksHeld ||
    b.availability.mean - a.availability.mean ||
    byCost(a, b)
  );
}

/**
 * The order reports list variants in: those that hold in at least `minPassShare` of seeds, cheapest
 * first, then the others, nearest to holding first.
 */
export function ranking(candidates: readonly Candidate[], minPassShare: number): number[] {
  const holds = candidates.filter((c) => c.passShare >= minPassShare).sort(byCost);
  const others = candidates.filter((c) => c.passShare < minPassShare).sort(byCloseness);
  return [...holds, ...others].map((c) => c.index);
}

/** The cheapest variant that holds often enough, with its margins; else the three closest to holding. */
export function recommend(candidates: readonly Candidate[], minPassShare: number): Recommendation {
  const holds = candidates.filter((c) => c.passShare >= minPassShare).sort(byCost);
  const best = holds[0];
  if (!best) {
    const closest = candidates
      .slice()
      .sort(byCloseness)
      .slice(0, 3)
      .map((c) => c.index);
    return { found: false, closest };
  }
  const next = holds[1];
  const cheaper = candidates
    .filter((c) => c.passShare < minPassShare && byCost(c, best) < 0)
    .sort(byCost)
    .at(-1);
  return {
    found: true,
    variant: best.index,
    ...(next && { next: { variant: next.index, costDelta: round(next.cost.mean - best.cost.mean) } }),
    ...(cheaper && {
      cheaper: {
        variant: cheaper.index,
        costDelta: round(cheaper.cost.mean - best.cost.mean),
        passShare: cheaper.passShare,
      },
    }),
  };
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
