import { createRequire } from 'node:module';
import { type Clock as FakeClock, withGlobal } from '@sinonjs/fake-timers';
import { FaultlineError } from '../errors/faultline-error.ts';
import type { Clock } from './clock.ts';
import { checkFakeTimersVersion } from './fake-timers-version.ts';
import { sleepWith } from './real-clock.ts';
import { createSettler, watchTicks, yieldToEventLoop } from './settle.ts';
import { TimerQueue, timerDelay } from './timer-queue.ts';

/** How a drive ended: see `VirtualClock.drive`. */
export type DriveEnding = 'settled' | 'idle' | 'horizon' | 'stalled' | 'stopped';

export interface DriveOptions {
  /** Stop (ending 'horizon') rather than fire a timer due after this virtual time. */
  readonly horizonMs?: number;
  /** Stop at once (ending 'stopped') when this aborts: Ctrl-C, SIGTERM. */
  readonly stop?: AbortSignal;
  /** Timers fired at one instant before the run is declared stalled (default STALL_EVENTS). */
  readonly stallEvents?: number;
  /**
   * The work reaches outside the process only through sockets, and ticks only through `process.nextTick`
   * (faultline's own client and in-process backends; not msw or nock): between timers the driver then
   * settles it with a tick bounce where that is provably enough instead of a real event-loop turn.
   * Same results, a few times faster. Default false.
   */
  readonly pureWork?: boolean;
}

/**
 * A clock whose time only moves when the simulation says so, in fractional milliseconds (a 10.7 ms
 * delay is 10.7 ms) and without the 2^31 ms ceiling of real timers. While installed it owns the global
 * `setTimeout`/`setInterval` (and those of `node:timers`), so third-party code (cockatiel, msw, nock,
 * user clients) runs on the same virtual timeline; `Date` and `performance` are faked by
 * @sinonjs/fake-timers and follow it in whole milliseconds. `nextTick`, `queueMicrotask` and
 * `setImmediate` stay real: faking them hangs fetch and livelocks msw/nock. Between two timers the
 * driver lets promise chains settle (see settle.ts: a tick bounce when provably enough, otherwise a
 * real macrotask, which also lets signals such as Ctrl-C arrive); `nextTick` is only watched.
 */
export interface VirtualClock extends Clock {
  readonly kind: 'virtual';
  /**
   * Fires timers in time order until `work` settles ('settled'), no timer is left while work is still
   * pending ('idle': something waits forever, such as a hung socket), the next timer lies beyond the
   * horizon ('horizon'), `stallEvents` timers fire at one instant without time moving ('stalled'), or
   * the stop signal aborts ('stopped').
   */
  drive(work: Promise<unknown>, options?: DriveOptions | number): Promise<DriveEnding>;
  /** Moves time forward by `ms`, firing what falls due on the way. */
  advance(ms: number): Promise<void>;
  /** Puts the real globals back. Safe to call twice. */
  uninstall(): void;
}

/**
 * Timers fired at one virtual instant before a run counts as making no progress. Far above what a real
 * workload reaches (every client of a large closed loop answering at once), and reached in about a
 * second of wall time by a loop that resends at the same instant forever.
 */
export const STALL_EVENTS = 10_000;

const require = createRequire(import.meta.url);
const timersModule = require('node:timers') as Record<string, unknown>;
const TIMER_GLOBALS = ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] as const;
type TimerGlobal = (typeof TIMER_GLOBALS)[number];

let installed: FakeClock | undefined;

/** Installs virtual time globally; only one virtual clock may be installed in a process at a time. */
export function installVirtualClock(): VirtualClock {
  if (installed) {
    throw new FaultlineError(
      'SIMULATION_ALREADY_RUNNING',
      'A virtual clock is already installed in this thread: a simulation is still running here; wait for it (or uninstall its clock) before starting another, or run simulations side by side in workers (--workers).',
    );
  }
  checkFakeTimersVersion();
  // Only Date and performance come from fake-timers: its timers take whole milliseconds and wrap
  // delays of 2^31 ms or more to 1 ms, as Node does.
  const fake = withGlobal(globalThis).install({ now: 0, toFake: ['Date', 'performance'] });
  installed = fake;
  const queue = new TimerQueue();
  const restore = installTimerGlobals(queue);
  const ticks = watchTicks();

  /**
   * Date and performance move with the queue, in the whole milliseconds fake-timers keeps. fake-timers
   * holds no timers of ours (the queue does), so moving its `now` is all its tick would do, without the
   * tick's bookkeeping (about 480 bytes of garbage per simulated request); the pinned version is checked.
   */
  const follow = () => {
    const whole = Math.floor(queue.now);
    if (whole > fake.now) fake.now = whole;
  };
  const fireNext = () => {
    queue.fireNext(follow);
  };
  const setTimer = (fn: () => void, ms: number) => queue.add(fn, timerDelay(ms));
  const clearTimer = (handle: never) => queue.cancel(handle);

  return {
    kind: 'virtual',
    now: () => queue.now,
    sleep: (ms, signal) => sleepWith(setTimer, clearTimer, ms, signal),
    schedule(ms, fn) {
      const handle = queue.add(fn, timerDelay(ms));
      return () => queue.cancel(handle);
    },
    async drive(work, options = {}) {
      const {
        horizonMs = Number.POSITIVE_INFINITY,
        stop,
        stallEvents = STALL_EVENTS,
        pureWork = false,
      } = typeof options === 'number' ? { horizonMs: options } : options;
      let settled = false;
      const mark = () => {
        settled = true;
      };
      work.then(mark, mark);
      const settle = createSettler(ticks, pureWork);
      let instant = Number.NaN;
      let firedAtInstant = 0;
      for (;;) {
        await settle();
        if (settled) return 'settled';
        if (stop?.aborted) return 'stopped';
        const due = queue.nextDueAt();
        if (due === undefined) return 'idle';
        if (due > horizonMs) return 'horizon';
        if (due === instant) {
          if (++firedAtInstant >= stallEvents) return 'stalled';
        } else {
          instant = due;
          firedAtInstant = 0;
        }
        fireNext();
      }
    },
    async advance(ms) {
      const target = queue.now + timerDelay(ms);
      const settle = createSettler(ticks, false);
      for (;;) {
        await settle();
        const due = queue.nextDueAt();
        if (due === undefined || due > target) break;
        fireNext();
      }
      queue.moveTo(target);
      follow();
      await yieldToEventLoop();
    },
    uninstall() {
      if (installed === fake) {
        restore();
        ticks.restore();
        fake.uninstall();
        installed = undefined;
      }
    },
  };
}

/** Points the global timers (and node:timers') at the queue; returns what puts the real ones back. */
function installTimerGlobals(queue: TimerQueue): () => void {
  const replacements: Record<TimerGlobal, unknown> = {
    setTimeout: (fn: (...args: unknown[]) => void, ms?: unknown, ...args: unknown[]) =>
      queue.add(() => fn(...args), timerDelay(ms)),
    setInterval: (fn: (...args: unknown[]) => void, ms?: unknown, ...args: unknown[]) =>
      // An interval of 0 would fire forever at one instant; Node runs it every millisecond at least.
      queue.add(() => fn(...args), Math.max(1, timerDelay(ms)), true),
    clearTimeout: (handle: unknown) => queue.cancel(handle),
    clearInterval: (handle: unknown) => queue.cancel(handle),
  };
  const globals = globalThis as unknown as Record<string, unknown>;
  const saved = TIMER_GLOBALS.map((name) => [name, globals[name], timersModule[name]] as const);
  for (const name of TIMER_GLOBALS) {
    globals[name] = replacements[name];
    timersModule[name] = replacements[name];
  }
  return () => {
    for (const [name, global, module] of saved) {
      globals[name] = global;
      timersModule[name] = module;
    }
  };
}
