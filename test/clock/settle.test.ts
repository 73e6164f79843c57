import { afterEach, describe, expect, it } from 'vitest';
import { installVirtualClock, type VirtualClock } from '../../src/clock/virtual-clock.ts';

/*
 * The driver's fast settle (pureWork): between two timers a tick bounce stands in for a real event-loop
 * turn only where it provably lets every promise chain the timer started finish first.
 */

const realSetTimeout = globalThis.setTimeout;

let clock: VirtualClock | undefined;
afterEach(() => {
  clock?.uninstall();
  clock = undefined;
});

async function chain(depth: number): Promise<void> {
  for (let i = 0; i < depth; i++) await undefined;
}

/** Alternates ticks and promise hops, the pattern that outruns a single tick bounce. */
function tickChain(depth: number, done: () => void): void {
  if (depth === 0) {
    done();
    return;
  }
  process.nextTick(() => {
    void chain(3).then(() => tickChain(depth - 1, done));
  });
}

/**
 * Timers at 1, 2, 3… whose callbacks start long promise chains and tick chains, each logging the
 * virtual time when it finishes and starting follow-up timers; the log shows whether time moved early.
 */
function workload(c: VirtualClock): { work: Promise<void>; log: string[] } {
  const log: string[] = [];
  const pending: Promise<void>[] = [];
  for (let i = 1; i <= 20; i++) {
    pending.push(
      new Promise<void>((resolve) => {
        setTimeout(() => {
          void chain(50 + i).then(() => {
            log.push(`chain ${i} at ${c.now()}`);
            setTimeout(() => {
              log.push(`follow-up ${i} at ${c.now()}`);
              // Started from a microtask, so the first tick is queued while the driver's own waits.
              void chain(2).then(() =>
                tickChain(i, () => {
                  log.push(`ticks ${i} at ${c.now()}`);
                  resolve();
                }),
              );
            }, 0.5);
          });
        }, i);
      }),
    );
  }
  return { work: Promise.all(pending).then(() => undefined), log };
}

describe('settling between timers', () => {
  it('lets promise chains and tick chains finish before time moves, as a real turn does', async () => {
    const logs: string[][] = [];
    for (const pureWork of [false, true]) {
      clock = installVirtualClock();
      const { work, log } = workload(clock);
      expect(await clock.drive(work, { pureWork })).toBe('settled');
      clock.uninstall();
      logs.push(log);
    }
    const [slow, fast] = logs as [string[], string[]];
    // Every chain ends at the instant its timer fired, none after the next timer moved time on.
    expect(slow).toContain('chain 7 at 7');
    expect(slow).toContain('ticks 7 at 7.5');
    expect(fast).toEqual(slow);
  });

  it('still gives the real event loop a turn, so a stop signal from outside lands', async () => {
    clock = installVirtualClock();
    const c = clock;
    const stop = new AbortController();
    realSetTimeout(() => stop.abort(), 30);
    const forever = (async () => {
      for (;;) await c.sleep(1);
    })();
    expect(await c.drive(forever, { stop: stop.signal, pureWork: true })).toBe('stopped');
    expect(c.now()).toBeGreaterThan(0);
  });

  it('puts process.nextTick back on uninstall', () => {
    const original = process.nextTick;
    clock = installVirtualClock();
    expect(process.nextTick).not.toBe(original);
    clock.uninstall();
    expect(process.nextTick).toBe(original);
  });
});
