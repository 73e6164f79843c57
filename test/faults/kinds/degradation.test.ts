import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/rng/rng.ts';
import { effectsAt, failed, fourSigma, planOf } from '../plan-helpers.ts';

const N = 20_000;

describe('degradation', () => {
  const ramp = (to?: string) =>
    planOf({
      name: 'slow-burn',
      from: '10s',
      to,
      faults: [{ kind: 'degradation', errorRate: { from: 0.1, to: 0.5 }, latencyMs: { from: 100, to: 300 } }],
    });

  it('adds latency interpolated linearly across the phase', () => {
    const delays = effectsAt(ramp('20s'), [10_000, 12_500, 15_000, 17_500], createRng(1)).map(
      (e) => e.delayMs,
    );
    expect(delays).toEqual([100, 150, 200, 250]);
  });

  it('fails with the interpolated probability: at the middle, the average of from and to', () => {
    const failures = effectsAt(ramp('20s'), Array(N).fill(15_000), createRng(9)).filter(failed).length;
    expect(Math.abs(failures - N * 0.3)).toBeLessThan(fourSigma(N, 0.3));
  });

  it('over calls spread evenly across the phase, fails at the average rate', () => {
    const times = Array.from({ length: N }, (_, i) => 10_000 + (i * 10_000) / N);
    const failures = effectsAt(ramp('20s'), times, createRng(9)).filter(failed).length;
    // Each call is a Bernoulli with its own p; the variance of the sum is at most that of Binomial(N, 0.3).
    expect(Math.abs(failures - N * 0.3)).toBeLessThan(fourSigma(N, 0.3));
  });

  it('at the phase start the error rate is `from`', () => {
    const failures = effectsAt(ramp('20s'), Array(N).fill(10_000), createRng(9)).filter(failed).length;
    expect(Math.abs(failures - N * 0.1)).toBeLessThan(fourSigma(N, 0.1));
  });

  it('an open-ended phase stays at `from`', () => {
    const plan = ramp();
    expect(effectsAt(plan, [10_000, 50_000, 1e7], createRng(1)).map((e) => e.delayMs)).toEqual([
      100, 100, 100,
    ]);
    const failures = effectsAt(plan, Array(N).fill(1e7), createRng(9)).filter(failed).length;
    expect(Math.abs(failures - N * 0.1)).toBeLessThan(fourSigma(N, 0.1));
  });
});
