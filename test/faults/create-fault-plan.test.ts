import { describe, expect, it } from 'vitest';
import { NO_EFFECT } from '../../src/faults/effect.ts';
import { createRng } from '../../src/rng/rng.ts';
import { alwaysPlan, effectsAt, failed, fourSigma, get, planOf } from './plan-helpers.ts';

const N = 20_000;
const sameTime = (n: number, t = 0) => Array.from({ length: n }, () => t);

describe('createFaultPlan: injection rate', () => {
  it('fires on a fraction of calls within 4 sigma of the binomial', () => {
    const plan = alwaysPlan({ kind: 'error', status: 503, rate: 0.3 });
    const failures = effectsAt(plan, sameTime(N), createRng(11)).filter(failed).length;
    expect(Math.abs(failures - N * 0.3)).toBeLessThan(fourSigma(N, 0.3));
  });

  it('rate 0 never fires and draws nothing from the rng', () => {
    const rng = createRng(5);
    const plan = alwaysPlan({ kind: 'error', status: 503, rate: 0 });
    expect(effectsAt(plan, sameTime(1000), rng).every((effect) => effect === NO_EFFECT)).toBe(true);
    expect(rng.next()).toBe(createRng(5).next());
  });

  it('rate 1 fires on every call', () => {
    const plan = alwaysPlan({ kind: 'error', status: 503 });
    expect(effectsAt(plan, sameTime(1000), createRng(5)).every(failed)).toBe(true);
  });
});

describe('createFaultPlan: phases', () => {
  const plan = () =>
    planOf(
      { name: 'outage', from: '1s', to: '2s', faults: [{ kind: 'error', status: 500 }] },
      { name: 'tail', from: '5s', faults: [{ kind: 'error', status: 502 }] },
    );
  const statusAt = (t: number) => {
    const failure = plan().effectFor(get(), 'primary', t, createRng(1)).failure;
    return failure?.type === 'status' ? failure.status : undefined;
  };

  it('a phase is active from `from` inclusive to `to` exclusive', () => {
    expect(statusAt(999)).toBeUndefined();
    expect(statusAt(1000)).toBe(500);
    expect(statusAt(1999)).toBe(500);
    expect(statusAt(2000)).toBeUndefined();
  });

  it('a phase without `to` lasts until the end of the run', () => {
    expect(statusAt(4999)).toBeUndefined();
    expect(statusAt(5000)).toBe(502);
    expect(statusAt(1e9)).toBe(502);
  });

  it('returns the shared NO_EFFECT outside every phase', () => {
    expect(plan().effectFor(get(), 'primary', 3000, createRng(1))).toBe(NO_EFFECT);
  });

  it('phaseAt names the active phase, the last started one when they overlap', () => {
    const overlapping = planOf(
      { name: 'base', from: 0, to: '10s' },
      { name: 'spike', from: '2s', to: '4s' },
      { name: 'late', from: '3s' },
    );
    const expected: [number, string | undefined][] = [
      [0, 'base'],
      [1999, 'base'],
      [2000, 'spike'],
      [3000, 'late'],
      [4500, 'late'],
      [20_000, 'late'],
    ];
    // Out of order on purpose: lookups must not depend on time moving forward.
    for (const [t, name] of [...expected].reverse()) expect(overlapping.phaseAt(t)).toBe(name);
    for (const [t, name] of expected) expect(overlapping.phaseAt(t)).toBe(name);
    expect(planOf({ name: 'later', from: '1s' }).phaseAt(999)).toBeUndefined();
  });

  it('faults of overlapping phases all apply, delays adding up', () => {
    const overlapping = planOf(
      {
        name: 'a',
        from: 0,
        to: '10s',
        faults: [{ kind: 'latency', distribution: { type: 'fixed', ms: 100 } }],
      },
      {
        name: 'b',
        from: '1s',
        to: '2s',
        faults: [{ kind: 'latency', distribution: { type: 'fixed', ms: 30 } }],
      },
    );
    const delays = effectsAt(overlapping, [500, 1500, 2500], createRng(1)).map((e) => e.delayMs);
    expect(delays).toEqual([100, 130, 100]);
  });
});

describe('createFaultPlan: target and routes', () => {
  it('a fault with a target applies only to that backend', () => {
    const plan = alwaysPlan({ kind: 'error', status: 503, target: 'search' });
    expect(failed(plan.effectFor(get(), 'search', 0, createRng(1)))).toBe(true);
    expect(plan.effectFor(get(), 'primary', 0, createRng(1))).toBe(NO_EFFECT);
  });

  it('a fault with routes applies only to those paths (query string ignored)', () => {
    const plan = alwaysPlan({ kind: 'error', status: 503, routes: ['/api/analyze', '/api/validate'] });
    const rng = createRng(1);
    expect(failed(plan.effectFor(get('/api/analyze'), 'primary', 0, rng))).toBe(true);
    expect(failed(plan.effectFor(get('/api/validate?strict=1'), 'primary', 0, rng))).toBe(true);
    expect(plan.effectFor(get('/api/health'), 'primary', 0, rng)).toBe(NO_EFFECT);
  });
});

describe('createFaultPlan: combining faults', () => {
  it('delays of several faults add up and each firing fault is listed', () => {
    const plan = alwaysPlan(
      { kind: 'latency', distribution: { type: 'fixed', ms: 100 } },
      { kind: 'latency', distribution: { type: 'fixed', ms: 50 } },
    );
    expect(plan.effectFor(get(), 'primary', 0, createRng(1))).toEqual({
      delayMs: 150,
      injected: ['latency', 'latency'],
    });
  });

  it('the first failure in fault order wins, and later latency still adds', () => {
    const plan = alwaysPlan(
      { kind: 'network', error: 'reset' },
      { kind: 'error', status: 500 },
      { kind: 'latency', distribution: { type: 'fixed', ms: 20 } },
    );
    expect(plan.effectFor(get(), 'primary', 0, createRng(1))).toEqual({
      delayMs: 20,
      failure: { type: 'network', error: 'reset' },
      injected: ['network', 'latency'],
    });
  });

  it('a call failed by an earlier fault does not count towards a later fail-first', () => {
    const plan = alwaysPlan(
      { kind: 'error', status: 500, routes: ['/a'] },
      { kind: 'fail-first', count: 2, failure: { status: 503 } },
    );
    const rng = createRng(1);
    for (let i = 0; i < 5; i++) plan.effectFor(get('/a'), 'primary', 0, rng);
    const statuses = effectsAt(plan, sameTime(4), rng, 'primary', get('/b')).map((e) =>
      e.failure?.type === 'status' ? e.failure.status : 200,
    );
    expect(statuses).toEqual([503, 503, 200, 200]);
  });

  it('maps each kind to its effect', () => {
    const one = (fault: unknown) => alwaysPlan(fault).effectFor(get(), 'primary', 0, createRng(1));
    expect(one({ kind: 'error', status: 429, retryAfter: '3s' }).failure).toEqual({
      type: 'status',
      status: 429,
      retryAfterMs: 3000,
    });
    expect(one({ kind: 'network', error: 'refused' }).failure).toEqual({ type: 'network', error: 'refused' });
    expect(one({ kind: 'network', error: 'dns' }).failure).toEqual({ type: 'network', error: 'dns' });
    expect(one({ kind: 'network', error: 'hang' }).failure).toEqual({ type: 'hang' });
    expect(one({ kind: 'timeout', after: '1.5s' }).failure).toEqual({ type: 'timeout', afterMs: 1500 });
    expect(one({ kind: 'malformed', mode: 'garbage' })).toEqual({
      delayMs: 0,
      corrupt: 'garbage',
      injected: ['malformed'],
    });
  });

  it('a failed call is not also corrupted, nor counted as malformed', () => {
    const plan = alwaysPlan({ kind: 'malformed', mode: 'truncated' }, { kind: 'error', status: 502 });
    const effect = plan.effectFor(get(), 'primary', 0, createRng(1));
    expect(effect.corrupt).toBeUndefined();
    expect(effect.injected).toEqual(['error']);
  });
});

describe('createFaultPlan: determinism', () => {
  const phases = [
    {
      name: 'mixed',
      from: 0,
      to: '10s',
      faults: [
        { kind: 'latency', rate: 0.5, distribution: { type: 'lognormal', medianMs: 40, sigma: 0.8 } },
        { kind: 'error', status: 503, rate: 0.2 },
        { kind: 'network', error: 'reset', rate: 0.1 },
        { kind: 'malformed', mode: 'truncated', rate: 0.1 },
        { kind: 'degradation', errorRate: { from: 0, to: 0.5 }, latencyMs: { from: 0, to: 100 } },
      ],
    },
  ];
  const run = (seed: number) => {
    const rng = createRng(seed);
    return effectsAt(
      planOf(...phases),
      Array.from({ length: 2000 }, (_, i) => i * 5),
      rng,
    );
  };

  it('the same seed gives the same sequence of effects', () => {
    expect(run(42)).toEqual(run(42));
  });

  it('another seed gives another sequence', () => {
    expect(run(42)).not.toEqual(run(43));
  });
});
