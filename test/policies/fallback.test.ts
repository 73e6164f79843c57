import { describe, expect, it } from 'vitest';
import { HttpStatusError, NetworkError } from '../../src/errors/call-errors.ts';
import { FaultlineError } from '../../src/errors/faultline-error.ts';
import { buildPolicyStack } from '../../src/policies/build-stack.ts';
import type { RetryConfig } from '../../src/policies/schema.ts';
import { depsFor, executeAll, fakeBackend, recordEvents, request, useVirtualClock } from './helpers.ts';

const clockOf = useVirtualClock();

const retry: RetryConfig = {
  maxAttempts: 3,
  backoff: { type: 'constant', delay: 10 },
  retryOn: ['5xx'],
  honorRetryAfter: true,
  maxRetryAfter: 1000,
};

describe('fallback', () => {
  it('answers a failed request with the fixed value, keeping the code that triggered it', async () => {
    const clock = clockOf();
    const events = recordEvents();
    const backend = fakeBackend(clock, () => ({ error: new NetworkError('ECONNRESET') }));
    const client = buildPolicyStack(
      { fallback: { value: { verdict: 'unknown' } } },
      backend.attempt,
      depsFor(clock, events),
    );
    const [outcome] = await executeAll(clock, client, [request()]);
    expect(outcome).toEqual({ kind: 'fell-back', value: { verdict: 'unknown' }, code: 'ECONNRESET' });
    expect(events.of('fallback')).toEqual([{ type: 'fallback', code: 'ECONNRESET' }]);
  });

  it('runs once per request, after the retries are spent', async () => {
    const clock = clockOf();
    const events = recordEvents();
    const primary = fakeBackend(clock, () => ({ error: new HttpStatusError(503) }));
    const secondary = fakeBackend(clock, () => ({ value: 'from secondary' }));
    const deps = { ...depsFor(clock, events), attemptOn: () => secondary.attempt };
    const client = buildPolicyStack({ fallback: { backend: 'standby' }, retry }, primary.attempt, deps);
    const outcomes = await executeAll(
      clock,
      client,
      Array.from({ length: 30 }, (_, i) => request(i)),
    );
    expect(outcomes).toEqual(
      Array(30).fill({ kind: 'fell-back', value: 'from secondary', code: 'HTTP_503' }),
    );
    expect(primary.calls).toBe(90);
    expect(secondary.calls).toBe(30);
    expect([...secondary.callsById.values()]).toEqual(Array(30).fill(1));
    expect(events.count('fallback')).toBe(30);
  });

  it('does not run when the request succeeds', async () => {
    const clock = clockOf();
    const secondary = fakeBackend(clock, () => ({}));
    const primary = fakeBackend(clock, () => ({ value: 'primary' }));
    const deps = { ...depsFor(clock, recordEvents()), attemptOn: () => secondary.attempt };
    const client = buildPolicyStack({ fallback: { backend: 'standby' } }, primary.attempt, deps);
    expect(await executeAll(clock, client, [request()])).toEqual([{ kind: 'succeeded', value: 'primary' }]);
    expect(secondary.calls).toBe(0);
  });

  it('fails with the secondary code when the secondary fails too', async () => {
    const clock = clockOf();
    const primary = fakeBackend(clock, () => ({ error: new HttpStatusError(500) }));
    const secondary = fakeBackend(clock, () => ({ error: new NetworkError('ECONNREFUSED') }));
    const deps = { ...depsFor(clock, recordEvents()), attemptOn: () => secondary.attempt };
    const client = buildPolicyStack({ fallback: { backend: 'standby' } }, primary.attempt, deps);
    expect(await executeAll(clock, client, [request()])).toEqual([{ kind: 'failed', code: 'ECONNREFUSED' }]);
  });

  it('asks for the secondary backend by name', () => {
    const clock = clockOf();
    const asked: string[] = [];
    const backend = fakeBackend(clock, () => ({}));
    buildPolicyStack({ fallback: { backend: 'standby' } }, backend.attempt, {
      ...depsFor(clock, recordEvents()),
      attemptOn: (name) => {
        asked.push(name);
        return backend.attempt;
      },
    });
    expect(asked).toEqual(['standby']);
  });

  it('refuses at build time to fall back to a backend it cannot reach', () => {
    const clock = clockOf();
    const backend = fakeBackend(clock, () => ({}));
    expect(() =>
      buildPolicyStack({ fallback: { backend: 'standby' } }, backend.attempt, depsFor(clock, recordEvents())),
    ).toThrow(FaultlineError);
  });
});
