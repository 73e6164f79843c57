import { describe, expect, it } from 'vitest';
import { HttpStatusError, MalformedBodyError, NetworkError } from '../../src/errors/call-errors.ts';
import { buildPolicyStack } from '../../src/policies/build-stack.ts';
import { type PoliciesConfig, policiesSchema } from '../../src/policies/schema.ts';
import type { AttemptFn } from '../../src/policies/stack.ts';
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

const FULL: PoliciesConfig = policiesSchema.parse({
  cache: { ttl: '2s', staleIfError: '10s' },
  fallback: { value: 'degraded' },
  retry: { maxAttempts: 3, backoff: { type: 'exponential', initialDelay: '20ms', maxDelay: '1s' } },
  breaker: { halfOpenAfter: '2s', strategy: { type: 'consecutive', threshold: 8 } },
  timeout: { after: '150ms' },
  bulkhead: { limit: 20, queue: 20 },
});

describe('buildPolicyStack', () => {
  it('accounts for every request exactly once, under a mix of faults', async () => {
    const clock = clockOf();
    const events = recordEvents();
    const faults = createRng(7);
    const errors = [
      new HttpStatusError(503),
      new HttpStatusError(429, 300),
      new NetworkError('ECONNRESET'),
      new MalformedBodyError('truncated'),
      new HttpStatusError(404),
    ];
    const backend = fakeBackend(clock, () => ({
      latencyMs: faults.int(1, 250),
      error: faults.chance(0.35) ? errors[faults.int(0, errors.length - 1)] : undefined,
    }));
    const client = buildPolicyStack(FULL, backend.attempt, depsFor(clock, events));
    const n = 2000;
    const pending: Promise<{ kind: string }>[] = [];
    for (let i = 0; i < n; i++) {
      pending.push(client.execute(request(i % 300)));
      if (i % 10 === 9) await clock.advance(5);
    }
    await clock.drive(Promise.all(pending));
    const outcomes = await Promise.all(pending);
    const counts = tally(outcomes as never);
    expect(counts.succeeded + counts['fell-back'] + counts.failed).toBe(n);
    // A fallback value is configured, so nothing ends as a bare failure.
    expect(counts.failed).toBe(0);
    // The fallback runs once per missed request; coalesced followers share its outcome.
    expect(events.count('fallback')).toBeGreaterThan(0);
    expect(events.count('fallback')).toBeLessThanOrEqual(counts['fell-back']);
    expect(events.count('fallback')).toBeLessThanOrEqual(events.count('cache-miss'));
    expect(events.count('cache-hit') + events.count('cache-miss') + events.count('cache-coalesced')).toBe(n);
  });

  it('resolves, never rejects, whatever the attempt throws', async () => {
    const clock = clockOf();
    const throwers: AttemptFn[] = [
      () => {
        throw new Error('synchronous');
      },
      async () => {
        throw undefined;
      },
      async () => {
        throw 'a string';
      },
      () => Promise.reject(null),
    ];
    for (const attempt of throwers) {
      for (const config of [{}, FULL, { retry: FULL.retry, timeout: FULL.timeout }] as PoliciesConfig[]) {
        const client = buildPolicyStack(config, attempt, depsFor(clock, recordEvents()));
        const outcome = client.execute(request());
        await clock.drive(outcome);
        expect(['failed', 'fell-back']).toContain((await outcome).kind);
      }
    }
  });

  it('resolves a request whose body cannot be keyed as failed rather than throwing', async () => {
    const clock = clockOf();
    const backend = fakeBackend(clock, () => ({}));
    const client = buildPolicyStack({ cache: FULL.cache }, backend.attempt, depsFor(clock, recordEvents()));
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    const outcome = await client.execute({ method: 'POST', path: '/api/analyze', body: circular });
    expect(outcome.kind).toBe('failed');
  });

  it('with no policies, is the attempt itself', async () => {
    const clock = clockOf();
    const backend = fakeBackend(clock, (n) => ({ error: n === 1 ? new HttpStatusError(500) : undefined }));
    const client = buildPolicyStack({}, backend.attempt, depsFor(clock, recordEvents()));
    expect(await executeAll(clock, client, [request(0), request(1)])).toEqual([
      { kind: 'succeeded', value: 'answer 0' },
      { kind: 'failed', code: 'HTTP_500' },
    ]);
  });

  it('puts retry outside the breaker: an open breaker is not retried and costs no call', async () => {
    const clock = clockOf();
    const events = recordEvents();
    const backend = fakeBackend(clock, () => ({ error: new HttpStatusError(503) }));
    const client = buildPolicyStack(
      {
        retry: FULL.retry,
        breaker: { halfOpenAfter: 60_000, strategy: { type: 'consecutive', threshold: 2 }, failOn: ['5xx'] },
      },
      backend.attempt,
      depsFor(clock, events),
    );
    // Attempts 1 and 2 trip the breaker; attempt 3 is refused by it.
    expect(await executeAll(clock, client, [request()])).toEqual([{ kind: 'failed', code: 'BREAKER_OPEN' }]);
    expect(backend.calls).toBe(2);
    expect(await executeAll(clock, client, [request(1)])).toEqual([{ kind: 'failed', code: 'BREAKER_OPEN' }]);
    expect(backend.calls).toBe(2);
    expect(events.count('retry')).toBe(2);
  });

  it('puts the timeout inside retry: each attempt gets its own `after`, and timeouts are retried', async () => {
    const clock = clockOf();
    const backend = fakeBackend(clock, (n) => ({ latencyMs: n < 2 ? 1000 : 10 }));
    const client = buildPolicyStack(
      {
        retry: {
          ...(FULL.retry as NonNullable<PoliciesConfig['retry']>),
          backoff: { type: 'constant', delay: 0 },
        },
        timeout: { after: 100, strategy: 'aggressive' },
      },
      backend.attempt,
      depsFor(clock, recordEvents()),
    );
    expect(await executeAll(clock, client, [request()])).toEqual([{ kind: 'succeeded', value: 'answer 2' }]);
    expect(clock.now()).toBe(210);
  });

  it('puts the bulkhead inside the timeout: waiting in its queue counts against `after`', async () => {
    const clock = clockOf();
    const backend = fakeBackend(clock, () => ({ latencyMs: 80 }));
    const client = buildPolicyStack(
      { timeout: { after: 100, strategy: 'aggressive' }, bulkhead: { limit: 1, queue: 5 } },
      backend.attempt,
      depsFor(clock, recordEvents()),
    );
    const outcomes = await executeAll(clock, client, [request(1), request(2)]);
    expect(outcomes.map((o) => o.code ?? o.kind)).toEqual(['succeeded', 'TIMEOUT']);
  });
});
