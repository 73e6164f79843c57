import { describe, expect, it } from 'vitest';
import { buildPolicyStack } from '../../src/policies/build-stack.ts';
import {
  depsFor,
  executeAll,
  fakeBackend,
  recordEvents,
  request,
  tally,
  useVirtualClock,
} from './helpers.ts';

const clockOf = useVirtualClock();

describe('bulkhead', () => {
  it('never runs more than `limit` calls at once and rejects what does not fit in the queue', async () => {
    const clock = clockOf();
    const events = recordEvents();
    const backend = fakeBackend(clock, () => ({ latencyMs: 100 }));
    const client = buildPolicyStack(
      { bulkhead: { limit: 3, queue: 2 } },
      backend.attempt,
      depsFor(clock, events),
    );
    const outcomes = await executeAll(
      clock,
      client,
      Array.from({ length: 10 }, (_, i) => request(i)),
    );
    expect(backend.maxInFlight).toBe(3);
    // 3 run, 2 wait, 5 are turned away without a call.
    expect(tally(outcomes)).toEqual({ succeeded: 5, 'fell-back': 0, failed: 5 });
    expect(outcomes.filter((o) => o.code === 'BULKHEAD_FULL')).toHaveLength(5);
    expect(backend.calls).toBe(5);
    expect(events.count('bulkhead-rejected')).toBe(5);
    // The queued two start when the first three finish.
    expect(clock.now()).toBe(200);
  });

  it('keeps the limit under a long mixed load', async () => {
    const clock = clockOf();
    const backend = fakeBackend(clock, (n) => ({ latencyMs: 10 + ((n * 7) % 40) }));
    const client = buildPolicyStack(
      { bulkhead: { limit: 4, queue: 8 } },
      backend.attempt,
      depsFor(clock, recordEvents()),
    );
    const outcomes: Promise<unknown>[] = [];
    for (let i = 0; i < 400; i++) {
      outcomes.push(client.execute(request(i)));
      if (i % 5 === 4) await clock.advance(7);
    }
    await clock.drive(Promise.all(outcomes));
    expect(backend.maxInFlight).toBeLessThanOrEqual(4);
    expect(backend.maxInFlight).toBe(4);
  });
});
