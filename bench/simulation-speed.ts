/**
 * Simulation speed: simulated requests per wall second for bare cockatiel policies and for faultline's
 * full default stack (cache, fallback, retry, breaker, timeout, chaos layer) through the real runner,
 * sequential and at concurrency 100, on the same machine in the same run. 200 ms virtual latency, 10%
 * failures. Run: `npx tsx bench/simulation-speed.ts` (add `--requests N` to change the size).
 */
import { performance } from 'node:perf_hooks';
import {
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
import { installVirtualClock } from '../src/clock/virtual-clock.ts';
import { runScenario } from '../src/runner/run-scenario.ts';
import { parseScenario } from '../src/scenario/load-scenario.ts';

const args = process.argv.slice(2);
const requestsArg = args.indexOf('--requests');
const N = requestsArg >= 0 ? Number(args[requestsArg + 1]) : 100_000;
// Captured before any virtual clock fakes `performance`.
const wallNow = performance.now.bind(performance);

async function bare(label: string, policy: IPolicy | undefined): Promise<Row> {
  const clock = installVirtualClock();
  let i = 0;
  const call = async () => {
    await clock.sleep(200);
    if (i++ % 10 === 0) throw new Error('injected');
    return 1;
  };
  const work = (async () => {
    for (let n = 0; n < N; n++) {
      try {
        await (policy ? policy.execute(call) : call());
      } catch {
        // counted by nobody: this is the bare baseline
      }
    }
  })();
  const start = wallNow();
  await clock.drive(work);
  const wall = wallNow() - start;
  clock.uninstall();
  return { label, perSecond: N / (wall / 1000) };
}

const retryPolicy = () => retry(handleAll, { maxAttempts: 2, backoff: new ExponentialBackoff() });
const breakerPolicy = () =>
  circuitBreaker(handleAll, { halfOpenAfter: 10_000, breaker: new ConsecutiveBreaker(50) });

async function faultline(label: string, clients: number): Promise<Row> {
  const scenario = parseScenario(
    'bench.yaml',
    `name: bench-full-stack
backends: { primary: { plugin: mock-analysis, options: { latency: { type: fixed, ms: 200 } } } }
policies:
  cache: { ttl: 1m, maxEntries: 100 }
  fallback: { value: { degraded: true } }
  retry: { maxAttempts: 3, backoff: { type: exponential, initialDelay: 50ms, jitter: full } }
  breaker: { halfOpenAfter: 10s, strategy: { type: consecutive, threshold: 50 } }
  timeout: { after: 1s }
workload: { model: closed, clients: ${clients}, requests: ${N}, corpus: { zipf: 1 } }
phases: [{ name: flaky, from: 0s, faults: [{ kind: error, status: 503, rate: 0.1 }] }]
`,
    {},
  );
  const start = wallNow();
  const result = await runScenario(scenario, { seed: 1 });
  const wall = wallNow() - start;
  return {
    label,
    perSecond: result.requests.total / (wall / 1000),
    note: `cache hit ${(result.cache.hitRatio * 100).toFixed(0)}%, ${(result.durationMs / 1000 / (wall / 1000)).toFixed(0)}× virtual/wall`,
  };
}

interface Row {
  label: string;
  perSecond: number;
  note?: string;
}

const rows: Row[] = [];
// Warm-up: loads the plugin module and fills the analyser's memo, so the rows compare steady states.
await faultline('warm-up', 1);
rows.push(await bare('no policy (bare loop)', undefined));
rows.push(await bare('cockatiel retry+breaker', wrap(retryPolicy(), breakerPolicy())));
const bareFull = await bare(
  'cockatiel retry+breaker+timeout',
  wrap(retryPolicy(), breakerPolicy(), timeout(1000, TimeoutStrategy.Aggressive)),
);
rows.push(bareFull);
rows.push(await faultline('faultline full stack, sequential', 1));
rows.push(await faultline('faultline full stack, concurrency 100', 100));

console.log(`simulated requests per wall second (N = ${N}, Node ${process.version})`);
for (const row of rows) {
  const ratio = (row.perSecond / bareFull.perSecond).toFixed(2);
  console.log(
    `${row.label.padEnd(40)} ${Math.round(row.perSecond).toString().padStart(9)}/s  ${ratio}× bare full${row.note ? `  (${row.note})` : ''}`,
  );
}
