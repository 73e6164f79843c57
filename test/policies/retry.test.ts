import { describe, expect, it, vi } from 'vitest';
import { HttpStatusError, NetworkError } from '../../src/errors/call-errors.ts';
import { buildPolicyStack } from '../../src/policies/build-stack.ts';
import type { RetryConfig } from '../../src/policies/schema.ts';
import { createRng } from '../../src/rng/rng.ts';
import {
  depsFor,
  executeAll,
  fakeBackend,
  recordEvents,
  request,
  tally,
  useVirtualClock,
} from './helpers.ts';

const clockOf = useVirtualClock();

const retryConfig = (overrides: Partial<RetryConfig> = {}): RetryConfig => ({
  maxAttempts: 3,
  backoff: { type: 'constant', delay: 10 },
  retryOn: ['5xx', '429', 'network', 'timeout'],
  honorRetryAfter: true,
  maxRetryAfter: 60_000,
  ...overrides,
});

const ids = (n: number) => Array.from({ length: n }, (_, i) => request(i));

describe('retry', () => {
  it.each([
    [0.5, 1],
    [0.5, 3],
    [0.3, 4],
    [0.8, 5],
  ])(
    'with failure probability %d and %d attempts succeeds 1 − p^k of the time, with the expected calls',
    async (p, k) => {
      const clock = clockOf();
      const faults = createRng(2024);
      const backend = fakeBackend(clock, () => ({
        latencyMs: 5,
        error: faults.chance(p) ? new HttpStatusError(503) : undefined,
      }));
      const client = buildPolicyStack(
        { retry: retryConfig({ maxAttempts: k }) },
        backend.attempt,
        depsFor(clock, recordEvents()),
      );
      const n = 5000;
      const counts = tally(await executeAll(clock, client, ids(n)));

      // Successes ~ Binomial(n, 1 − p^k): within 4σ.
      const q = 1 - p ** k;
      expect(Math.abs(counts.succeeded - n * q)).toBeLessThanOrEqual(4 * Math.sqrt(n * q * (1 - q)));
      expect(counts.succeeded + counts.failed).toBe(n);
      expect(counts['fell-back']).toBe(0);

      // Calls per request X: P(X ≥ j) = p^(j-1) for j ≤ k. Mean and variance from that, sum within 4σ.
      let mean = 0;
      let secondMoment = 0;
      for (let j = 1; j <= k; j++) {
        mean += p ** (j - 1);
        secondMoment += (2 * j - 1) * p ** (j - 1);
      }
      const sd = Math.sqrt(n * (secondMoment - mean ** 2));
      expect(Math.abs(backend.calls - n * mean)).toBeLessThanOrEqual(4 * sd + 1e-9);
      for (const calls of backend.callsById.values()) expect(calls).toBeLessThanOrEqual(k);
    },
  );

  it('makes exactly maxAttempts calls when every attempt fails, then fails with the last code', async () => {
    const clock = clockOf();
    const events = recordEvents();
    const backend = fakeBackend(clock, () => ({ error: new NetworkError('ECONNRESET') }));
    const client = buildPolicyStack(
      { retry: retryConfig({ maxAttempts: 4 }) },
      backend.attempt,
      depsFor(clock, events),
    );
    const outcomes = await executeAll(clock, client, ids(50));
    expect(outcomes.every((o) => o.kind === 'failed' && o.code === 'ECONNRESET')).toBe(true);
    expect([...backend.callsById.values()]).toEqual(Array(50).fill(4));
    expect(events.count('retry')).toBe(50 * 3);
    expect(events.count('give-up')).toBe(50);
    const retryNumbers = events.of('retry').map((e) => e.attempt);
    for (const n of [1, 2, 3]) expect(retryNumbers.filter((a) => a === n)).toHaveLength(50);
    expect(events.of('give-up')[0]).toEqual({ type: 'give-up', code: 'ECONNRESET' });
  });

  it('does not retry what retryOn leaves out', async () => {
    const clock = clockOf();
    const events = recordEvents();
    const backend = fakeBackend(clock, () => ({ error: new HttpStatusError(404) }));
    const client = buildPolicyStack(
      { retry: retryConfig({ maxAttempts: 5 }) },
      backend.attempt,
      depsFor(clock, events),
    );
    const [outcome] = await executeAll(clock, client, [request()]);
    expect(outcome).toEqual({ kind: 'failed', code: 'HTTP_404' });
    expect(backend.calls).toBe(1);
    expect(events.count('retry')).toBe(0);
  });

  it('waits the backoff between attempts, on virtual time', async () => {
    const clock = clockOf();
    const starts: number[] = [];
    const backend = fakeBackend(clock, (n) => {
      starts.push(clock.now());
      return { latencyMs: 3, error: n < 3 ? new HttpStatusError(500) : undefined };
    });
    const config = retryConfig({
      maxAttempts: 4,
      backoff: { type: 'exponential', initialDelay: 100, maxDelay: 10_000, exponent: 2, jitter: 'none' },
    });
    const client = buildPolicyStack({ retry: config }, backend.attempt, depsFor(clock, recordEvents()));
    const [outcome] = await executeAll(clock, client, [request()]);
    expect(outcome?.kind).toBe('succeeded');
    // Each attempt takes 3 ms, then waits 100, 200, 400.
    expect(starts).toEqual([0, 103, 306, 709]);
  });

  it('honours Retry-After from a 503, capped at maxRetryAfter', async () => {
    const clock = clockOf();
    const run = async (config: RetryConfig) => {
      const starts: number[] = [];
      const backend = fakeBackend(clock, (n) => {
        starts.push(clock.now());
        return { error: n === 0 ? new HttpStatusError(503, 2000) : undefined };
      });
      const base = clock.now();
      const client = buildPolicyStack({ retry: config }, backend.attempt, depsFor(clock, recordEvents()));
      await executeAll(clock, client, [request()]);
      return starts.map((t) => t - base);
    };
    expect(await run(retryConfig())).toEqual([0, 2000]);
    expect(await run(retryConfig({ maxRetryAfter: 700 }))).toEqual([0, 700]);
    expect(await run(retryConfig({ honorRetryAfter: false }))).toEqual([0, 10]);
  });

  it('reproduces its jittered delays from the seed, and never calls Math.random', async () => {
    const random = vi.spyOn(Math, 'random');
    const clock = clockOf();
    const delaysFor = async (seed: number) => {
      const events = recordEvents();
      const backend = fakeBackend(clock, () => ({ error: new HttpStatusError(502) }));
      const config = retryConfig({
        maxAttempts: 6,
        backoff: { type: 'exponential', initialDelay: 50, maxDelay: 5000, exponent: 2, jitter: 'full' },
      });
      const client = buildPolicyStack({ retry: config }, backend.attempt, depsFor(clock, events, seed));
      await executeAll(clock, client, ids(20));
      return events.of('retry').map((e) => e.delayMs);
    };
    const first = await delaysFor(99);
    expect(first).toHaveLength(100);
    expect(await delaysFor(99)).toEqual(first);
    expect(await delaysFor(100)).not.toEqual(first);
    expect(random).not.toHaveBeenCalled();
    random.mockRestore();
  });
});
