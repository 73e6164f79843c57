import { describe, expect, it } from 'vitest';
import { HttpStatusError } from '../../src/errors/call-errors.ts';
import { buildPolicyStack } from '../../src/policies/build-stack.ts';
import { cacheKey } from '../../src/policies/cache-key.ts';
import type { CacheConfig, PoliciesConfig } from '../../src/policies/schema.ts';
import { depsFor, executeAll, fakeBackend, recordEvents, request, useVirtualClock } from './helpers.ts';

const clockOf = useVirtualClock();

const cache = (overrides: Partial<CacheConfig> = {}): CacheConfig => ({
  ttl: 1000,
  maxEntries: 100,
  coalesce: true,
  ...overrides,
});

/** A backend whose answer for every call is decided by `state` at call time. */
function setup(config: PoliciesConfig, latencyMs = 10) {
  const clock = clockOf();
  const state = { failWith: undefined as unknown };
  const backend = fakeBackend(clock, (n) => ({ latencyMs, error: state.failWith, value: `value ${n}` }));
  const events = recordEvents();
  const client = buildPolicyStack(config, backend.attempt, depsFor(clock, events));
  const once = async (id: unknown = 'same') => (await executeAll(clock, client, [request(id)]))[0];
  return { clock, state, backend, events, client, once };
}

describe('cache', () => {
  it('serves a hit without calling the backend', async () => {
    const { backend, events, once } = setup({ cache: cache() });
    expect(await once()).toEqual({ kind: 'succeeded', value: 'value 0' });
    expect(await once()).toEqual({ kind: 'succeeded', value: 'value 0' });
    expect(backend.calls).toBe(1);
    expect(events.count('cache-miss')).toBe(1);
    expect(events.count('cache-hit')).toBe(1);
  });

  it('keys on method, path and body', async () => {
    const { backend, once } = setup({ cache: cache() });
    await once('a');
    await once('b');
    await once('a');
    expect(backend.calls).toBe(2);
    expect(cacheKey(request('a'))).toBe(cacheKey({ ...request('a') }));
    expect(cacheKey(request('a'))).not.toBe(cacheKey(request('a', '/api/validate')));
    expect(cacheKey(request('a'))).not.toBe(cacheKey({ ...request('a'), method: 'GET' }));
  });

  it('coalesces concurrent identical misses into one call, and every follower gets the same outcome', async () => {
    const { clock, backend, events, client } = setup({ cache: cache() });
    const outcomes = await executeAll(
      clock,
      client,
      Array.from({ length: 25 }, () => request('same')),
    );
    expect(backend.calls).toBe(1);
    expect(new Set(outcomes.map((o) => JSON.stringify(o)))).toEqual(
      new Set(['{"kind":"succeeded","value":"value 0"}']),
    );
    expect(events.count('cache-miss')).toBe(1);
    expect(events.count('cache-coalesced')).toBe(24);
  });

  it('shares a failure with the coalesced followers too', async () => {
    const { clock, state, backend, client } = setup({ cache: cache() });
    state.failWith = new HttpStatusError(502);
    const outcomes = await executeAll(clock, client, [request(), request(), request()]);
    expect(backend.calls).toBe(1);
    expect(outcomes).toEqual(Array(3).fill({ kind: 'failed', code: 'HTTP_502' }));
  });

  it('calls once per request when coalescing is off', async () => {
    const { clock, backend, client } = setup({ cache: cache({ coalesce: false }) });
    await executeAll(clock, client, [request(), request(), request()]);
    expect(backend.calls).toBe(3);
  });

  it('never caches an error', async () => {
    const { state, backend, once } = setup({ cache: cache() });
    state.failWith = new HttpStatusError(500);
    expect(await once()).toEqual({ kind: 'failed', code: 'HTTP_500' });
    state.failWith = undefined;
    expect(await once()).toEqual({ kind: 'succeeded', value: 'value 1' });
    expect(backend.calls).toBe(2);
  });

  it('never caches a fallback value', async () => {
    const { state, backend, once } = setup({ cache: cache(), fallback: { value: 'degraded' } });
    state.failWith = new HttpStatusError(500);
    expect(await once()).toEqual({ kind: 'fell-back', value: 'degraded', code: 'HTTP_500' });
    state.failWith = undefined;
    expect(await once()).toEqual({ kind: 'succeeded', value: 'value 1' });
    expect(backend.calls).toBe(2);
  });

  it('expires entries after `ttl` of virtual time', async () => {
    const { clock, backend, once } = setup({ cache: cache({ ttl: 1000 }) }, 0);
    await once();
    await clock.advance(999);
    await once();
    expect(backend.calls).toBe(1);
    await clock.advance(1);
    expect(await once()).toEqual({ kind: 'succeeded', value: 'value 1' });
    expect(backend.calls).toBe(2);
  });

  it('evicts the least recently used entry beyond maxEntries', async () => {
    const { backend, once } = setup({ cache: cache({ maxEntries: 2 }) }, 0);
    await once('a');
    await once('b');
    await once('a');
    await once('c');
    expect(backend.calls).toBe(3);
    await once('a');
    expect(backend.calls).toBe(3);
    await once('b');
    expect(backend.calls).toBe(4);
  });

  it('serves the expired value when the backend fails within the stale-if-error window', async () => {
    const { clock, state, events, once } = setup({ cache: cache({ ttl: 1000, staleIfError: 5000 }) }, 0);
    await once();
    await clock.advance(3000);
    state.failWith = new HttpStatusError(503);
    expect(await once()).toEqual({ kind: 'succeeded', value: 'value 0' });
    expect(events.count('cache-stale')).toBe(1);
    await clock.advance(3000);
    // 6000 ms after it was stored: past ttl + staleIfError.
    expect(await once()).toEqual({ kind: 'failed', code: 'HTTP_503' });
    expect(events.count('cache-stale')).toBe(1);
  });

  it('prefers a stale value over the fallback, and falls back once the window has passed', async () => {
    const { clock, state, events, once } = setup(
      { cache: cache({ ttl: 1000, staleIfError: 1000 }), fallback: { value: 'degraded' } },
      0,
    );
    await once();
    await clock.advance(1500);
    state.failWith = new HttpStatusError(503);
    expect(await once()).toEqual({ kind: 'succeeded', value: 'value 0' });
    expect(events.count('fallback')).toBe(0);
    await clock.advance(1000);
    expect(await once()).toEqual({ kind: 'fell-back', value: 'degraded', code: 'HTTP_503' });
  });

  it('does not serve stale values when staleIfError is not set', async () => {
    const { clock, state, once } = setup({ cache: cache({ ttl: 1000 }) }, 0);
    await once();
    await clock.advance(1001);
    state.failWith = new HttpStatusError(503);
    expect(await once()).toEqual({ kind: 'failed', code: 'HTTP_503' });
  });
});
