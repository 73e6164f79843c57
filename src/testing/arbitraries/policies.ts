import * as fc from 'fast-check';
import type { z } from 'zod';
import { type PoliciesConfig, policiesSchema } from '../../policies/schema.ts';
import { DEFAULT_TIME_SCALE, type TimeScale } from './time-scale.ts';

export type PolicyName = keyof PoliciesConfig;

export interface PoliciesConstraints {
  readonly scale?: TimeScale;
  /** Policies every generated stack has (the others come and go). */
  readonly include?: readonly PolicyName[];
}

/** A duration of `min`..`max` units, shrinking towards `min` units. */
function units(scale: TimeScale, min: number, max: number): fc.Arbitrary<number> {
  return fc.integer({ min, max }).map((n) => n * scale.unitMs);
}

/** Present or absent, shrinking to absent: a counterexample keeps only the policies it needs. */
function optional<T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.option(arbitrary, { nil: undefined });
}

/**
 * A policy stack: each of retry, breaker, timeout, bulkhead, fallback and cache present or not, with
 * durations in whole units of the scale. Values go through the scenario schema, so every generated stack
 * is one a scenario file could declare (defaults filled in, cockatiel's limits respected).
 */
export function policiesArbitrary(constraints: PoliciesConstraints = {}): fc.Arbitrary<PoliciesConfig> {
  const scale = constraints.scale ?? DEFAULT_TIME_SCALE;
  const backoff = fc.oneof(
    fc.record({ type: fc.constant('constant' as const), delay: units(scale, 0, 10) }),
    fc.record({
      type: fc.constant('exponential' as const),
      initialDelay: units(scale, 1, 4),
      maxDelay: units(scale, 1, 20),
      exponent: fc.constantFrom(2, 1, 3),
      jitter: fc.constantFrom('none' as const, 'full' as const, 'decorrelated' as const),
    }),
  );
  const retry = fc.record({
    maxAttempts: fc.integer({ min: 1, max: 5 }),
    backoff,
    honorRetryAfter: fc.boolean(),
    maxRetryAfter: units(scale, 1, 20),
  });
  const strategy = fc.oneof(
    fc.record({ type: fc.constant('consecutive' as const), threshold: fc.integer({ min: 1, max: 5 }) }),
    fc
      .record({
        type: fc.constant('count' as const),
        threshold: fc.constantFrom(0.5, 0.2, 0.8),
        size: fc.integer({ min: 2, max: 10 }),
        minimumNumberOfCalls: fc.integer({ min: 1, max: 10 }),
      })
      .map((count) => ({ ...count, minimumNumberOfCalls: Math.min(count.minimumNumberOfCalls, count.size) })),
    fc.record({
      type: fc.constant('sampling' as const),
      threshold: fc.constantFrom(0.5, 0.2, 0.8),
      duration: units(scale, 2, 20),
    }),
  );
  const breaker = fc.record({ halfOpenAfter: units(scale, 1, 30), strategy });
  const timeout = fc.record({
    after: units(scale, 1, 10),
    strategy: fc.constantFrom('aggressive' as const, 'cooperative' as const),
  });
  const bulkhead = fc.record({
    limit: fc.integer({ min: 1, max: 4 }),
    queue: fc.integer({ min: 0, max: 3 }),
  });
  const cache = fc
    .record({
      ttl: units(scale, 1, 40),
      coalesce: fc.boolean(),
      staleIfError: optional(units(scale, 1, 20)),
      maxEntries: fc.integer({ min: 1, max: 4 }),
    })
    .map(({ staleIfError, ...rest }) => ({ ...rest, ...(staleIfError !== undefined && { staleIfError }) }));
  const included = new Set(constraints.include ?? []);
  const maybe = <T>(name: PolicyName, arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
    included.has(name) ? arbitrary : optional(arbitrary);
  return fc
    .record({
      retry: maybe('retry', retry),
      breaker: maybe('breaker', breaker),
      timeout: maybe('timeout', timeout),
      bulkhead: maybe('bulkhead', bulkhead),
      fallback: maybe('fallback', fc.constant({ value: { fallback: true } })),
      cache: maybe('cache', cache),
    })
    .map((stack) => policiesSchema.parse(withoutUndefined(stack)));
}

/** A policy stack as a scenario file writes it, validated and with defaults filled in: what a client claims. */
export function parsePolicies(input: z.input<typeof policiesSchema>): PoliciesConfig {
  return policiesSchema.parse(input);
}

function withoutUndefined<T extends object>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as Partial<T>;
}
