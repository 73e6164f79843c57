/**
 * Per-request cost of the policy stack on the virtual clock, against the bare attempt and against the same
 * stack made of stock cockatiel policies. Run: npx tsx bench/policies/stack-cost.ts
 * Wall time comes from process.hrtime, which the virtual clock does not fake.
 */
import {
  bulkhead,
  ConsecutiveBreaker,
  circuitBreaker,
  handleAll,
  type IPolicy,
  retry,
  TimeoutStrategy,
  timeout,
  wrap,
} from 'cockatiel';
import type { BackendRequest } from '../../src/backend/contract.ts';
import { installVirtualClock } from '../../src/clock/virtual-clock.ts';
import { buildPolicyStack } from '../../src/policies/build-stack.ts';
import { NO_EVENTS } from '../../src/policies/events.ts';
import type { PoliciesConfig } from '../../src/policies/schema.ts';
import type { AttemptFn } from '../../src/policies/stack.ts';
import { createRng } from '../../src/rng/rng.ts';

const REQUESTS = 100_000;
const CONCURRENT = 500;
const clock = installVirtualClock();
const rng = createRng(1);
const deps = { clock, rng, events: NO_EVENTS };

// Reads its signal the way a real attempt does (the chaos layer sleeps on it, fetch listens to it).
const attempt: AttemptFn = (_request, signal) =>
  signal.aborted ? Promise.reject(signal.reason) : Promise.resolve('ok');
// Up to 50 distinct bodies per batch: the cache rows see misses, then hits once time has moved on.
const requestFor = (i: number): BackendRequest => ({
  method: 'POST',
  path: '/api/analyze',
  body: { text: `t${i % 50}` },
});
// Like the chaos layer: a virtual-time sleep that listens to the signal.
const slowAttempt: AttemptFn = async (_request, signal) => {
  await clock.sleep(20, signal);
  return 'ok';
};

async function measure(
  label: string,
  run: (request: BackendRequest) => Promise<unknown>,
  request: (i: number) => BackendRequest = requestFor,
): Promise<number> {
  // One warm-up round, then the best of three: the machine's noise only ever adds time.
  let perCallUs = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 4; round++) {
    const started = process.hrtime.bigint();
    for (let i = 0; i < REQUESTS; i += CONCURRENT) {
      const batch: Promise<unknown>[] = [];
      for (let j = 0; j < CONCURRENT; j++) batch.push(run(request(i + j)));
      await clock.drive(Promise.all(batch));
    }
    const us = Number(process.hrtime.bigint() - started) / 1000 / REQUESTS;
    if (round > 0) perCallUs = Math.min(perCallUs, us);
  }
  console.log(`${label.padEnd(44)} ${perCallUs.toFixed(2).padStart(6)} µs/request`);
  return perCallUs;
}

const stackConfig: PoliciesConfig = {
  retry: {
    maxAttempts: 3,
    backoff: { type: 'exponential', initialDelay: 100, maxDelay: 2000, exponent: 2, jitter: 'full' },
    retryOn: ['5xx', '429', 'network', 'timeout'],
    honorRetryAfter: true,
    maxRetryAfter: 60_000,
  },
  breaker: {
    halfOpenAfter: 5000,
    strategy: { type: 'consecutive', threshold: 5 },
    failOn: ['5xx', 'timeout'],
  },
  timeout: { after: 1000, strategy: 'aggressive' },
  bulkhead: { limit: 1000, queue: 1000 },
};

function stockCockatiel(): IPolicy {
  return wrap(
    retry(handleAll, { maxAttempts: 2 }),
    circuitBreaker(handleAll, { halfOpenAfter: 5000, breaker: new ConsecutiveBreaker(5) }),
    timeout(1000, TimeoutStrategy.Aggressive),
    bulkhead(1000, 1000),
  );
}

const rootSignal = new AbortController().signal;
const bare = await measure('bare attempt', (request) => attempt(request, rootSignal));
const stock = stockCockatiel();
const cockatielUs = await measure('cockatiel retry▸breaker▸timeout▸bulkhead', (request) =>
  stock.execute(({ signal }) => attempt(request, signal)),
);
const ours = buildPolicyStack(stackConfig, attempt, deps);
const oursUs = await measure('faultline retry▸breaker▸timeout▸bulkhead', (request) => ours.execute(request));
const oursTimeoutOnly = buildPolicyStack({ timeout: stackConfig.timeout }, attempt, deps);
const stockTimeout = timeout(1000, TimeoutStrategy.Aggressive);
const stockTimeoutUs = await measure('cockatiel timeout alone', (request) =>
  stockTimeout.execute(({ signal }) => attempt(request, signal)),
);
const oursTimeoutUs = await measure('faultline timeout alone', (request) => oursTimeoutOnly.execute(request));
const cached = (ttl: number) =>
  buildPolicyStack(
    { ...stackConfig, cache: { ttl, maxEntries: 1000, coalesce: true }, fallback: { value: 'fallback' } },
    slowAttempt,
    deps,
  );
// The floor: the same sleep without a signal (one shared signal would pile 500 listeners onto itself).
const slowBare = await measure('bare attempt, 20 ms virtual latency', () => clock.sleep(20).then(() => 'ok'));
const slowStock = stockCockatiel();
const slowCockatielUs = await measure('cockatiel stack, 20 ms latency', (request) =>
  slowStock.execute(({ signal }) => slowAttempt(request, signal)),
);
const slowOurs = buildPolicyStack(stackConfig, slowAttempt, deps);
const slowOursUs = await measure('faultline stack, 20 ms latency', (request) => slowOurs.execute(request));
const missesStack = cached(60_000);
const missesUs = await measure(
  'faultline full stack, cache misses',
  (request) => missesStack.execute(request),
  (i) => ({ method: 'POST', path: '/api/analyze', body: { text: `unique ${i}` } }),
);
const hitsStack = cached(3_600_000);
const hitsUs = await measure('faultline full stack, cache hits', (request) => hitsStack.execute(request));
clock.uninstall();

console.log(`
policy cost per request (stack minus bare attempt), µs:
  instant attempt      cockatiel ${(cockatielUs - bare).toFixed(2)}  faultline ${(oursUs - bare).toFixed(2)}
  timeout alone        cockatiel ${(stockTimeoutUs - bare).toFixed(2)}  faultline ${(oursTimeoutUs - bare).toFixed(2)}
  20 ms latency        cockatiel ${(slowCockatielUs - slowBare).toFixed(2)}  faultline ${(slowOursUs - slowBare).toFixed(2)}
  + cache & fallback   misses ${(missesUs - slowBare).toFixed(2)}  hits ${(hitsUs - slowBare).toFixed(2)}
(A MaxListenersExceededWarning above comes from stock cockatiel: every call adds an abort listener to one shared signal.)`);
