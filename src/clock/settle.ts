/**
 * How the virtual clock lets the work a timer started run to its end before time moves again.
 *
 * A real event-loop turn (setImmediate) always does it, but costs about a microsecond and a trip
 * through libuv's poll per timer. When nothing outside the JavaScript queues is involved, one
 * `process.nextTick` bounce is provably enough: queued from a microtask, the tick runs only once V8's
 * microtask queue is empty, and if no other tick was queued meanwhile, the continuation it resolves is
 * then the only job left. So the real turn is kept only when something could still be pending outside
 * the microtask queue: a tick queued by other code, a queued setImmediate (nock hands requests on
 * through them), or a handle or request the drive did not start with (a socket, a DNS lookup, a write),
 * and at least every YIELD_EVERY_MS of wall time, so signals such as Ctrl-C land.
 */

// Captured before any install so the driver always reaches the real event loop.
const realSetImmediate = globalThis.setImmediate;
const realNextTick = process.nextTick;
const oneTurn = () => new Promise<void>((resolve) => realSetImmediate(resolve));
/** Bounds the settling below, so code that reschedules an immediate forever cannot freeze time. */
const MAX_SETTLE_TURNS = 64;
/** Wall time the driver may run on microtasks alone before it gives the real event loop a turn. */
const YIELD_EVERY_MS = 4;
/** How many fast settles pass between two looks at the wall clock. */
const WALL_CHECK_EVERY = 64;

/**
 * One real turn of the event loop, then more while immediates are still queued. Interceptors (nock)
 * hand an intercepted request on through chains of setImmediate; time must not move until they have
 * run, or a request would reach its handler at a later virtual time than it was sent.
 */
export async function yieldToEventLoop(): Promise<void> {
  await oneTurn();
  for (let turn = 0; turn < MAX_SETTLE_TURNS && hasQueuedImmediate(); turn++) await oneTurn();
}

const hasQueuedImmediate = () => process.getActiveResourcesInfo().includes('Immediate');

/** Handles and requests other than timers and immediates: sockets, servers, lookups, writes, stdio. */
function ioResources(): number {
  let count = 0;
  for (const kind of process.getActiveResourcesInfo()) {
    if (kind !== 'Timeout' && kind !== 'Immediate') count++;
  }
  return count;
}

/** Ticks queued through `process.nextTick` by anyone but the settler: how many so far, how many not yet run. */
export interface TickWatch {
  readonly queued: () => number;
  readonly pending: () => number;
  readonly restore: () => void;
}

export function watchTicks(): TickWatch {
  let queued = 0;
  let ran = 0;
  const watched = (fn: (...args: unknown[]) => void, ...args: unknown[]) => {
    queued++;
    realNextTick(() => {
      ran++;
      fn(...args);
    });
  };
  process.nextTick = watched as typeof process.nextTick;
  return {
    queued: () => queued,
    pending: () => queued - ran,
    restore: () => {
      if (process.nextTick === watched) process.nextTick = realNextTick;
    },
  };
}

/**
 * Settles the work of one drive; make one per drive, so the I/O it started with counts as its baseline.
 * Without `tickWhenProven` every settle is a real turn: for work that goes through interceptors (msw,
 * nock) and real clients, whose streams and sockets queue ticks inside Node where no watch sees them.
 */
export function createSettler(ticks: TickWatch, tickWhenProven: boolean): () => Promise<void> {
  if (!tickWhenProven) return yieldToEventLoop;
  const baseline = ioResources();
  let sinceWallCheck = 0;
  let lastTurn = process.hrtime.bigint();
  const turnDue = () => {
    if (++sinceWallCheck < WALL_CHECK_EVERY) return false;
    sinceWallCheck = 0;
    return Number(process.hrtime.bigint() - lastTurn) >= YIELD_EVERY_MS * 1e6;
  };
  const realTurn = async () => {
    await yieldToEventLoop();
    lastTurn = process.hrtime.bigint();
  };
  /**
   * Runs as the bounce's tick: the microtask queue is empty, and only our own continuation could run
   * before a check made later, so checking here is the same proof. A tick other code queued meanwhile
   * ran beside ours (or is still to run), and its work may still be queued behind us.
   */
  const afterTick = (resolve: () => void, before: number) => {
    if (ticks.queued() === before) resolve();
    else void realTurn().then(resolve);
  };
  let first = true;
  // Not an async function: one settle per fired timer, and the promise this returns is the only one.
  return () => {
    // The first settle may be called from inside a tick, where a tick bounce proves nothing.
    if (first || ticks.pending() > 0 || turnDue() || needsEventLoop(baseline)) {
      first = false;
      return realTurn();
    }
    const before = ticks.queued();
    return new Promise<void>((resolve) => realNextTick(afterTick, resolve, before));
  };
}

function needsEventLoop(baseline: number): boolean {
  let io = 0;
  for (const kind of process.getActiveResourcesInfo()) {
    if (kind === 'Immediate') return true;
    if (kind !== 'Timeout') io++;
  }
  return io > baseline;
}
