import { describe, expect, it } from 'vitest';
import { isFaultlineError } from '../../src/errors/faultline-error.ts';
import { createRng } from '../../src/rng/rng.ts';
import { applyVariant } from '../../src/scenario/apply-variant.ts';
import { parseScenario } from '../../src/scenario/load-scenario.ts';
import { scenarioSchema } from '../../src/scenario/schema.ts';
import { lookupPath } from '../../src/scenario/schema-paths.ts';
import { buildSweepPlan, parseVaryFlag } from '../../src/sweep/build-plan.ts';
import { variantsOf } from '../../src/sweep/space.ts';
import { parseValues } from '../../src/sweep/values.ts';

const BASE = `name: v
workload: { model: open, rate: 10, duration: 10s }
policies: { retry: { maxAttempts: 2 }, cache: { ttl: 5s } }
`;

function thrown(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    if (error instanceof Error) return error;
  }
  throw new Error('did not throw');
}

describe('swept values', () => {
  it('reads lists, integer ranges, numeric and duration steps, booleans and choices', () => {
    expect(parseValues('1,2,3')).toEqual({ ok: true, values: [1, 2, 3] });
    expect(parseValues('1..5')).toEqual({ ok: true, values: [1, 2, 3, 4, 5] });
    expect(parseValues('0.1..0.5:5')).toEqual({ ok: true, values: [0.1, 0.2, 0.3, 0.4, 0.5] });
    expect(parseValues('100ms..2s:3')).toEqual({ ok: true, values: ['100ms', '1050ms', '2s'] });
    expect(parseValues('true,false')).toEqual({ ok: true, values: [true, false] });
    expect(parseValues('on,off')).toEqual({ ok: true, values: ['on', 'off'] });
  });

  it('refuses what it cannot read, saying what to write instead', () => {
    expect(parseValues('5..1')).toMatchObject({ ok: false, problem: expect.stringMatching(/backwards/) });
    expect(parseValues('1.5..3')).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/add the number of steps/),
    });
    expect(parseValues('1,,2')).toMatchObject({ ok: false, problem: expect.stringMatching(/empty item/) });
    expect(parseValues('1,1')).toMatchObject({ ok: false, problem: expect.stringMatching(/twice/) });
    expect(parseValues('1..100000')).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/MAX_SWEEP_VALUES/),
    });
    expect(parseValues('100ms..2:3')).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/both ends/),
    });
  });
});

describe('swept paths, read from the scenario schema', () => {
  it('finds fields through objects, records, arrays and unions', () => {
    for (const path of [
      'policies.retry.maxAttempts',
      'policies.breaker.strategy.threshold',
      'phases.0.faults.1.rate',
      'backends.primary.cost.perCall',
      'workload.rate',
    ]) {
      expect(lookupPath(scenarioSchema, path).found, path).toBe(true);
    }
    expect(lookupPath(scenarioSchema, 'policies.cache')).toMatchObject({ found: true, block: true });
  });

  it('suggests the path meant', () => {
    expect(lookupPath(scenarioSchema, 'policies.retyr.maxAttempts')).toMatchObject({
      found: false,
      problem: expect.stringMatching(/did you mean policies\.retry\.maxAttempts\?/),
    });
    expect(lookupPath(scenarioSchema, 'cache')).toMatchObject({
      problem: expect.stringMatching(/did you mean policies\.cache\?/),
    });
    expect(thrown(() => parseVaryFlag('policies.timeout.aftr=1s')).message).toMatch(
      /^--vary policies\.timeout\.aftr: .*did you mean policies\.timeout\.after\?/,
    );
  });

  it('checks a scenario’s sweep: block the same way, at its line', () => {
    const error = thrown(() =>
      parseScenario('s.yaml', `${BASE}sweep: { vary: { policies.retyr.maxAttempts: 1..3 } }\n`),
    );
    expect(error.message).toMatch(
      /^s\.yaml:4:\d+ at sweep\.vary\.policies\.retyr\.maxAttempts: .*did you mean/,
    );
    const ok = parseScenario(
      's.yaml',
      `${BASE}sweep: { vary: { policies.retry.maxAttempts: 1..3 }, seeds: 4 }\n`,
    );
    expect(ok.sweep).toEqual({ vary: { 'policies.retry.maxAttempts': [1, 2, 3] }, seeds: 4 });
  });
});

describe('applyVariant', () => {
  const scenario = parseScenario('v.yaml', BASE);

  it('sets fields as the file would (durations parsed), turns blocks off, leaves the original alone', () => {
    const applied = applyVariant(
      scenario,
      { 'policies.retry.maxAttempts': 4, 'policies.timeout.after': '1.5s', 'policies.cache': 'off' },
      'v.yaml',
    );
    expect(applied.policies.retry?.maxAttempts).toBe(4);
    expect(applied.policies.timeout?.after).toBe(1500);
    expect(applied.policies.cache).toBeUndefined();
    expect(scenario.policies.cache).toBeDefined();
    expect(applyVariant(scenario, { 'policies.cache': 'on' }, 'v.yaml')).toEqual(scenario);
  });

  it('a bad value is the schema’s one-line error, naming the path and the variant', () => {
    const error = thrown(() => applyVariant(scenario, { 'policies.retry.maxAttempts': 500 }, 'v.yaml'));
    expect(isFaultlineError(error) && error.code).toBe('SCENARIO_INVALID');
    expect(error.message).toBe(
      'v.yaml at policies.retry.maxAttempts: variant {policies.retry.maxAttempts=500}: must be at most 100 (MAX_ATTEMPTS) (got 500); lower it',
    );
    expect(thrown(() => applyVariant(scenario, { 'policies.bulkhead': 'on' }, 'v.yaml')).message).toMatch(
      /policies\.bulkhead=on needs the scenario to configure policies\.bulkhead/,
    );
  });
});

describe('sampling the space', () => {
  const dimensions = [
    { path: 'a', values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] },
    { path: 'b', values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] },
  ];

  it('a grid has every combination once, the first path slowest', () => {
    const grid = variantsOf(dimensions, 'grid', 0, createRng(1));
    expect(grid).toHaveLength(100);
    expect(grid.slice(0, 2)).toEqual([
      { a: 1, b: 1 },
      { a: 1, b: 2 },
    ]);
    expect(new Set(grid.map((v) => JSON.stringify(v))).size).toBe(100);
  });

  it('a Latin hypercube of 10 uses each value of each path exactly once', () => {
    const lhs = variantsOf(dimensions, 'lhs', 10, createRng(7));
    expect(lhs).toHaveLength(10);
    expect(new Set(lhs.map((v) => v.a)).size).toBe(10);
    expect(new Set(lhs.map((v) => v.b)).size).toBe(10);
    expect(variantsOf(dimensions, 'lhs', 10, createRng(7))).toEqual(lhs);
  });
});

describe('sweep bounds', () => {
  const scenario = parseScenario('v.yaml', BASE);
  const plan = (request: Partial<Parameters<typeof buildSweepPlan>[0]>) =>
    buildSweepPlan({ file: 'v.yaml', scenario, scenarioSha256: 'x', ...request });

  it('refuses a grid over MAX_SWEEP_VARIANTS, pointing at sampling, which then runs', () => {
    const vary = ['policies.retry.maxAttempts=1..100', 'policies.timeout.after=1ms..1s:200'];
    const error = thrown(() => plan({ vary }));
    expect(isFaultlineError(error) && error.code).toBe('SWEEP_TOO_LARGE');
    expect(error.message).toMatch(/20000 variants, over MAX_SWEEP_VARIANTS = 10000; sample it instead/);
    expect(plan({ vary, samples: 50 }).variants).toHaveLength(50);
  });

  it('refuses more estimated calls than MAX_SWEEP_CALLS unless forced', () => {
    const big = parseScenario(
      'v.yaml',
      BASE.replace('rate: 10, duration: 10s', 'rate: 100000, duration: 1h'),
    );
    const request = {
      file: 'v.yaml',
      scenario: big,
      scenarioSha256: 'x',
      vary: ['policies.retry.maxAttempts=1..3'],
    };
    expect(thrown(() => buildSweepPlan(request)).message).toMatch(/MAX_SWEEP_CALLS.*pass --force/);
    const warned: string[] = [];
    expect(buildSweepPlan({ ...request, force: true, warn: (m) => warned.push(m) }).variants).toHaveLength(3);
    expect(warned[0]).toMatch(/running it anyway \(--force\)/);
  });

  it('without --vary, sweeps the scenario’s own block; with neither, says how to give one', () => {
    const own = parseScenario(
      'v.yaml',
      `${BASE}sweep: { vary: { policies.retry.maxAttempts: [1, 2] }, seeds: 2 }\n`,
    );
    expect(buildSweepPlan({ file: 'v.yaml', scenario: own, scenarioSha256: 'x' })).toMatchObject({
      variants: [{ 'policies.retry.maxAttempts': 1 }, { 'policies.retry.maxAttempts': 2 }],
      seeds: [1, 2],
    });
    expect(thrown(() => plan({})).message).toMatch(/nothing to sweep; pass --vary path=values/);
  });
});
