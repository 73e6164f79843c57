import { type IBackoff, type IBackoffFactory, TaskCancelledError } from 'cockatiel';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { HttpStatusError, NetworkError } from '../../src/errors/call-errors.ts';
import { createBackoff, honourRetryAfter, type RetryBackoffContext } from '../../src/policies/backoff.ts';
import type { BackoffConfig } from '../../src/policies/schema.ts';
import { createRng } from '../../src/rng/rng.ts';

const context = (attempt: number, error: Error = new NetworkError('ECONNRESET')): RetryBackoffContext => ({
  attempt,
  signal: new AbortController().signal,
  result: { error },
});

/** The first `n` delays, advanced the way cockatiel's RetryPolicy does (factory first, then the step). */
function delays(factory: IBackoffFactory<RetryBackoffContext>, n: number, errors: Error[] = []): number[] {
  const out: number[] = [];
  let step: IBackoff<RetryBackoffContext> | undefined;
  for (let attempt = 1; attempt <= n; attempt++) {
    const ctx = context(attempt, errors[attempt - 1]);
    step = step ? step.next(ctx) : factory.next(ctx);
    out.push(step.duration);
  }
  return out;
}

const exponential = (
  jitter: 'none' | 'full' | 'decorrelated',
  overrides: Partial<Extract<BackoffConfig, { type: 'exponential' }>> = {},
): BackoffConfig => ({
  type: 'exponential',
  initialDelay: 100,
  maxDelay: 5000,
  exponent: 2,
  jitter,
  ...overrides,
});

describe('exponential backoff', () => {
  it('without jitter doubles from initialDelay and stops at maxDelay', () => {
    expect(delays(createBackoff(exponential('none'), createRng(1)), 9)).toEqual([
      100, 200, 400, 800, 1600, 3200, 5000, 5000, 5000,
    ]);
  });

  it('with full jitter stays in [0, initialDelay × exponent^(n-1)] capped at maxDelay', () => {
    const drawn = delays(createBackoff(exponential('full'), createRng(7)), 12);
    drawn.forEach((delay, i) => {
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThanOrEqual(Math.min(5000, 100 * 2 ** i));
    });
    // Jitter actually spreads: twelve draws are not all the ceiling.
    expect(new Set(drawn).size).toBeGreaterThan(6);
  });

  it('with full jitter averages half the ceiling (law of large numbers)', () => {
    const rng = createRng(3);
    const factory = createBackoff(exponential('full', { initialDelay: 1000, maxDelay: 1000 }), rng);
    const n = 20_000;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += factory.next(context(1)).duration;
    // Uniform(0, 1000): mean 500, sd 1000/√12 ≈ 288.7; 4σ of the mean of n draws.
    expect(Math.abs(sum / n - 500)).toBeLessThan((4 * 288.7) / Math.sqrt(n));
  });

  it('with decorrelated jitter stays between initialDelay and exponent × the previous delay, capped', () => {
    const drawn = delays(createBackoff(exponential('decorrelated', { exponent: 3 }), createRng(11)), 15);
    let previous = 100;
    for (const delay of drawn) {
      expect(delay).toBeGreaterThanOrEqual(100);
      expect(delay).toBeLessThanOrEqual(Math.min(5000, previous * 3));
      previous = delay;
    }
  });

  it('never yields NaN, Infinity or a negative delay, whatever the configuration', () => {
    fc.assert(
      fc.property(
        fc.record({
          initialDelay: fc.double({ min: 0, max: 1e6, noNaN: true }),
          maxDelay: fc.double({ min: 0, max: 1e7, noNaN: true }),
          exponent: fc.double({ min: 1, max: 1e3, noNaN: true }),
          jitter: fc.constantFrom('none' as const, 'full' as const, 'decorrelated' as const),
        }),
        fc.integer(),
        (config, seed) => {
          const drawn = delays(createBackoff({ type: 'exponential', ...config }, createRng(seed)), 60);
          for (const delay of drawn) {
            expect(Number.isFinite(delay)).toBe(true);
            expect(delay).toBeGreaterThanOrEqual(0);
            expect(delay).toBeLessThanOrEqual(config.maxDelay);
          }
        },
      ),
    );
  });

  it('draws jitter from the seeded Rng only: same seed, same delays; another seed, other delays', () => {
    const random = vi.spyOn(Math, 'random');
    const run = (seed: number) => delays(createBackoff(exponential('full'), createRng(seed)), 10);
    expect(run(42)).toEqual(run(42));
    expect(run(42)).not.toEqual(run(43));
    const decorrelated = (seed: number) =>
      delays(createBackoff(exponential('decorrelated'), createRng(seed)), 10);
    expect(decorrelated(5)).toEqual(decorrelated(5));
    expect(decorrelated(5)).not.toEqual(decorrelated(6));
    expect(random).not.toHaveBeenCalled();
    random.mockRestore();
  });
});

describe('constant backoff', () => {
  it('waits the same delay every time', () => {
    expect(delays(createBackoff({ type: 'constant', delay: 250 }, createRng(1)), 4)).toEqual([
      250, 250, 250, 250,
    ]);
  });
});

describe('honourRetryAfter', () => {
  const base = createBackoff({ type: 'constant', delay: 100 }, createRng(1));

  it('waits what Retry-After asks when that is longer than the backoff', () => {
    const factory = honourRetryAfter(base, { maxRetryAfter: 60_000 });
    expect(delays(factory, 1, [new HttpStatusError(503, 2000)])).toEqual([2000]);
  });

  it('keeps the backoff when Retry-After asks for less', () => {
    const factory = honourRetryAfter(base, { maxRetryAfter: 60_000 });
    expect(delays(factory, 1, [new HttpStatusError(429, 30)])).toEqual([100]);
  });

  it('caps Retry-After at maxRetryAfter', () => {
    const factory = honourRetryAfter(base, { maxRetryAfter: 500 });
    expect(delays(factory, 1, [new HttpStatusError(503, 120_000)])).toEqual([500]);
  });

  it('applies per attempt: only failures carrying Retry-After wait longer', () => {
    const factory = honourRetryAfter(base, { maxRetryAfter: 60_000 });
    const errors = [new HttpStatusError(503, 3000), new NetworkError('ECONNRESET'), new HttpStatusError(503)];
    expect(delays(factory, 3, errors)).toEqual([3000, 100, 100]);
  });

  it('does not disturb the inner sequence', () => {
    const inner = () => createBackoff(exponential('none'), createRng(1));
    const errors = [new HttpStatusError(503, 10_000), new TaskCancelledError(), new TaskCancelledError()];
    expect(delays(honourRetryAfter(inner(), { maxRetryAfter: 60_000 }), 3, errors)).toEqual([
      10_000, 200, 400,
    ]);
  });
});
