/**
 * Simulation speed: simulated requests per wall second and the virtual-to-wall ratio, for bare cockatiel
 * policies in a loop and for faultline's full default stack (cache, fallback, retry, breaker, timeout,
 * chaos layer) through the real runner, with and without its cache, closed and open loop, in the same
 * run (rounds interleaved, medians). 200 ms virtual latency, 10% failures. Then, each in a child process
 * of its own: every shipped scenario run the way `faultline run scenarios/` runs it (the fresh process's
 * first pass, its warm-up, reported apart from the steady state), and peak memory for 1M requests.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
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
import type * as Stopwatch from '../../src/clock/stopwatch.ts';
import type * as VirtualClockModule from '../../src/clock/virtual-clock.ts';
import type * as RunScenario from '../../src/runner/run-scenario.ts';
import type * as LoadScenario from '../../src/scenario/load-scenario.ts';
import { importBuilt } from '../lib/built.ts';
import { median } from '../lib/median.ts';
import { ratioRow } from '../lib/rows.ts';
import type { Row, Suite, SuiteContext, Table, TargetCheck } from '../lib/types.ts';
import type { PeakMemory } from '../peak-memory.ts';
import { shippedSpeed } from './shipped-speed.ts';

// The built package's modules, as users run them (tsx's transform of the sources adds a naming helper
// to every function created per call; see bench/lib/built.ts). The bare cockatiel rows share its clock.
const { startStopwatch } = await importBuilt<typeof Stopwatch>('clock/stopwatch');
const { installVirtualClock } = await importBuilt<typeof VirtualClockModule>('clock/virtual-clock');
const { runScenario } = await importBuilt<typeof RunScenario>('runner/run-scenario');
const { parseScenario } = await importBuilt<typeof LoadScenario>('scenario/load-scenario');

const SPEED_TARGET = 100_000;
/** How much faster the cached default stack may run than the uncached one before the gap needs a reason. */
const CACHE_GAP_LIMIT = 1.5;
const OPEN_RATE = 500;
const RSS_TARGET_MB = 200;
const LATENCY_MS = 200;

/** How the default stack's requests arrive: a closed loop of clients, or an open loop at a rate. */
export type Arrivals = { readonly clients: number } | { readonly rate: number };

/** The default stack the issue names, against a backend failing 10% of calls; `cache: false` drops its cache. */
export function defaultStackScenario(arrivals: Arrivals, requests: number, cache = true) {
  const workload =
    'clients' in arrivals
      ? `{ model: closed, clients: ${arrivals.clients}, requests: ${requests}, corpus: { zipf: 1 } }`
      : `{ model: open, rate: ${arrivals.rate}, requests: ${requests}, corpus: { zipf: 1 } }`;
  return parseScenario(
    'simulation-speed.yaml',
    `name: bench-default-stack
backends: { primary: { plugin: mock-analysis, options: { latency: { type: fixed, ms: ${LATENCY_MS} } } } }
policies:
${cache ? '  cache: { ttl: 1m, maxEntries: 100 }\n' : ''}  fallback: { value: { degraded: true } }
  retry: { maxAttempts: 3, backoff: { type: exponential, initialDelay: 50ms, jitter: full } }
  breaker: { halfOpenAfter: 10s, strategy: { type: consecutive, threshold: 50 } }
  timeout: { after: 1s }
workload: ${workload}
phases: [{ name: flaky, from: 0s, faults: [{ kind: error, status: 503, rate: 0.1 }] }]
`,
    {},
  );
}

interface Speed {
  readonly perSecond: number;
  readonly virtualPerWall: number;
  readonly note?: string;
}

/** A loop of `total` calls through a bare cockatiel policy on the virtual clock: the floor to compare with. */
async function bare(policy: IPolicy | undefined, total: number): Promise<Speed> {
  const clock = installVirtualClock();
  try {
    let i = 0;
    const call = async () => {
      await clock.sleep(LATENCY_MS);
      if (i++ % 10 === 0) throw new Error('injected');
      return 1;
    };
    const work = (async () => {
      for (let n = 0; n < total; n++) {
        try {
          await (policy ? policy.execute(call) : call());
        } catch {
          // counted by nobody: this is the bare baseline
        }
      }
    })();
    const elapsed = startStopwatch();
    await clock.drive(work);
    const wallMs = elapsed();
    return { perSecond: total / (wallMs / 1000), virtualPerWall: clock.now() / wallMs };
  } finally {
    clock.uninstall();
  }
}

async function faultline(arrivals: Arrivals, total: number, cache = true): Promise<Speed> {
  const elapsed = startStopwatch();
  const result = await runScenario(defaultStackScenario(arrivals, total, cache), { seed: 1 });
  const wallMs = elapsed();
  return {
    perSecond: result.requests.total / (wallMs / 1000),
    virtualPerWall: result.durationMs / wallMs,
    note: `cache hit ratio ${(result.cache.hitRatio * 100).toFixed(0)}%, ${(result.backend.calls / result.requests.total).toFixed(2)} backend calls per request`,
  };
}

const retryPolicy = () => retry(handleAll, { maxAttempts: 2, backoff: new ExponentialBackoff() });
const breakerPolicy = () =>
  circuitBreaker(handleAll, { halfOpenAfter: 10_000, breaker: new ConsecutiveBreaker(50) });

const stackRow = (loop: string, cache: boolean) =>
  `faultline default stack, ${loop}, ${cache ? 'cache' : 'no cache'}`;
const CLOSED = 'closed loop of 100';
const OPEN = `open loop at ${OPEN_RATE}/s`;
/** The default stack's rows: how requests arrive and whether the cache is in the stack. */
const STACK_ROWS: readonly (readonly [string, Arrivals, boolean])[] = [
  ['faultline default stack, sequential', { clients: 1 }, true],
  [stackRow(CLOSED, true), { clients: 100 }, true],
  [stackRow(CLOSED, false), { clients: 100 }, false],
  [stackRow(OPEN, true), { rate: OPEN_RATE }, true],
  [stackRow(OPEN, false), { rate: OPEN_RATE }, false],
];
/** The loops whose rows are compared as no cache ÷ cache. */
const CACHE_PAIRS = [CLOSED, OPEN] as const;

export const simulationSpeedSuite: Suite = {
  title: 'Simulation speed',
  async run(ctx) {
    const total = ctx.quick ? 2000 : 100_000;
    const rounds = ctx.quick ? 1 : 5;
    const runs: [string, () => Promise<Speed>][] = [
      ['no policy (bare loop)', () => bare(undefined, total)],
      ['cockatiel retry ▸ breaker', () => bare(wrap(retryPolicy(), breakerPolicy()), total)],
      [
        'cockatiel retry ▸ breaker ▸ timeout',
        () => bare(wrap(retryPolicy(), breakerPolicy(), timeout(1000, TimeoutStrategy.Aggressive)), total),
      ],
      ...STACK_ROWS.map(([name, arrivals, cache]): [string, () => Promise<Speed>] => [
        name,
        () => faultline(arrivals, total, cache),
      ]),
    ];
    // Warm-up: loads the plugin and fills the analyser's memo, so the rows compare steady states.
    await faultline({ clients: 1 }, Math.min(total, 20_000));
    await faultline({ clients: 100 }, Math.min(total, 20_000), false);
    ctx.log(`simulation speed: ${runs.length} rows × ${rounds} rounds of ${total} requests`);
    const seen = new Map<string, Speed[]>();
    for (let round = 0; round < rounds; round++) {
      for (const [name, run] of runs) seen.set(name, [...(seen.get(name) ?? []), await run()]);
    }
    const medianOf = (name: string): Speed => {
      const speeds = seen.get(name) ?? [];
      const perSecond = median(speeds.map((speed) => speed.perSecond));
      const at = speeds.find((speed) => speed.perSecond === perSecond) ?? speeds[0];
      return {
        perSecond,
        virtualPerWall: median(speeds.map((speed) => speed.virtualPerWall)),
        ...(at?.note && { note: at.note }),
      };
    };
    const measured: Row[] = runs.map(([name]) => {
      const speed = medianOf(name);
      return {
        name,
        values: { perSecond: speed.perSecond, virtualPerWall: speed.virtualPerWall },
        ...(speed.note && { note: speed.note }),
      };
    });
    const rowNamed = (name: string) => measured.find((row) => row.name === name) as Row;
    const ratios = CACHE_PAIRS.map((loop) =>
      ratioRow(`no cache ÷ cache, ${loop}`, rowNamed(stackRow(loop, false)), rowNamed(stackRow(loop, true))),
    );
    const bareFull = medianOf('cockatiel retry ▸ breaker ▸ timeout').perSecond || 1;
    const speedTable: Table = {
      id: 'speed',
      title: `Simulated requests per wall second (${total.toLocaleString('en-US')} requests, median of ${rounds})`,
      description: `${LATENCY_MS} ms virtual latency, 10% failures, Zipf traffic. The default stack: cache (when named), fallback, retry (3 attempts), breaker, 1 s timeout, chaos layer, through runScenario (workload, recorder, verdict). Rounds interleaved (every row, then every row again).`,
      columns: [
        { key: 'perSecond', label: 'simulated req/s', unit: 'req/s', better: 'higher', chart: true },
        { key: 'virtualPerWall', label: 'virtual ÷ wall time', unit: 'x', better: 'higher' },
      ],
      rows: [...measured, ...ratios],
    };
    const shipped = await shippedSpeed(ctx);
    const memory = await peakMemory(ctx);
    const targets: TargetCheck[] = ['sequential', 'closed loop of 100, cache'].map((mode) => {
      const speed = medianOf(`faultline default stack, ${mode}`).perSecond;
      return {
        name: `faultline default stack, ${mode}`,
        target: `≥ ${SPEED_TARGET.toLocaleString('en-US')} simulated req/s`,
        measured: `${Math.round(speed).toLocaleString('en-US')} req/s (${(speed / bareFull).toFixed(2)}× bare cockatiel retry ▸ breaker ▸ timeout)`,
        met: speed >= SPEED_TARGET,
      };
    });
    for (const loop of CACHE_PAIRS) {
      const cached = medianOf(stackRow(loop, true)).perSecond;
      const uncached = medianOf(stackRow(loop, false)).perSecond;
      const gap = cached / (uncached || 1);
      targets.push({
        name: `faultline default stack without its cache, ${loop}`,
        target: `within ${CACHE_GAP_LIMIT}× of the cached stack's simulated req/s`,
        measured: `cached runs ${gap.toFixed(2)}× as fast (${Math.round(uncached).toLocaleString('en-US')} vs ${Math.round(cached).toLocaleString('en-US')} req/s)`,
        met: gap <= CACHE_GAP_LIMIT,
      });
    }
    targets.push(...shipped.targets);
    targets.push({
      name: `peak RSS for ${memory.requests.toLocaleString('en-US')} simulated requests`,
      target: `≤ ${RSS_TARGET_MB} MB (for 1,000,000)`,
      measured: `${memory.peakRssMb.toFixed(0)} MB`,
      met: memory.peakRssMb <= RSS_TARGET_MB,
    });
    const memoryTable: Table = {
      id: 'memory',
      title: 'Peak memory of a long simulation (child process)',
      description:
        'The default stack under an open loop at 1000 req/s, in a fresh process, so the figure is the simulation’s alone. Metrics stream (HDR histograms), so memory stays flat as requests grow.',
      columns: [
        { key: 'peakRssMb', label: 'peak RSS', unit: 'MB', better: 'lower', chart: true },
        { key: 'wallSeconds', label: 'wall time', unit: 's' },
        { key: 'perSecond', label: 'simulated req/s', unit: 'req/s' },
      ],
      rows: [
        {
          name: `${memory.requests.toLocaleString('en-US')} requests (${(memory.virtualHours).toFixed(2)} h simulated)`,
          values: {
            peakRssMb: memory.peakRssMb,
            wallSeconds: memory.wallSeconds,
            perSecond: memory.requests / memory.wallSeconds,
          },
        },
      ],
    };
    return { tables: [speedTable, ...shipped.tables, memoryTable], targets };
  },
};

const PEAK_MEMORY_SCRIPT = fileURLToPath(new URL('../peak-memory.ts', import.meta.url));

async function peakMemory(ctx: SuiteContext): Promise<PeakMemory> {
  const requests = ctx.quick ? 5000 : 1_000_000;
  ctx.log(`simulation speed: peak memory for ${requests} requests in a child process`);
  const { stdout } = await promisify(execFile)(
    process.execPath,
    // tsx as resolved from here, so the child loads TypeScript from whatever folder the bench runs in.
    ['--import', import.meta.resolve('tsx'), PEAK_MEMORY_SCRIPT, '--requests', String(requests), '--json'],
    { maxBuffer: 1024 * 1024 },
  );
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as PeakMemory;
}
