import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Phase } from '../../src/faults/schema.ts';
import { retrySchema } from '../../src/policies/schema.ts';
import { parseScenario } from '../../src/scenario/load-scenario.ts';
import { scenarioSchema } from '../../src/scenario/schema.ts';
import {
  counterexampleYaml,
  DEFAULT_TIME_SCALE,
  faultTimelineArbitrary,
  scenarioArbitrary,
  timeScaleFor,
  workloadArbitrary,
} from '../../src/testing/index.ts';
import { retryDelayBounds } from '../../src/testing/laws/backoff-bounds.ts';

const UNIT = DEFAULT_TIME_SCALE.unitMs;

/** The smallest value fast-check shrinks to when `fails` holds of it. */
async function shrunk<T>(arbitrary: fc.Arbitrary<T>, fails: (value: T) => boolean): Promise<T> {
  const details = await fc.check(
    fc.property(arbitrary, (value) => !fails(value)),
    { seed: 5, numRuns: 2000 },
  );
  if (!details.failed || !details.counterexample) throw new Error('no failing value was generated');
  return details.counterexample[0];
}

describe('scenario arbitraries', () => {
  it('generate scenarios the scenario schema accepts unchanged', () => {
    for (const scenario of fc.sample(scenarioArbitrary(), { numRuns: 300, seed: 1 })) {
      expect(scenarioSchema.parse(scenario)).toEqual(scenario);
    }
  });

  it('write counterexamples as scenario files that load back to the same scenario', () => {
    for (const scenario of fc.sample(scenarioArbitrary(), { numRuns: 200, seed: 2 })) {
      const loaded = parseScenario(
        'counterexample.yaml',
        counterexampleYaml(scenario, { header: ['a note'] }),
      );
      const { name, ...rest } = loaded;
      expect(name).toBe('generated-counterexample');
      expect(rest).toEqual(omitName(scenario));
    }
  });

  it('lay phases end to end, each a whole number of units long, inside no other', () => {
    for (const phases of fc.sample(faultTimelineArbitrary(), { numRuns: 300, seed: 3 })) {
      let end = 0;
      for (const phase of phases) {
        expect(phase.from).toBeGreaterThanOrEqual(end);
        expect(phase.to).toBeGreaterThan(phase.from);
        expect(((phase.to ?? 0) - phase.from) % UNIT).toBe(0);
        expect(phase.faults.length).toBeGreaterThan(0);
        end = phase.to ?? 0;
      }
    }
  });
});

describe('shrinking reduces a failing timeline to few, short, simple phases', () => {
  it('any timeline with a phase shrinks to one phase of one unit from 0, with a plain error 503 on every call', async () => {
    const minimal = await shrunk(faultTimelineArbitrary(), (phases) => phases.length > 0);
    expect(minimal).toEqual<Phase[]>([
      { name: 'phase-1', from: 0, to: UNIT, faults: [{ kind: 'error', rate: 1, status: 503 }] },
    ]);
  });

  it('a timeline that fails only through a hanging connection keeps just that fault', async () => {
    const hangs = (phases: Phase[]) =>
      phases.some((phase) =>
        phase.faults.some((fault) => fault.kind === 'network' && fault.error === 'hang'),
      );
    const minimal = await shrunk(faultTimelineArbitrary(), hangs);
    expect(minimal).toEqual<Phase[]>([
      { name: 'phase-1', from: 0, to: UNIT, faults: [{ kind: 'network', rate: 1, error: 'hang' }] },
    ]);
  });

  it('two phases needed stay two, each one unit long, back to back', async () => {
    const minimal = await shrunk(faultTimelineArbitrary(), (phases) => phases.length >= 2);
    expect(minimal.map(({ from, to }) => [from, to])).toEqual([
      [0, UNIT],
      [UNIT, 2 * UNIT],
    ]);
  });

  it('a workload shrinks to one client sending one request', async () => {
    const minimal = await shrunk(workloadArbitrary(), () => true);
    expect(minimal).toMatchObject({ model: 'closed', clients: 1, thinkTime: 0, requests: 1 });
  });
});

describe('time scale and retry delay bounds', () => {
  it('fits the horizon to three times the longest policy duration, in round units', () => {
    expect(timeScaleFor({})).toEqual({ unitMs: 50, horizonMs: 5000 });
    // outage-with-fallback: breaker half-opens after 10 s, so 30 s is needed; 500 ms units give 50 s.
    expect(
      timeScaleFor({ breaker: breaker(10_000), timeout: { after: 1000, strategy: 'aggressive' } }),
    ).toEqual({
      unitMs: 500,
      horizonMs: 50_000,
    });
  });

  it('bounds exponential delays by min(initial × exponent^(n−1), maxDelay)', () => {
    const retry = retrySchema.parse({
      maxAttempts: 5,
      backoff: { type: 'exponential', initialDelay: 100, maxDelay: 500, exponent: 2, jitter: 'none' },
      honorRetryAfter: false,
    });
    expect([1, 2, 3, 4].map((n) => retryDelayBounds(retry, n).max)).toEqual([100, 200, 400, 500]);
    expect([1, 2, 3, 4].map((n) => retryDelayBounds(retry, n).min)).toEqual([100, 200, 400, 500]);
    const full = { ...retry, backoff: { ...retry.backoff, jitter: 'full' as const } };
    expect(retryDelayBounds(full, 3)).toMatchObject({ min: 0, max: 400 });
    const honouring = { ...retry, honorRetryAfter: true, maxRetryAfter: 60_000 };
    expect(retryDelayBounds(honouring, 1)).toMatchObject({ min: 100, max: 60_000 });
  });
});

function breaker(halfOpenAfter: number) {
  return {
    halfOpenAfter,
    strategy: { type: 'consecutive' as const, threshold: 5 },
    failOn: ['5xx' as const],
  };
}

function omitName<T extends { name: string }>(scenario: T): Omit<T, 'name'> {
  const { name: _name, ...rest } = scenario;
  return rest;
}
