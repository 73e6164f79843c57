import type { Clock } from '../../../src/clock/clock.ts';
import { createRealClock } from '../../../src/clock/real-clock.ts';

/** A real clock whose sleeps end at once and are recorded: delays are checked by value, never by timing. */
export interface InstantClock extends Clock {
  readonly sleeps: number[];
}

export function createInstantClock(): InstantClock {
  const real = createRealClock();
  const sleeps: number[] = [];
  return {
    kind: 'real',
    sleeps,
    now: () => real.now(),
    sleep(ms, signal) {
      sleeps.push(ms);
      return signal?.aborted ? Promise.reject(signal.reason) : Promise.resolve();
    },
    schedule: (ms, fn) => real.schedule(ms, fn),
  };
}
