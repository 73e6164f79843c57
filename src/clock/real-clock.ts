import { performance } from 'node:perf_hooks';
import { abortReason, type Clock } from './clock.ts';

// Captured at load, before a virtual clock may fake `performance` and `Date` for a simulation, so wall
// time measured around a simulated run stays wall time.
const realPerformanceNow = performance.now.bind(performance);
const RealDate = Date;

/** Wall-clock time, for real-time runs against real sockets. */
export function createRealClock(): Clock {
  const origin = realPerformanceNow();
  return {
    kind: 'real',
    now: () => realPerformanceNow() - origin,
    sleep: (ms, signal) => sleepWith(setTimeout, clearTimeout, ms, signal),
    schedule(ms, fn) {
      const timer = setTimeout(fn, ms);
      return () => clearTimeout(timer);
    },
  };
}

/** Wall-clock milliseconds since the epoch, for the `environment` block of results only. */
export function wallClockIso(): string {
  return new RealDate().toISOString();
}

/** Wall-clock ms since the epoch, read from the real Date even while the virtual clock fakes it (trace timestamps). */
export function wallEpochMs(): number {
  return new RealDate().getTime();
}

/** Monotonic wall time in ms, for measuring how long a run took (environment facts only). */
export function wallNow(): number {
  return realPerformanceNow();
}

type SetTimer = (fn: () => void, ms: number) => unknown;
type ClearTimer = (handle: never) => void;

/** A sleep honouring an AbortSignal, parameterised by the timer functions so both clocks share it. */
export function sleepWith(set: SetTimer, clear: ClearTimer, ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortReason(signal));
  return new Promise<void>((resolve, reject) => {
    if (!signal) {
      set(resolve, ms);
      return;
    }
    const sleep = new SignalledSleep(resolve, reject, signal, clear);
    sleep.handle = set(sleep.wake, ms);
    signal.addEventListener('abort', sleep);
  });
}

/**
 * One sleep that a signal can cut short: its own abort listener (an EventTarget calls `handleEvent`)
 * and its timer's callback in one object, since simulations make one per backend call. The listener is
 * removed when the timer fires; after an abort the signal fires no more, so it needs no `once`.
 */
class SignalledSleep {
  handle: unknown;

  constructor(
    private readonly resolve: () => void,
    private readonly reject: (reason: unknown) => void,
    private readonly signal: AbortSignal,
    private readonly clear: ClearTimer,
  ) {}

  readonly wake = (): void => {
    this.signal.removeEventListener('abort', this);
    this.resolve();
  };

  handleEvent(): void {
    this.clear(this.handle as never);
    this.reject(abortReason(this.signal));
  }
}
