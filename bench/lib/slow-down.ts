import { startStopwatch } from '../../src/clock/stopwatch.ts';

/**
 * A deliberately slowed build, for checking that `--compare` flags a regression: the returned wrapper
 * busy-waits `us` microseconds of wall time before each call (a busy wait, not a timer, so it costs CPU
 * the way slower code would and works on the virtual clock too).
 */
export function slowDown(us: number) {
  return <A extends unknown[], R>(fn: (...args: A) => R): ((...args: A) => R) => {
    if (!(us > 0)) return fn;
    const ms = us / 1000;
    return (...args: A) => {
      const elapsed = startStopwatch();
      while (elapsed() < ms) {
        // spin
      }
      return fn(...args);
    };
  };
}
