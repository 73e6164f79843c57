import { afterEach, describe, expect, it } from 'vitest';
import { installVirtualClock, type VirtualClock } from '../../src/clock/virtual-clock.ts';

let clock: VirtualClock | undefined;
afterEach(() => {
  clock?.uninstall();
  clock = undefined;
});

describe('the virtual clock', () => {
  it('keeps fractional milliseconds, on its own sleeps and on the global timers', async () => {
    clock = installVirtualClock();
    const c = clock;
    const seen: [string, number][] = [];
    const work = Promise.all([
      c.sleep(10.7).then(() => seen.push(['sleep', c.now()])),
      new Promise<void>((resolve) =>
        setTimeout(() => {
          seen.push(['setTimeout', c.now()]);
          resolve();
        }, 0.4),
      ),
    ]);
    expect(await c.drive(work)).toBe('settled');
    expect(seen).toEqual([
      ['setTimeout', 0.4],
      ['sleep', 10.7],
    ]);
    // Date follows in whole milliseconds, as third-party code expects of it.
    expect(Date.now()).toBe(10);
  });

  it('simulates delays of 2^31 ms and more exactly instead of wrapping them to 1 ms', async () => {
    clock = installVirtualClock();
    const c = clock;
    const days35 = 35 * 24 * 3_600_000;
    expect(days35).toBeGreaterThan(2 ** 31);
    let firedAt = -1;
    setTimeout(() => {
      firedAt = c.now();
    }, days35);
    await c.advance(1);
    expect(firedAt).toBe(-1);
    await c.drive(c.sleep(days35 + 1));
    expect(firedAt).toBe(days35);
  });

  it('orders timers due at one instant by creation and lets them be cleared and refreshed', async () => {
    clock = installVirtualClock();
    const order: string[] = [];
    setTimeout(() => order.push('a'), 5);
    const b = setTimeout(() => order.push('b'), 5);
    setTimeout(() => order.push('c'), 5);
    clearTimeout(b);
    const d = setTimeout(() => order.push('d'), 3);
    await clock.advance(2);
    d.refresh(); // due again 3 ms from now: 5 ms, after a and c
    await clock.advance(10);
    expect(order).toEqual(['a', 'c', 'd']);
  });

  it('clears a timer by its numeric id, also once it has been refreshed after firing', async () => {
    clock = installVirtualClock();
    const order: string[] = [];
    const a = setTimeout(() => order.push('a'), 5);
    const b = setTimeout(() => order.push('b'), 5);
    const bId = Number(b);
    clearTimeout(Number(a));
    await clock.advance(6);
    b.refresh();
    clearTimeout(bId);
    setTimeout(() => order.push('c'), 5);
    await clock.advance(10);
    expect(order).toEqual(['b', 'c']);
  });

  it('reports a stall when events keep firing at one instant without time moving', async () => {
    clock = installVirtualClock();
    const c = clock;
    const forever = new Promise<void>(() => {
      const again = () => setTimeout(again, 0);
      again();
    });
    expect(await c.drive(forever, { stallEvents: 500 })).toBe('stalled');
    expect(c.now()).toBe(0);
  });

  it('stops at once when its stop signal aborts, even while timers are still due', async () => {
    clock = installVirtualClock();
    const c = clock;
    const stop = new AbortController();
    let ticks = 0;
    const forever = new Promise<void>(() => {
      const tick = () => {
        if (++ticks === 100) stop.abort();
        setTimeout(tick, 1);
      };
      tick();
    });
    expect(await c.drive(forever, { stop: stop.signal })).toBe('stopped');
    expect(ticks).toBe(100);
  });

  it('puts the real timers back when uninstalled', () => {
    const real = globalThis.setTimeout;
    clock = installVirtualClock();
    expect(globalThis.setTimeout).not.toBe(real);
    clock.uninstall();
    expect(globalThis.setTimeout).toBe(real);
  });
});
