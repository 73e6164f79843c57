import * as fc from 'fast-check';
import type { Fault, Phase } from '../../faults/schema.ts';
import { DEFAULT_TIME_SCALE, type TimeScale } from './time-scale.ts';

export interface TimelineConstraints {
  readonly scale?: TimeScale;
  /** At most this many phases (default 4). */
  readonly maxPhases?: number;
  /** At most this many faults in one phase (default 2). */
  readonly maxFaultsPerPhase?: number;
}

/** A duration of `min`..`max` units, shrinking towards `min` units. */
function units(scale: TimeScale, min: number, max: number): fc.Arbitrary<number> {
  return fc.integer({ min, max }).map((n) => n * scale.unitMs);
}

/** Every call, half of them, or a fifth: shrinks to "every call", the easiest to read. */
const rate = fc.constantFrom(1, 0.5, 0.2);

/**
 * One fault of any kind. Kinds are listed from simplest to most elaborate and cross-shrinking is on, so a
 * failing fault shrinks towards a plain `error 503` when that still fails, then towards rate 1.
 */
export function faultArbitrary(scale: TimeScale = DEFAULT_TIME_SCALE): fc.Arbitrary<Fault> {
  const failure = fc.oneof(
    fc.constantFrom(503, 500, 429).map((status) => ({ status })),
    fc.constantFrom('refused' as const, 'reset' as const, 'hang' as const).map((network) => ({ network })),
  );
  const error: fc.Arbitrary<Fault> = fc
    .record({
      rate,
      status: fc.constantFrom(503, 500, 502, 504, 429),
      retryAfter: fc.option(units(scale, 1, 20), { nil: undefined }),
    })
    .map(({ retryAfter, ...rest }) => ({
      kind: 'error' as const,
      ...rest,
      ...(retryAfter !== undefined && { retryAfter }),
    }));
  const network: fc.Arbitrary<Fault> = fc.record({
    kind: fc.constant('network' as const),
    rate,
    error: fc.constantFrom('refused' as const, 'reset' as const, 'dns' as const, 'hang' as const),
  });
  const latency: fc.Arbitrary<Fault> = fc.record({
    kind: fc.constant('latency' as const),
    rate,
    distribution: fc.record({ type: fc.constant('fixed' as const), ms: units(scale, 1, 20) }),
  });
  const timeout: fc.Arbitrary<Fault> = fc.record({
    kind: fc.constant('timeout' as const),
    rate,
    after: units(scale, 1, 20),
  });
  const malformed: fc.Arbitrary<Fault> = fc.record({
    kind: fc.constant('malformed' as const),
    rate,
    mode: fc.constantFrom('garbage' as const, 'truncated' as const, 'empty' as const),
  });
  const failFirst: fc.Arbitrary<Fault> = fc.record({
    kind: fc.constant('fail-first' as const),
    rate,
    count: fc.integer({ min: 1, max: 8 }),
    failure,
  });
  const flapping: fc.Arbitrary<Fault> = fc.record({
    kind: fc.constant('flapping' as const),
    rate,
    up: units(scale, 1, 10),
    down: units(scale, 1, 10),
    failure,
  });
  const rateLimit: fc.Arbitrary<Fault> = fc
    .record({
      rate,
      limit: fc.integer({ min: 1, max: 5 }),
      window: units(scale, 1, 20),
      retryAfter: fc.option(units(scale, 1, 20), { nil: undefined }),
    })
    .map(({ retryAfter, ...rest }) => ({
      kind: 'rate-limit' as const,
      ...rest,
      ...(retryAfter !== undefined && { retryAfter }),
    }));
  const degradation: fc.Arbitrary<Fault> = fc.record({
    kind: fc.constant('degradation' as const),
    rate,
    errorRate: fc.record({ from: fc.constantFrom(0, 0.25, 0.5), to: fc.constantFrom(1, 0.75, 0.5) }),
    latencyMs: fc.record({ from: fc.constant(0), to: units(scale, 0, 10) }),
    failure,
  });
  return fc.oneof(
    { withCrossShrink: true },
    error,
    network,
    latency,
    timeout,
    malformed,
    failFirst,
    flapping,
    rateLimit,
    degradation,
  );
}

/**
 * A fault timeline: up to `maxPhases` phases one after another, each after a gap (possibly none) and
 * lasting a whole number of units, with one or more faults. Shrinking drops phases, closes gaps, shortens
 * phases towards one unit and simplifies faults, so a failing timeline ends as few, short, simple phases.
 */
export function faultTimelineArbitrary(constraints: TimelineConstraints = {}): fc.Arbitrary<Phase[]> {
  const scale = constraints.scale ?? DEFAULT_TIME_SCALE;
  const segment = fc.record({
    gap: fc.integer({ min: 0, max: 20 }),
    length: fc.integer({ min: 1, max: 40 }),
    faults: fc.array(faultArbitrary(scale), { minLength: 1, maxLength: constraints.maxFaultsPerPhase ?? 2 }),
  });
  return fc
    .array(segment, { maxLength: constraints.maxPhases ?? 4 })
    .map((segments) => toPhases(segments, scale.unitMs));
}

interface Segment {
  readonly gap: number;
  readonly length: number;
  readonly faults: Fault[];
}

function toPhases(segments: readonly Segment[], unitMs: number): Phase[] {
  let cursor = 0;
  return segments.map((segment, index) => {
    const from = cursor + segment.gap * unitMs;
    const to = from + segment.length * unitMs;
    cursor = to;
    return { name: `phase-${index + 1}`, from, to, faults: segment.faults };
  });
}
