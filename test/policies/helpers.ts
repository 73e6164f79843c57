import { afterEach, beforeEach } from 'vitest';
import type { BackendRequest } from '../../src/backend/contract.ts';
import { installVirtualClock, type VirtualClock } from '../../src/clock/virtual-clock.ts';
import type { PolicyEvent, PolicyEventType } from '../../src/policies/events.ts';
import type { AttemptFn, Outcome, ResilientClient, StackDeps } from '../../src/policies/stack.ts';
import { createRng } from '../../src/rng/rng.ts';

/** Installs a virtual clock around each test of the file; read it through the returned getter. */
export function useVirtualClock(): () => VirtualClock {
  let clock: VirtualClock | undefined;
  beforeEach(() => {
    clock = installVirtualClock();
  });
  afterEach(() => {
    clock?.uninstall();
    clock = undefined;
  });
  return () => {
    if (!clock) throw new Error('the virtual clock is only installed inside a test');
    return clock;
  };
}

/** What one call of the fake backend does: wait (on virtual time, honouring the signal), then answer. */
export interface Reply {
  readonly latencyMs?: number;
  /** Thrown after the latency; otherwise `value` is returned. */
  readonly error?: unknown;
  readonly value?: unknown;
  /** Wait the whole latency even when the signal aborts (a call that ignores cancellation). */
  readonly ignoreAbort?: boolean;
}

export interface FakeBackend {
  readonly attempt: AttemptFn;
  /** Calls made so far. */
  calls: number;
  inFlight: number;
  maxInFlight: number;
  /** Calls per request id (`request.body.id`). */
  readonly callsById: Map<unknown, number>;
  readonly signals: AbortSignal[];
}

/** A test-local AttemptFn: `reply(n, request)` decides call n (0-based). */
export function fakeBackend(
  clock: VirtualClock,
  reply: (n: number, request: BackendRequest) => Reply,
): FakeBackend {
  const backend: FakeBackend = {
    calls: 0,
    inFlight: 0,
    maxInFlight: 0,
    callsById: new Map(),
    signals: [],
    attempt: async (request, signal) => {
      const n = backend.calls++;
      const id = (request.body as { id?: unknown } | undefined)?.id;
      backend.callsById.set(id, (backend.callsById.get(id) ?? 0) + 1);
      backend.signals.push(signal);
      backend.inFlight++;
      backend.maxInFlight = Math.max(backend.maxInFlight, backend.inFlight);
      try {
        const { latencyMs = 0, error, value = `answer ${n}`, ignoreAbort } = reply(n, request);
        if (latencyMs > 0) await clock.sleep(latencyMs, ignoreAbort ? undefined : signal);
        if (error !== undefined) throw error;
        return value;
      } finally {
        backend.inFlight--;
      }
    },
  };
  return backend;
}

export interface RecordedEvents {
  readonly sink: { emit(event: PolicyEvent): void };
  readonly all: PolicyEvent[];
  count(type: PolicyEventType): number;
  of<T extends PolicyEventType>(type: T): Extract<PolicyEvent, { type: T }>[];
}

export function recordEvents(clock?: VirtualClock, times?: number[]): RecordedEvents {
  const all: PolicyEvent[] = [];
  return {
    all,
    sink: {
      emit(event) {
        all.push(event);
        if (clock && times) times.push(clock.now());
      },
    },
    count: (type) => all.filter((event) => event.type === type).length,
    of: <T extends PolicyEventType>(type: T) =>
      all.filter((event): event is Extract<PolicyEvent, { type: T }> => event.type === type),
  };
}

export function depsFor(clock: VirtualClock, events: RecordedEvents, seed = 1): StackDeps {
  return { clock, rng: createRng(seed), events: events.sink };
}

export const request = (id: unknown = 0, path = '/api/analyze'): BackendRequest => ({
  method: 'POST',
  path,
  body: { id, text: 'All men are mortal.' },
});

/** Starts every request at once and drives virtual time until all have an outcome. */
export async function executeAll(
  clock: VirtualClock,
  client: ResilientClient,
  requests: readonly BackendRequest[],
): Promise<Outcome[]> {
  const outcomes = Promise.all(requests.map((r) => client.execute(r)));
  const state = await clock.drive(outcomes);
  if (state !== 'settled') throw new Error(`requests did not settle: ${state}`);
  return outcomes;
}

/** How many outcomes of each kind. */
export function tally(outcomes: readonly Outcome[]): Record<Outcome['kind'], number> {
  const counts = { succeeded: 0, 'fell-back': 0, failed: 0 };
  for (const outcome of outcomes) counts[outcome.kind]++;
  return counts;
}
