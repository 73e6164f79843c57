/**
 * Policy overhead per call. Table 1, on the real clock, one call at a time against an instant call: a
 * direct call, bare cockatiel policies, faultline's stack with the same settings (retry 3 attempts,
 * consecutive breaker, 1 s aggressive timeout), and opossum and p-retry for reference. Table 2, on the
 * virtual clock with 500 requests in flight (what a simulation does): the same stacks plus bulkhead,
 * instant and with 20 ms latency, and faultline's full stack with cache and fallback.
 */
import { setMaxListeners } from 'node:events';
import { createRequire } from 'node:module';
import {
  bulkhead,
  ConsecutiveBreaker,
  circuitBreaker,
  ExponentialBackoff,
  handleAll,
  type IPolicy,
  retry,
  TimeoutStrategy,
  timeout,
  wrap,
} from 'cockatiel';
import type { BackendRequest } from '../../src/backend/contract.ts';
import type * as RealClock from '../../src/clock/real-clock.ts';
import type * as Stopwatch from '../../src/clock/stopwatch.ts';
import type * as VirtualClockModule from '../../src/clock/virtual-clock.ts';
import type { VirtualClock } from '../../src/clock/virtual-clock.ts';
import type * as BuildStack from '../../src/policies/build-stack.ts';
import type * as Events from '../../src/policies/events.ts';
import type * as PolicySchema from '../../src/policies/schema.ts';
import type { PoliciesConfig } from '../../src/policies/schema.ts';
import type { AttemptFn } from '../../src/policies/stack.ts';
import type * as RngModule from '../../src/rng/rng.ts';
import { importBuilt } from '../lib/built.ts';
import { measurePerCall, type PerCallTask } from '../lib/measure.ts';
import { ratioRow } from '../lib/rows.ts';
import type { Row, Suite, SuiteContext, SuiteOutput, Table, TargetCheck } from '../lib/types.ts';

// faultline's side is the built package's, as users run it (tsx's transform of the sources adds a naming
// helper to every function created per call, which the bare cockatiel rows would not pay; bench/lib/built.ts).
const { createRealClock } = await importBuilt<typeof RealClock>('clock/real-clock');
const { startStopwatch } = await importBuilt<typeof Stopwatch>('clock/stopwatch');
const { installVirtualClock } = await importBuilt<typeof VirtualClockModule>('clock/virtual-clock');
const { buildPolicyStack } = await importBuilt<typeof BuildStack>('policies/build-stack');
const { NO_EVENTS } = await importBuilt<typeof Events>('policies/events');
const { policiesSchema } = await importBuilt<typeof PolicySchema>('policies/schema');
const { createRng } = await importBuilt<typeof RngModule>('rng/rng');

const BODY = Object.freeze({ language: 'en', sentenceCount: 1, fallacies: [] });
const REQUEST: BackendRequest = Object.freeze({ method: 'POST', path: '/api/analyze', body: { text: 'x' } });
const OVERHEAD_TARGET = 1.2;

/** The settings every stack in table 1 shares, in faultline's vocabulary. */
const SETTINGS = policiesSchema.parse({
  retry: { maxAttempts: 3 },
  breaker: { halfOpenAfter: '5s', strategy: { type: 'consecutive', threshold: 5 } },
  timeout: { after: '1s', strategy: 'aggressive' },
});

const LAYERS = [
  { label: 'retry', keys: ['retry'] },
  { label: 'retry ▸ breaker', keys: ['retry', 'breaker'] },
  { label: 'retry ▸ breaker ▸ timeout', keys: ['retry', 'breaker', 'timeout'] },
] as const;

type LayerKey = (typeof LAYERS)[number]['keys'][number];

const COCKATIEL: Record<LayerKey, () => IPolicy> = {
  retry: () => retry(handleAll, { maxAttempts: 2, backoff: new ExponentialBackoff() }),
  breaker: () => circuitBreaker(handleAll, { halfOpenAfter: 5000, breaker: new ConsecutiveBreaker(5) }),
  timeout: () => timeout(1000, TimeoutStrategy.Aggressive),
};

function cockatielPolicy(keys: readonly LayerKey[]): IPolicy {
  const policies = keys.map((key) => COCKATIEL[key]());
  // As a cockatiel user would write it: a lone policy is not wrapped.
  return policies.length === 1 && policies[0] ? policies[0] : wrap(...policies);
}

function faultlineConfig(keys: readonly LayerKey[]): PoliciesConfig {
  return Object.fromEntries(keys.map((key) => [key, SETTINGS[key]]));
}

export const policyOverheadSuite: Suite = {
  title: 'Policy overhead per call',
  async run(ctx) {
    const perCall = await perCallTable(ctx);
    const underLoad = await virtualTimeTable(ctx);
    return { ...perCall, tables: [...perCall.tables, underLoad] };
  },
};

async function perCallTable(ctx: SuiteContext): Promise<SuiteOutput> {
  const call = async () => BODY;
  const attempt: AttemptFn = () => call();
  const deps = { clock: createRealClock(), rng: createRng(1), events: NO_EVENTS };
  const tasks: PerCallTask[] = [{ name: 'direct call', call, async: true }];
  for (const layer of LAYERS) {
    const policy = cockatielPolicy(layer.keys);
    tasks.push({ name: `cockatiel ${layer.label}`, call: () => policy.execute(call), async: true });
  }
  for (const layer of LAYERS) {
    const stack = buildPolicyStack(faultlineConfig(layer.keys), attempt, deps);
    const execute = ctx.slow(() => stack.execute(REQUEST));
    tasks.push({ name: `faultline ${layer.label}`, call: execute, async: true });
  }
  const reference = await referenceTasks(call);
  tasks.push(...reference.tasks);

  ctx.log(`policy overhead: ${tasks.length} rows on the real clock`);
  const ns = await measurePerCall(tasks, {
    timeMs: ctx.quick ? 20 : 400,
    rounds: ctx.quick ? 1 : 3,
    batch: ctx.quick ? 10 : 200,
  });
  const direct = ns.get('direct call') ?? 0;
  const rows: Row[] = tasks.map((task) => {
    const value = ns.get(task.name) ?? 0;
    return { name: task.name, values: { perCall: value, overhead: Math.max(0, value - direct) } };
  });
  const byName = new Map(rows.map((row) => [row.name, row]));
  const targets: TargetCheck[] = [];
  for (const layer of LAYERS) {
    const ours = byName.get(`faultline ${layer.label}`);
    const theirs = byName.get(`cockatiel ${layer.label}`);
    if (!ours || !theirs) continue;
    rows.push(ratioRow(`faultline ÷ cockatiel, ${layer.label}`, ours, theirs));
    const ratio = (ours.values.overhead ?? 0) / Math.max(theirs.values.overhead ?? 0, 1e-9);
    targets.push({
      name: `faultline ${layer.label} overhead vs the bare cockatiel policies`,
      target: `≤ ${OVERHEAD_TARGET}×`,
      measured: `${ratio.toFixed(2)}× (${fmtNs(ours.values.overhead)} vs ${fmtNs(theirs.values.overhead)})`,
      met: ratio <= OVERHEAD_TARGET,
    });
  }
  const table: Table = {
    id: 'per-call',
    title: 'Per call, one at a time, real clock, instant call',
    description:
      'ns per call (best of interleaved rounds); overhead = per call − direct call. Same settings everywhere: 3 attempts, consecutive breaker (5), 1 s aggressive timeout. faultline rows go through buildPolicyStack (its own timeout replaces cockatiel’s).',
    columns: [
      { key: 'perCall', label: 'per call', unit: 'ns', better: 'lower', chart: true },
      { key: 'overhead', label: 'overhead', unit: 'ns' },
    ],
    rows,
  };
  return { tables: [table], targets, notes: reference.notes };
}

interface OpossumBreaker {
  fire(): Promise<unknown>;
}
type OpossumConstructor = new (
  fn: () => Promise<unknown>,
  options: Record<string, unknown>,
) => OpossumBreaker;
type PRetry = (fn: () => Promise<unknown>, options: { retries: number }) => Promise<unknown>;

/** opossum and p-retry are development dependencies: an installed faultline may not have them. */
async function referenceTasks(call: () => Promise<unknown>) {
  const tasks: PerCallTask[] = [];
  const notes: string[] = [];
  try {
    const CircuitBreaker = createRequire(import.meta.url)('opossum') as OpossumConstructor;
    const breaker = new CircuitBreaker(call, {
      timeout: 1000,
      errorThresholdPercentage: 50,
      resetTimeout: 5000,
    });
    tasks.push({ name: 'opossum breaker + 1 s timeout', call: () => breaker.fire(), async: true });
  } catch {
    notes.push('opossum is not installed: its row is left out.');
  }
  try {
    const { default: pRetry } = (await import('p-retry')) as { default: PRetry };
    tasks.push({ name: 'p-retry, 2 retries', call: () => pRetry(call, { retries: 2 }), async: true });
  } catch {
    notes.push('p-retry is not installed: its row is left out.');
  }
  return { tasks, notes };
}

/** The same stacks under simulation conditions: virtual time, 500 requests in flight. */
async function virtualTimeTable(ctx: SuiteContext): Promise<Table> {
  const total = ctx.quick ? 2000 : 50_000;
  const rounds = ctx.quick ? 1 : 3;
  const inFlight = 500;
  const clock = installVirtualClock();
  try {
    const deps = { clock, rng: createRng(1), events: NO_EVENTS };
    const stackConfig = policiesSchema.parse({
      ...SETTINGS,
      breaker: { ...SETTINGS.breaker, failOn: ['5xx', 'timeout'] },
      bulkhead: { limit: 1000, queue: 1000 },
    });
    // Reads its signal the way a real attempt does (the chaos layer sleeps on it, fetch listens to it).
    const instant: AttemptFn = (_request, signal) =>
      signal.aborted ? Promise.reject(signal.reason) : Promise.resolve(BODY);
    const slow: AttemptFn = async (_request, signal) => {
      await clock.sleep(20, signal);
      return BODY;
    };
    const stock = () =>
      wrap(cockatielPolicy(['retry', 'breaker', 'timeout']), bulkhead(1000, 1000)) as IPolicy;
    const rootSignal = new AbortController().signal;
    // cockatiel links every call to its caller's signal; ours, shared by 500 calls in flight, may hold that
    // many listeners (cockatiel's own default signal would warn about a leak that is not one).
    const sharedSignal = new AbortController().signal;
    setMaxListeners(inFlight * 4, sharedSignal);
    // Up to 50 distinct bodies: the cache rows see misses, then hits once time has moved on.
    const fifty = (i: number): BackendRequest => ({
      method: 'POST',
      path: '/api/analyze',
      body: { text: `t${i % 50}` },
    });
    const unique = (i: number): BackendRequest => ({
      method: 'POST',
      path: '/api/analyze',
      body: { text: `unique ${i}` },
    });
    const through = (config: PoliciesConfig, attempt: AttemptFn) => {
      const stack = buildPolicyStack(config, attempt, deps);
      return ctx.slow((request: BackendRequest) => stack.execute(request));
    };
    const cached = (ttl: number) =>
      through(
        { ...stackConfig, cache: { ttl, maxEntries: 1000, coalesce: true }, fallback: { value: 'fallback' } },
        slow,
      );
    const stockInstant = stock();
    const stockSlow = stock();
    const rows: [string, (r: BackendRequest) => Promise<unknown>, (i: number) => BackendRequest][] = [
      ['bare attempt', (r) => instant(r, rootSignal), fifty],
      [
        'cockatiel stack',
        (r) => stockInstant.execute(({ signal }) => instant(r, signal), sharedSignal),
        fifty,
      ],
      ['faultline stack', through(stackConfig, instant), fifty],
      // The floor: the same sleep without a signal (one shared signal would pile up 500 listeners).
      ['bare attempt, 20 ms latency', () => clock.sleep(20).then(() => BODY), fifty],
      [
        'cockatiel stack, 20 ms latency',
        (r) => stockSlow.execute(({ signal }) => slow(r, signal), sharedSignal),
        fifty,
      ],
      ['faultline stack, 20 ms latency', through(stackConfig, slow), fifty],
      ['faultline + cache & fallback, misses', cached(60_000), unique],
      ['faultline + cache & fallback, hits', cached(3_600_000), fifty],
    ];
    ctx.log(`policy overhead: ${rows.length} rows on virtual time, ${total} requests each`);
    const best = new Map<string, number>();
    for (let round = 0; round < rounds; round++) {
      for (const [name, run, requestFor] of rows) {
        const us = await microsPerRequest(clock, total, inFlight, run, requestFor);
        best.set(name, Math.min(best.get(name) ?? Number.POSITIVE_INFINITY, us));
      }
    }
    const floorFor = (name: string) =>
      best.get(
        name.includes('20 ms') || name.includes('cache') ? 'bare attempt, 20 ms latency' : 'bare attempt',
      ) ?? 0;
    return {
      id: 'virtual-time',
      title: `Per request on virtual time, ${inFlight} in flight (retry ▸ breaker ▸ timeout ▸ bulkhead)`,
      description:
        'µs of wall time per simulated request (best round); overhead = minus the bare attempt with the same latency. cockatiel rows use its own timeout; faultline’s shares one timer per policy and pools signals.',
      columns: [
        { key: 'perRequest', label: 'per request', unit: 'µs', better: 'lower', chart: true },
        { key: 'overhead', label: 'overhead', unit: 'µs' },
      ],
      rows: rows.map(([name]) => {
        const us = best.get(name) ?? 0;
        return { name, values: { perRequest: us, overhead: Math.max(0, us - floorFor(name)) } };
      }),
    };
  } finally {
    clock.uninstall();
  }
}

async function microsPerRequest(
  clock: VirtualClock,
  total: number,
  inFlight: number,
  run: (request: BackendRequest) => Promise<unknown>,
  requestFor: (i: number) => BackendRequest,
): Promise<number> {
  const elapsed = startStopwatch();
  for (let i = 0; i < total; i += inFlight) {
    const batch: Promise<unknown>[] = [];
    for (let j = 0; j < inFlight; j++) batch.push(run(requestFor(i + j)));
    await clock.drive(Promise.all(batch));
  }
  return (elapsed() * 1000) / total;
}

function fmtNs(ns: number | undefined): string {
  return `${Math.round(ns ?? 0)} ns`;
}
