import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRealClock } from '../../src/clock/real-clock.ts';
import type { Phase } from '../../src/faults/schema.ts';
import { MAX_TIMER_MS, sleepUnlessClosed } from '../../src/http/fault-delivery.ts';
import { startProxy } from '../../src/http/proxy.ts';
import { startServer } from '../../src/http/server.ts';
import { eventually, nodeRequest } from './support/clients.ts';
import { createInstantClock } from './support/instant-clock.ts';
import { startUpstream } from './support/upstream.ts';

const DAY_MS = 24 * 3_600_000;
/** 35 days: past Node's timer limit (about 24.8 days), where a plain setTimeout fires after 1 ms. */
const LONG_MS = 35 * DAY_MS;

describe('fault delays past the timer limit are slept in full', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('a 35-day sleep on the real clock is still pending 1 ms, and 35 days less 1 ms, in', async () => {
    // The fake timers reproduce Node's overflow: a single setTimeout of 35 days would fire after 1 ms.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const ctx = { clock: createRealClock(), signal: new AbortController().signal };
    let woke: boolean | undefined;
    void sleepUnlessClosed(LONG_MS, ctx).then((result) => {
      woke = result;
    });
    await vi.advanceTimersByTimeAsync(10);
    expect(woke).toBeUndefined();
    await vi.advanceTimersByTimeAsync(LONG_MS - 11);
    expect(woke).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(woke).toBe(true);
  });

  it('chains timers no longer than the limit, summing to the delay; a closed connection stops it', async () => {
    const clock = createInstantClock();
    expect(await sleepUnlessClosed(LONG_MS, { clock, signal: new AbortController().signal })).toBe(true);
    expect(clock.sleeps).toEqual([MAX_TIMER_MS, LONG_MS - MAX_TIMER_MS]);
    expect(MAX_TIMER_MS).toBe(2 ** 31 - 1);
    const closed = new AbortController();
    closed.abort();
    expect(await sleepUnlessClosed(LONG_MS, { clock, signal: closed.signal })).toBe(false);
  });
});

describe('serve and the proxy hold a 35-day latency fault instead of answering at once', () => {
  // Built as a value, not parsed: the point is the delivery of a long delay, whatever bound a scenario sets.
  const phases: Phase[] = [
    {
      name: 'glacial',
      from: 0,
      faults: [{ kind: 'latency', rate: 1, distribution: { type: 'fixed', ms: LONG_MS } }],
    },
  ];

  it.each(['serve', 'proxy'] as const)('%s', async (which) => {
    const upstream = await startUpstream((_req, res) => res.end('{"status":"ok"}'));
    const server =
      which === 'serve' ? await startServer({ phases }) : await startProxy({ target: upstream.url, phases });
    try {
      let settled = false;
      const pending = nodeRequest(`${server.url}/api/health`).finally(() => {
        settled = true;
      });
      await eventually(async () => (await server.openConnections()) === 1);
      // Far past the 1 ms the overflow would give: the request must still be waiting.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(settled).toBe(false);
      await server.close();
      expect(await pending).toMatchObject({ ok: false });
    } finally {
      await server.close();
      await upstream.close();
    }
  });
});
