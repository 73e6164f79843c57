import { BrokenCircuitError } from 'cockatiel';
import { describe, expect, it } from 'vitest';
import { HttpStatusError, NetworkError } from '../../src/errors/call-errors.ts';
import { createBreaker } from '../../src/policies/breaker.ts';
import { HedgeCancelledError } from '../../src/policies/hedge-cancelled.ts';
import { depsFor, recordEvents, useVirtualClock } from '../policies/helpers.ts';

const clockOf = useVirtualClock();
const frames = (error: unknown) =>
  String((error as Error).stack)
    .split('\n')
    .filter((line) => /^\s+at /.test(line));

describe('errors that stand for a simulated outcome carry no stack', () => {
  it('builds call errors and hedge cancellations without frames, and leaves the limit as it found it', () => {
    Error.stackTraceLimit = 7;
    for (const error of [
      new HttpStatusError(503),
      new NetworkError('ECONNRESET'),
      new HedgeCancelledError(),
    ]) {
      expect(frames(error)).toEqual([]);
      expect(String(error.stack)).toContain(error.message);
    }
    expect(Error.stackTraceLimit).toBe(7);
    expect(frames(new Error('a bug')).length).toBeGreaterThan(0);
    Error.stackTraceLimit = 10;
  });

  it("refuses calls through an open breaker without a stack, while the call's own errors keep theirs", async () => {
    const clock = clockOf();
    const breaker = createBreaker(
      { halfOpenAfter: 1000, strategy: { type: 'consecutive', threshold: 1 }, failOn: ['5xx'] },
      depsFor(clock, recordEvents()),
    );
    await expect(breaker.execute(() => Promise.reject(new HttpStatusError(503)))).rejects.toThrow();
    const refused = await breaker.execute(() => 'unreached').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(BrokenCircuitError);
    expect(frames(refused)).toEqual([]);
    expect(frames(new Error('after a refusal')).length).toBeGreaterThan(0);

    await clock.advance(1000);
    // Half-open: the probe runs inside cockatiel's execute, where a bug must still show where it was.
    const bug = await breaker
      .execute(() => {
        throw new TypeError('plugin bug');
      })
      .catch((error: unknown) => error);
    expect((bug as Error).message).toBe('plugin bug');
    expect(frames(bug).length).toBeGreaterThan(0);
  });
});
