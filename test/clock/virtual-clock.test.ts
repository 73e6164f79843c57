import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };
import { fakeTimersProblem } from '../../src/clock/fake-timers-version.ts';
import { installVirtualClock, type VirtualClock } from '../../src/clock/virtual-clock.ts';
import { isFaultlineError } from '../../src/errors/faultline-error.ts';

const fakeTimersPackage = createRequire(import.meta.url)('@sinonjs/fake-timers/package.json') as {
  version: string;
};

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
    // Date and performance follow in whole milliseconds, as third-party code expects of them.
    expect(Date.now()).toBe(10);
    expect(new Date().toISOString()).toBe(new Date(10).toISOString());
    expect(performance.now()).toBe(10);
    await c.drive(new Promise<void>((resolve) => setTimeout(resolve, 1_000)));
    expect([Date.now(), performance.now()]).toEqual([1_010, 1_010]);
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

describe('one virtual clock per thread', () => {
  it('refuses a second simulation in the same thread with a coded error, leaving the first intact', async () => {
    clock = installVirtualClock();
    let second: unknown;
    try {
      installVirtualClock();
    } catch (error) {
      second = error;
    }
    expect(isFaultlineError(second) && second.code).toBe('SIMULATION_ALREADY_RUNNING');
    expect((second as Error).message).toMatch(/already installed in this thread.*--workers/);
    let fired = false;
    setTimeout(() => {
      fired = true;
    }, 5);
    await clock.advance(5);
    expect(fired).toBe(true);
  });
});

describe('the pinned fake-timers', () => {
  it('is the one installed, and another major.minor is named with the range expected', () => {
    const range = (packageJson.dependencies as Record<string, string>)['@sinonjs/fake-timers'] as string;
    expect(range).toMatch(/^~\d+\.\d+\.\d+$/);
    expect(fakeTimersProblem(fakeTimersPackage.version, range)).toBeUndefined();
    expect(fakeTimersProblem('15.5.9', '~15.5.0')).toBeUndefined();
    expect(fakeTimersProblem('15.6.0', '~15.5.0')).toBe(
      "@sinonjs/fake-timers 15.6.0 is installed, but the virtual clock is built for ~15.5.0 (15.5.x); reinstall faultline's dependencies (npm ci) or install @sinonjs/fake-timers@~15.5.0",
    );
    expect(fakeTimersProblem('16.5.0', '~15.5.0')).toMatch(/16\.5\.0 is installed/);
    expect(fakeTimersProblem('15.5.0', '^15.5.0')).toMatch(/not as a ~major\.minor\.patch range/);
  });
});
