import { describe, expect, it } from 'vitest';
import { HttpStatusError } from '../../src/errors/call-errors.ts';
import { buildPolicyStack } from '../../src/policies/build-stack.ts';
import { type BreakerConfig, type PoliciesConfig, policiesSchema } from '../../src/policies/schema.ts';
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

const consecutive = (threshold: number, halfOpenAfter = 1000): BreakerConfig => ({
  halfOpenAfter,
  strategy: { type: 'consecutive', threshold },
  failOn: ['5xx', '429', 'network', 'timeout'],
});

const ids = (n: number, from = 0) => Array.from({ length: n }, (_, i) => request(from + i));

/** A backend that fails with 503 while `down` is true, answering after `latencyMs`. */
function switchableBackend(latencyMs = 0) {
  const clock = clockOf();
  const state = { down: true };
  const backend = fakeBackend(clock, () => ({
    latencyMs,
    error: state.down ? new HttpStatusError(503) : undefined,
  }));
  return { clock, state, backend };
}

function stack(config: PoliciesConfig, backend: ReturnType<typeof switchableBackend>['backend']) {
  const events = recordEvents();
  const client = buildPolicyStack(config, backend.attempt, depsFor(clockOf(), events));
  return { events, client };
}

describe('circuit breaker', () => {
  it('opens after `threshold` consecutive failures, then makes zero backend calls while open', async () => {
    const { clock, backend } = switchableBackend();
    const { events, client } = stack({ breaker: consecutive(3) }, backend);
    for (const r of ids(3)) await executeAll(clock, client, [r]);
    expect(events.count('breaker-open')).toBe(1);
    expect(backend.calls).toBe(3);

    const outcomes = await executeAll(clock, client, ids(20, 3));
    expect(backend.calls).toBe(3);
    expect(outcomes.every((o) => o.kind === 'failed' && o.code === 'BREAKER_OPEN')).toBe(true);
    expect(events.count('breaker-rejected')).toBe(20);
  });

  it('does not count failures outside failOn', async () => {
    const clock = clockOf();
    const backend = fakeBackend(clock, () => ({ error: new HttpStatusError(404) }));
    const { events, client } = stack({ breaker: consecutive(2) }, backend);
    for (const r of ids(10)) await executeAll(clock, client, [r]);
    expect(events.count('breaker-open')).toBe(0);
    expect(backend.calls).toBe(10);
  });

  it('lets exactly one probe through when half-open, even with 10 concurrent callers, and closes on its success', async () => {
    const { clock, state, backend } = switchableBackend(50);
    const { events, client } = stack({ breaker: consecutive(1, 1000) }, backend);
    await executeAll(clock, client, [request('trip')]);
    expect(events.count('breaker-open')).toBe(1);
    const callsWhenOpened = backend.calls;

    await clock.advance(1000);
    state.down = false;
    const outcomes = Promise.all(ids(10).map((r) => client.execute(r)));
    await clock.advance(25);
    // Mid-probe: one call in flight, nine callers held by the breaker.
    expect(backend.calls - callsWhenOpened).toBe(1);
    expect(backend.inFlight).toBe(1);
    expect(events.count('breaker-half-open')).toBe(1);

    await clock.drive(outcomes);
    expect(events.count('breaker-closed')).toBe(1);
    expect(tally(await outcomes).succeeded).toBe(10);
    // Once closed, the held callers ran normally.
    expect(backend.calls - callsWhenOpened).toBe(10);
  });

  it('re-opens when the probe fails, and the held callers are rejected without calling', async () => {
    const { clock, backend } = switchableBackend(50);
    const { events, client } = stack({ breaker: consecutive(1, 1000) }, backend);
    await executeAll(clock, client, [request('trip')]);
    await clock.advance(1000);
    const before = backend.calls;
    const outcomes = await executeAll(clock, client, ids(10));
    expect(backend.calls - before).toBe(1);
    expect(outcomes.filter((o) => o.code === 'HTTP_503')).toHaveLength(1);
    expect(outcomes.filter((o) => o.code === 'BREAKER_OPEN')).toHaveLength(9);
    expect(
      events.all.map((e) => e.type).filter((t) => t.startsWith('breaker-') && t !== 'breaker-rejected'),
    ).toEqual(['breaker-open', 'breaker-half-open', 'breaker-open']);
  });

  it('stays open until halfOpenAfter has passed on the virtual clock', async () => {
    const { clock, backend } = switchableBackend();
    const { client } = stack({ breaker: consecutive(1, 5000) }, backend);
    await executeAll(clock, client, [request('trip')]);
    await clock.advance(4999);
    await executeAll(clock, client, [request('early')]);
    expect(backend.calls).toBe(1);
    await clock.advance(1);
    await executeAll(clock, client, [request('probe')]);
    expect(backend.calls).toBe(2);
  });

  it('count strategy opens once the failure ratio over the last `size` calls exceeds the threshold', async () => {
    const clock = clockOf();
    // Every other call fails: a steady 50% ratio.
    const backend = fakeBackend(clock, (n) => ({
      error: n % 2 === 0 ? new HttpStatusError(500) : undefined,
    }));
    const config = (threshold: number): PoliciesConfig => ({
      breaker: { halfOpenAfter: 1000, strategy: { type: 'count', threshold, size: 10 }, failOn: ['5xx'] },
    });
    const atRatio = stack(config(0.5), backend);
    for (const r of ids(40)) await executeAll(clock, atRatio.client, [r]);
    expect(atRatio.events.count('breaker-open')).toBe(0);

    const belowRatio = stack(config(0.45), backend);
    for (const r of ids(40)) await executeAll(clock, belowRatio.client, [r]);
    expect(belowRatio.events.count('breaker-open')).toBe(1);
  });

  it('a ratio threshold of 1 is accepted and opens only when every call in the window failed', async () => {
    const clock = clockOf();
    const config: PoliciesConfig = {
      breaker: { halfOpenAfter: 1000, strategy: { type: 'count', threshold: 1, size: 4 }, failOn: ['5xx'] },
    };
    expect(policiesSchema.parse(config).breaker?.strategy).toMatchObject({ threshold: 1 });
    // Three of every four calls fail: never all of a window of four.
    const mostly = stack(
      config,
      fakeBackend(clock, (n) => ({ error: n % 4 ? new HttpStatusError(500) : undefined })),
    );
    for (const r of ids(40)) await executeAll(clock, mostly.client, [r]);
    expect(mostly.events.count('breaker-open')).toBe(0);
    const all = stack(
      config,
      fakeBackend(clock, () => ({ error: new HttpStatusError(500) })),
    );
    for (const r of ids(4)) await executeAll(clock, all.client, [r]);
    expect(all.events.count('breaker-open')).toBe(1);
  });

  it('sampling strategy opens on the failure ratio within its time window, on virtual time', async () => {
    const clock = clockOf();
    const run = async (failEvery: (n: number) => boolean) => {
      const backend = fakeBackend(clock, (n) => ({
        error: failEvery(n) ? new HttpStatusError(500) : undefined,
      }));
      const { events, client } = stack(
        {
          breaker: {
            halfOpenAfter: 1000,
            strategy: { type: 'sampling', threshold: 0.5, duration: 10_000, minimumRps: 1 },
            failOn: ['5xx'],
          },
        },
        backend,
      );
      // 10 requests per virtual second for 10 s.
      for (const r of ids(100)) {
        await executeAll(clock, client, [r]);
        await clock.advance(100);
      }
      return events.count('breaker-open');
    };
    expect(await run((n) => n % 4 !== 0)).toBeGreaterThanOrEqual(1);
    expect(await run((n) => n % 4 === 0)).toBe(0);
  });
});
