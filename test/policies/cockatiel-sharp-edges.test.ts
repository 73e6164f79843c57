// Known sharp edges of cockatiel 3.2.x (read in node_modules/cockatiel/dist), each pinned on cockatiel
// itself, so an upgrade that changes it shows here, and checked against the stack's own mitigation.
import { getEventListeners, setMaxListeners } from 'node:events';
import {
  ConsecutiveBreaker,
  circuitBreaker,
  bulkhead as cockatielBulkhead,
  timeout as cockatielTimeout,
  handleAll,
  type IDefaultPolicyContext,
  type IPolicy,
  retry,
  TimeoutStrategy,
  wrap,
} from 'cockatiel';
import { describe, expect, it } from 'vitest';
import { HttpStatusError } from '../../src/errors/call-errors.ts';
import { createBreaker } from '../../src/policies/breaker.ts';
import { BulkheadPolicy } from '../../src/policies/bulkhead.ts';
import { failed, succeeded } from '../../src/policies/outcome.ts';
import { createRetry } from '../../src/policies/retry.ts';
import { retrySchema } from '../../src/policies/schema.ts';
import { createTimeout } from '../../src/policies/timeout.ts';
import { scenarioSchema } from '../../src/scenario/schema.ts';
import { builtInStack, LAWS, type LawSubject, lawViolation } from '../../src/testing/index.ts';
import { depsFor, recordEvents, useVirtualClock } from './helpers.ts';

const clockOf = useVirtualClock();
const NEVER = () => new Promise<never>(() => {});
const settle = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: Error) => error.constructor.name,
  );

/** How a promise has settled so far, readable at any moment. */
function track(promise: Promise<unknown>): { state: string } {
  const tracked = { state: '(still waiting)' };
  settle(promise).then((state) => {
    tracked.state = state;
  });
  return tracked;
}

describe('abort listeners on a long-lived signal across retry + timeout', () => {
  const IN_FLIGHT = 20;

  it('cockatiel 3.2: one listener per call in flight, and a call that never settles keeps its listener for good', async () => {
    const clock = clockOf();
    const parent = new AbortController().signal;
    // The pile-up pinned here would otherwise print Node's leak warning.
    setMaxListeners(IN_FLIGHT + 1, parent);
    const policy = wrap(
      retry(handleAll, { maxAttempts: 1 }),
      cockatielTimeout(100, TimeoutStrategy.Cooperative),
    );
    const calls = Array.from({ length: IN_FLIGHT }, () =>
      policy.execute(({ signal }) => clock.sleep(50, signal), parent),
    );
    expect(getEventListeners(parent, 'abort')).toHaveLength(IN_FLIGHT);
    await clock.drive(Promise.all(calls));
    const hung = policy.execute(NEVER, parent);
    await clock.advance(1000);
    expect(getEventListeners(parent, 'abort')).toHaveLength(1);
    void hung;
  });

  it('ours: at most one listener on the parent however many calls are in flight or hung, and its abort reaches them all', async () => {
    const clock = clockOf();
    const deps = depsFor(clock, recordEvents());
    const parent = new AbortController();
    const policy = wrap(
      createRetry(retrySchema.parse({ maxAttempts: 2, backoff: { type: 'constant', delay: 10 } }), deps),
      createTimeout({ after: 100, strategy: 'cooperative' }, deps),
    );
    const seen: AbortSignal[] = [];
    const slow = ({ signal }: IDefaultPolicyContext) => {
      seen.push(signal);
      return clock.sleep(10_000, signal);
    };
    const calls = Array.from({ length: IN_FLIGHT }, () => settle(policy.execute(slow, parent.signal)));
    const hung = Array.from({ length: 5 }, () => settle(policy.execute(NEVER, parent.signal)));
    expect(getEventListeners(parent.signal, 'abort').length).toBeLessThanOrEqual(1);
    await clock.advance(50);
    parent.abort();
    await clock.drive(Promise.all(calls));
    expect(seen.every((signal) => signal.aborted)).toBe(true);
    expect(await Promise.all(calls)).toEqual(Array(IN_FLIGHT).fill('TaskCancelledError'));
    void hung;
  });
});

describe('a caller waiting for a half-open probe keeps its signal', () => {
  /** Trips the breaker, half-opens it with a 50 ms probe, and aborts a caller waiting for it 10 ms after. */
  async function halfOpenWaiter(breaker: Pick<IPolicy<IDefaultPolicyContext>, 'execute'>) {
    const clock = clockOf();
    await settle(breaker.execute(() => Promise.reject(new HttpStatusError(503))));
    await clock.advance(100);
    const probe = breaker.execute(() => clock.sleep(50).then(() => 'probe'));
    const caller = new AbortController();
    let received: AbortSignal | undefined;
    const waiter = settle(
      breaker.execute(({ signal }) => {
        received = signal;
        return clock.sleep(1000, signal);
      }, caller.signal),
    );
    await clock.advance(60);
    caller.abort();
    await clock.drive(Promise.all([probe, waiter]));
    return { received, caller: caller.signal, outcome: await waiter, at: clock.now() };
  }

  it('cockatiel 3.2: the waiter runs with a never-aborted signal, so aborting it does not stop its call', async () => {
    const breaker = circuitBreaker(handleAll, { halfOpenAfter: 100, breaker: new ConsecutiveBreaker(1) });
    const { received, caller, outcome, at } = await halfOpenWaiter(breaker);
    expect(received).not.toBe(caller);
    expect(outcome).toBe('resolved');
    expect(at).toBe(100 + 50 + 1000);
  });

  it('ours: the waiter runs with its own signal, and aborting it stops the call at once', async () => {
    const breaker = createBreaker(
      {
        halfOpenAfter: 100,
        strategy: { type: 'consecutive', threshold: 1 },
        failOn: ['5xx', 'network', 'timeout'],
      },
      depsFor(clockOf(), recordEvents()),
    );
    const { received, caller, outcome, at } = await halfOpenWaiter(breaker);
    expect(received).toBe(caller);
    expect(outcome).not.toBe('resolved');
    expect(at).toBe(100 + 60);
  });
});

describe('a bulkhead waiter whose signal aborts (its timeout fired)', () => {
  /** One running call, then two waiters: the first aborts while queued; then a newcomer; then the call ends. */
  async function queueWithAbortedWaiter(policy: Pick<IPolicy<IDefaultPolicyContext>, 'execute'>) {
    const clock = clockOf();
    let release = () => {};
    const running = policy.execute(() => new Promise<void>((resolve) => (release = resolve)));
    const aborted = new AbortController();
    const first = track(policy.execute(() => 'first', aborted.signal));
    const second = track(policy.execute(() => 'second'));
    aborted.abort();
    await clock.advance(0);
    const late = track(policy.execute(() => 'late'));
    await clock.advance(0);
    release();
    await running;
    await clock.advance(1000);
    return { first: first.state, second: second.state, late: late.state };
  }

  it('cockatiel 3.2: keeps its queue place, turns a newcomer away, and when its turn comes strands the next waiter', async () => {
    expect(await queueWithAbortedWaiter(cockatielBulkhead(1, 2))).toEqual({
      first: 'TaskCancelledError',
      second: '(still waiting)',
      late: 'BulkheadRejectedError',
    });
  });

  it('ours: leaves the queue at once, so the newcomer waits in its place and everyone live gets a turn', async () => {
    const policy = new BulkheadPolicy({ limit: 1, queue: 2 }, recordEvents().sink);
    expect(await queueWithAbortedWaiter(policy)).toEqual({
      first: 'TaskCancelledError',
      second: 'resolved',
      late: 'resolved',
    });
  });

  it('through a whole stack (cooperative timeout over a full bulkhead) the accounting law catches the stranded request', async () => {
    // A trial installs its own virtual clock.
    clockOf().uninstall();
    // The counterexample the accounting law shrank to before the bulkhead was our own.
    const scenario = scenarioSchema.parse({
      name: 'stranded-waiter',
      seed: 0,
      backends: { primary: { plugin: 'mock-analysis', options: { latency: { type: 'fixed', ms: 50 } } } },
      policies: { timeout: { after: 50, strategy: 'cooperative' }, bulkhead: { limit: 1, queue: 2 } },
      workload: { model: 'closed', clients: 3, requests: 3, duration: 5000, corpus: { size: 1 } },
    });
    const withCockatielBulkhead: LawSubject = {
      name: 'timeout over cockatiel bulkhead',
      createClient({ attempt, deps, scenario: { policies } }) {
        const chain = wrap(
          createTimeout({ after: 50, strategy: 'cooperative' }, deps),
          cockatielBulkhead(policies.bulkhead?.limit ?? 1, policies.bulkhead?.queue ?? 0),
        );
        const root = new AbortController().signal;
        return {
          execute: (request) =>
            chain.execute(({ signal }) => attempt(request, signal), root).then(succeeded, failed),
        };
      },
    };
    const accounting = LAWS.accounting;
    expect((await lawViolation(accounting, withCockatielBulkhead, scenario))?.message).toMatch(
      /request 3 \(sent at 0 ms\) was never answered/,
    );
    expect(await lawViolation(accounting, builtInStack, scenario)).toBeUndefined();
  });
});
