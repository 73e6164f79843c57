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
    const onAbort = () => {
      clear(handle as never);
      reject(abortReason(signal));
    };
    const handle = set(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
