import type { PoliciesConfig } from '../../policies/schema.ts';

/**
 * The grain of generated time. Phases, latencies and policy durations are whole numbers of `unitMs`, so a
 * shrunk counterexample reads in round numbers; `horizonMs` (100 units) is how long a generated workload runs.
 */
export interface TimeScale {
  readonly unitMs: number;
  readonly horizonMs: number;
}

const UNITS_PER_HORIZON = 100;

/** 50 ms units over 5 s: the scale of the generated policies. */
export const DEFAULT_TIME_SCALE: TimeScale = { unitMs: 50, horizonMs: 50 * UNITS_PER_HORIZON };

/**
 * A scale long enough for the policies to show their behaviour: the horizon covers three times the
 * longest of their durations (timeout, breaker recovery, backoff cap, cache TTL), so a breaker can open,
 * half-open and close, and an entry can expire, inside one generated run.
 */
export function timeScaleFor(policies: PoliciesConfig): TimeScale {
  const { retry, breaker, timeout, cache } = policies;
  const backoff = retry?.backoff;
  const longest = Math.max(
    timeout?.after ?? 0,
    breaker?.halfOpenAfter ?? 0,
    breaker?.strategy.type === 'sampling' ? breaker.strategy.duration : 0,
    backoff ? (backoff.type === 'constant' ? backoff.delay : backoff.maxDelay) : 0,
    cache ? cache.ttl + (cache.staleIfError ?? 0) : 0,
    1000,
  );
  const unitMs = roundUpToNice((3 * longest) / UNITS_PER_HORIZON);
  return { unitMs, horizonMs: unitMs * UNITS_PER_HORIZON };
}

/** The next of 1, 2, 5, 10, 20, 50... at or above `ms`. */
function roundUpToNice(ms: number): number {
  let power = 1;
  for (;;) {
    for (const step of [1, 2, 5]) if (step * power >= ms) return step * power;
    power *= 10;
  }
}
