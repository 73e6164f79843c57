import { getEventListeners } from 'node:events';
import { TaskCancelledError } from 'cockatiel';
import { describe, expect, it } from 'vitest';
import { HttpStatusError } from '../../src/errors/call-errors.ts';
import { buildPolicyStack } from '../../src/policies/build-stack.ts';
import type { TimeoutConfig } from '../../src/policies/schema.ts';
import { createTimeout } from '../../src/policies/timeout.ts';
import { depsFor, executeAll, fakeBackend, recordEvents, request, useVirtualClock } from './helpers.ts';

const clockOf = useVirtualClock();

const aggressive: TimeoutConfig = { after: 100, strategy: 'aggressive' };
const cooperative: TimeoutConfig = { after: 100, strategy: 'cooperative' };

/** Runs one request and reports its outcome and the virtual time it took. */
async function timed(config: TimeoutConfig, latencyMs: number, ignoreAbort = false) {
  const clock = clockOf();
  const events = recordEvents();
  const backend = fakeBackend(clock, () => ({ latencyMs, ignoreAbort }));
  const client = buildPolicyStack({ timeout: config }, backend.attempt, depsFor(clock, events));
  const started = clock.now();
  let endedAt = Number.NaN;
  const outcome = client.execute(request()).then((o) => {
    endedAt = clock.now();
    return o;
  });
  await clock.drive(outcome);
  return { outcome: await outcome, tookMs: endedAt - started, events, backend };
}

describe('timeout', () => {
  it('aggressive: a slow call fails with TIMEOUT exactly at `after` on the virtual clock, and its signal is aborted', async () => {
    const { outcome, tookMs, events, backend } = await timed(aggressive, 5000);
    expect(outcome).toEqual({ kind: 'failed', code: 'TIMEOUT' });
    expect(tookMs).toBe(100);
    expect(events.count('timeout')).toBe(1);
    expect(backend.signals[0]?.aborted).toBe(true);
    expect(backend.signals[0]?.reason).toBeInstanceOf(TaskCancelledError);
    expect(backend.inFlight).toBe(0);
  });

  it('aggressive: releases the caller at `after` even when the call ignores its signal', async () => {
    const { outcome, tookMs } = await timed(aggressive, 5000, true);
    expect(outcome.code).toBe('TIMEOUT');
    expect(tookMs).toBe(100);
  });

  it('a call that finishes in time is untouched: its value, its latency, no abort', async () => {
    const { outcome, tookMs, events, backend } = await timed(aggressive, 99);
    expect(outcome).toEqual({ kind: 'succeeded', value: 'answer 0' });
    expect(tookMs).toBe(99);
    expect(events.count('timeout')).toBe(0);
    expect(backend.signals[0]?.aborted).toBe(false);
  });

  it('bounds every latency to min(latency, after) across many concurrent calls', async () => {
    const clock = clockOf();
    const latencies = Array.from({ length: 300 }, (_, i) => (i * 37) % 250);
    const backend = fakeBackend(clock, (_n, r) => ({ latencyMs: latencies[(r.body as { id: number }).id] }));
    const client = buildPolicyStack({ timeout: aggressive }, backend.attempt, depsFor(clock, recordEvents()));
    const took: number[] = [];
    const outcomes = latencies.map(async (_, id) => {
      const outcome = await client.execute(request(id));
      took[id] = clock.now();
      return outcome;
    });
    await clock.drive(Promise.all(outcomes));
    const results = await Promise.all(outcomes);
    latencies.forEach((latency, id) => {
      expect(took[id]).toBe(Math.min(latency, 100));
      expect(results[id]?.kind).toBe(latency < 100 ? 'succeeded' : 'failed');
    });
  });

  it('times each call from its own start when calls start at different times', async () => {
    const clock = clockOf();
    const latencies = Array.from({ length: 120 }, (_, i) => (i * 53) % 230);
    const backend = fakeBackend(clock, (_n, r) => ({ latencyMs: latencies[(r.body as { id: number }).id] }));
    const client = buildPolicyStack({ timeout: aggressive }, backend.attempt, depsFor(clock, recordEvents()));
    const took: number[] = [];
    const outcomes: Promise<unknown>[] = [];
    for (const [id] of latencies.entries()) {
      const startedAt = clock.now();
      outcomes.push(
        client.execute(request(id)).then(() => {
          took[id] = clock.now() - startedAt;
        }),
      );
      await clock.advance(7);
    }
    await clock.drive(Promise.all(outcomes));
    latencies.forEach((latency, id) => {
      expect(took[id]).toBe(Math.min(latency, 100));
    });
  });

  it('cooperative: aborts the signal at `after` and lets a call that honours it end with TIMEOUT', async () => {
    const { outcome, tookMs, events } = await timed(cooperative, 5000);
    expect(outcome).toEqual({ kind: 'failed', code: 'TIMEOUT' });
    expect(tookMs).toBe(100);
    expect(events.count('timeout')).toBe(1);
  });

  it("cooperative: awaits a call that ignores its signal, and keeps that call's own outcome", async () => {
    const { outcome, tookMs, events, backend } = await timed(cooperative, 300, true);
    expect(outcome).toEqual({ kind: 'succeeded', value: 'answer 0' });
    expect(tookMs).toBe(300);
    expect(events.count('timeout')).toBe(1);
    expect(backend.signals[0]?.aborted).toBe(true);
  });

  it('leaves at most one listener on a long-lived parent signal, and a parent abort still reaches every call', async () => {
    const clock = clockOf();
    const policy = createTimeout(
      { after: 10_000, strategy: 'aggressive' },
      { clock, events: recordEvents().sink },
    );
    const parent = new AbortController();
    const backend = fakeBackend(clock, () => ({ latencyMs: 50 }));

    const finished = Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        policy.execute(({ signal }) => backend.attempt(request(i), signal), parent.signal),
      ),
    );
    await clock.advance(10);
    expect(getEventListeners(parent.signal, 'abort').length).toBeLessThanOrEqual(1);
    await clock.drive(finished);
    expect(getEventListeners(parent.signal, 'abort').length).toBeLessThanOrEqual(1);

    const cancelled = Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        policy.execute(({ signal }) => backend.attempt(request(i), signal), parent.signal),
      ),
    );
    await clock.advance(10);
    parent.abort();
    const results = await cancelled;
    expect(results.every((r) => r.status === 'rejected' && r.reason instanceof TaskCancelledError)).toBe(
      true,
    );
    expect(backend.signals.slice(-20).every((s) => s.aborted)).toBe(true);
  });

  it('leaves no listener behind on the signals it hands out across retries', async () => {
    const clock = clockOf();
    const backend = fakeBackend(clock, (n) => ({
      latencyMs: 5,
      error: n % 3 === 2 ? undefined : new HttpStatusError(503),
    }));
    const client = buildPolicyStack(
      {
        retry: {
          maxAttempts: 3,
          backoff: { type: 'constant', delay: 1 },
          retryOn: ['5xx'],
          honorRetryAfter: true,
          maxRetryAfter: 1000,
        },
        timeout: aggressive,
      },
      backend.attempt,
      depsFor(clock, recordEvents()),
    );
    await executeAll(
      clock,
      client,
      Array.from({ length: 50 }, (_, i) => request(i)),
    );
    for (const signal of backend.signals) expect(getEventListeners(signal, 'abort')).toHaveLength(0);
  });

  it('holds no timer once every call has finished', async () => {
    const clock = clockOf();
    const backend = fakeBackend(clock, () => ({ latencyMs: 5 }));
    const client = buildPolicyStack({ timeout: aggressive }, backend.attempt, depsFor(clock, recordEvents()));
    await executeAll(clock, client, [request(1), request(2)]);
    // With no timer pending, driving work that never settles reports 'idle' at once.
    expect(await clock.drive(new Promise(() => {}))).toBe('idle');
    expect(clock.now()).toBe(5);
  });
});

describe('timeout signals and AbortSignal.any', () => {
  it('never aborts a signal a finished call derived with AbortSignal.any when a later call times out', async () => {
    const clock = clockOf();
    const policy = createTimeout(aggressive, { clock, events: recordEvents().sink });
    let derived: AbortSignal | undefined;
    // The first call derives a signal (as fetch wrappers do) and finishes in time, leaving no listener.
    await clock.drive(
      policy.execute(async (_ctx, signal) => {
        derived = AbortSignal.any([signal]);
      }),
    );
    expect(getEventListeners(derived as AbortSignal, 'abort')).toHaveLength(0);
    // Later calls time out: their signals abort. None may be the first call's.
    const late = Array.from({ length: 3 }, () =>
      policy.execute((_ctx, signal) => clock.sleep(1000, signal)).catch(() => undefined),
    );
    await clock.drive(Promise.all(late));
    expect(derived?.aborted).toBe(false);
  });
});

describe('timeouts on fractional virtual time', () => {
  it('expire exactly `after` past calls started between whole milliseconds', async () => {
    const clock = clockOf();
    const policy = createTimeout(aggressive, { clock, events: recordEvents().sink });
    const expiredAt: number[] = [];
    const call = () =>
      policy.execute((_ctx, signal) => clock.sleep(1000, signal)).catch(() => expiredAt.push(clock.now()));
    await clock.advance(0.3);
    const first = call();
    await clock.advance(50.3);
    const second = call();
    await clock.drive(Promise.all([first, second]));
    expect(expiredAt).toEqual([100.3, 150.6]);
  });
});
