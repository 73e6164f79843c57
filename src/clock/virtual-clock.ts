import { type Clock as FakeClock, withGlobal } from '@sinonjs/fake-timers';
import type { Clock } from './clock.ts';
import { sleepWith } from './real-clock.ts';

/**
 * A clock whose time only moves when the simulation says so. While installed it replaces the global
 * timers, `Date` and `performance` so that third-party code (cockatiel, msw, nock, user clients) runs
 * on virtual time too. `nextTick`, `queueMicrotask` and `setImmediate` stay real: faking them hangs
 * fetch and livelocks msw/nock, and the driver needs a real macrotask to let promise chains settle.
 */
export interface VirtualClock extends Clock {
  readonly kind: 'virtual';
  /**
   * Fires timers in time order until `work` settles ('settled'), no timer is left while work is still
   * pending ('idle': something waits forever, such as a hung socket), or the next timer lies beyond
   * `horizonMs` ('horizon').
   */
  drive(work: Promise<unknown>, horizonMs?: number): Promise<'settled' | 'idle' | 'horizon'>;
  /** Moves time forward by `ms`, firing what falls due on the way. */
  advance(ms: number): Promise<void>;
  /** Puts the real globals back. Safe to call twice. */
  uninstall(): void;
}

// Captured before any install so the driver always yields on the real event loop.
const realSetImmediate = globalThis.setImmediate;
const oneTurn = () => new Promise<void>((resolve) => realSetImmediate(resolve));
/** Bounds the settling below, so code that reschedules an immediate forever cannot freeze time. */
const MAX_SETTLE_TURNS = 64;

/**
 * One real turn of the event loop, then more while immediates are still queued. Interceptors (nock)
 * hand an intercepted request on through chains of setImmediate; time must not move until they have
 * run, or a request would reach its handler at a later virtual time than it was sent.
 */
async function yieldToEventLoop(): Promise<void> {
  await oneTurn();
  for (let turn = 0; turn < MAX_SETTLE_TURNS && hasQueuedImmediate(); turn++) await oneTurn();
}

const hasQueuedImmediate = () => process.getActiveResourcesInfo().includes('Immediate');

let installed: FakeClock | undefined;

/** Installs virtual time globally; only one virtual clock may be installed in a process at a time. */
export function installVirtualClock(): VirtualClock {
  if (installed) {
    throw new Error(
      'A virtual clock is already installed in this process: uninstall it before starting another simulation.',
    );
  }
  const fake = withGlobal(globalThis).install({
    now: 0,
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'performance'],
    loopLimit: Number.MAX_SAFE_INTEGER,
  });
  installed = fake;
  const setTimer = (fn: () => void, ms: number) => fake.setTimeout(fn, ms);
  const clearTimer = (handle: never) => fake.clearTimeout(handle);

  return {
    kind: 'virtual',
    now: () => fake.now,
    sleep: (ms, signal) => sleepWith(setTimer, clearTimer, ms, signal),
    schedule(ms, fn) {
      const handle = fake.setTimeout(fn, ms);
      return () => fake.clearTimeout(handle);
    },
    async drive(work, horizonMs = Number.POSITIVE_INFINITY) {
      let settled = false;
      const mark = () => {
        settled = true;
      };
      work.then(mark, mark);
      for (;;) {
        await yieldToEventLoop();
        if (settled) return 'settled';
        const due = nextDueAt(fake);
        if (due === undefined) return 'idle';
        if (due > horizonMs) return 'horizon';
        fake.next();
      }
    },
    async advance(ms) {
      const target = fake.now + ms;
      for (;;) {
        await yieldToEventLoop();
        const due = nextDueAt(fake);
        if (due === undefined || due > target) break;
        fake.next();
      }
      fake.tick(target - fake.now);
      await yieldToEventLoop();
    },
    uninstall() {
      if (installed === fake) {
        fake.uninstall();
        installed = undefined;
      }
    },
  };
}

type TimerHeap = { timers: unknown[]; peek(): { callAt: number } | undefined };

/** When the earliest pending timer falls due, or undefined when none is pending. */
function nextDueAt(fake: FakeClock): number | undefined {
  // fake-timers 15 keeps timers in a binary heap; peeking it is O(1), where countTimers+next would fire.
  const heap = (fake as unknown as { timerHeap?: TimerHeap }).timerHeap;
  return heap?.peek()?.callAt;
}
