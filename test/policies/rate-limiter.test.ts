import { describe, expect, it } from 'vitest';
import { RateLimiterPolicy } from '../../src/policies/rate-limiter.ts';
import { runScenario } from '../../src/runner/run-scenario.ts';
import { scenarioSchema } from '../../src/scenario/schema.ts';
import { recordEvents, useVirtualClock } from './helpers.ts';

const LIMIT = 20;
const SECONDS = 120;

/** 30 req/s against a backend that answers 429 beyond 20 calls per second (its own token bucket). */
function againstLimitedBackend(rateLimit?: { rate: number; burst: number; queue?: number }) {
  const scenario = scenarioSchema.parse({
    name: 'rate-limit',
    backends: { primary: { plugin: 'mock-analysis', options: { latency: { type: 'fixed', ms: 20 } } } },
    policies: rateLimit ? { rateLimit } : {},
    workload: { model: 'open', rate: 30, duration: `${SECONDS}s` },
    phases: [{ name: 'limited', from: 0, faults: [{ kind: 'rate-limit', limit: LIMIT, window: '1s' }] }],
  });
  return runScenario(scenario, { seed: 3 });
}

describe('client-side rate limiter against a rate-limited backend', () => {
  it('without it, the backend answers 429 to the excess', async () => {
    const result = await againstLimitedBackend();
    expect(result.requests.failuresByCode.HTTP_429).toBeGreaterThan(1000);
  });

  it('at the backend’s rate it never meets a 429, and sends burst + rate × duration calls', async () => {
    const result = await againstLimitedBackend({ rate: LIMIT, burst: LIMIT });
    expect(result.faults.injected).toEqual({});
    expect(result.requests.failuresByCode.HTTP_429).toBeUndefined();
    // The bucket starts full (20) and refills 20 a second for 120 s; the token due at 120 s may fall after the last arrival.
    expect(Math.abs(result.backend.calls - (LIMIT + LIMIT * SECONDS))).toBeLessThanOrEqual(1);
    expect(result.requests.failuresByCode.RATE_LIMITED).toBe(result.requests.total - result.backend.calls);
    expect(result.policyEvents['rate-limited']).toBe(result.requests.failuresByCode.RATE_LIMITED);
  });

  it('with a queue, waiting calls still never exceed the rate in any timeline bucket', async () => {
    const result = await againstLimitedBackend({ rate: LIMIT, burst: LIMIT, queue: 50 });
    expect(result.faults.injected).toEqual({});
    const { bucketMs, buckets } = result.timeline;
    for (const bucket of buckets)
      expect(bucket.backendCalls).toBeLessThanOrEqual((LIMIT * bucketMs) / 1000 + LIMIT);
    expect(result.policyEvents['rate-limit-queued']).toBeGreaterThan(0);
  });
});

describe('RateLimiterPolicy', () => {
  const clock = useVirtualClock();

  it('serves waiters in arrival order, one token every 1/rate', async () => {
    const limiter = new RateLimiterPolicy({ rate: 10, burst: 1, queue: 10 }, clock(), recordEvents().sink);
    const startedAt: number[] = [];
    const calls = [0, 1, 2, 3, 4].map((i) => limiter.execute(() => startedAt.push(clock().now()) && i));
    await clock().drive(Promise.all(calls));
    expect(await Promise.all(calls)).toEqual([0, 1, 2, 3, 4]);
    expect(startedAt).toEqual([0, 100, 200, 300, 400]);
  });

  it('rejects beyond the queue, and a waiter that aborts gives its token back', async () => {
    const events = recordEvents();
    const limiter = new RateLimiterPolicy({ rate: 10, burst: 1, queue: 1 }, clock(), events.sink);
    await limiter.execute(() => 'first');
    const controller = new AbortController();
    const waiter = limiter.execute(() => 'waited', controller.signal);
    await expect(limiter.execute(() => 'third')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    controller.abort();
    await expect(waiter).rejects.toMatchObject({ isTaskCancelledError: true });
    // The aborted waiter's reserved token is back: at 100 ms one token is there again.
    await clock().advance(100);
    const startedAt: number[] = [];
    await limiter.execute(() => startedAt.push(clock().now()));
    expect(startedAt).toEqual([100]);
    expect(events.count('rate-limited')).toBe(1);
  });
});
