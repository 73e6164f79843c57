/**
 * Simulation speed: simulated requests per wall second and the virtual-to-wall ratio, for bare cockatiel
 * policies in a loop and for faultline's full default stack (cache, fallback, retry, breaker, timeout,
 * chaos layer) through the real runner, sequential and at concurrency 100, in the same run. 200 ms
 * virtual latency, 10% failures. Then peak memory for 1M simulated requests, in a child process of its own.
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
import { startStopwatch } from '../../src/clock/stopwatch.ts';
import { installVirtualClock } from '../../src/clock/virtual-clock.ts';
import { runScenario } from '../../src/runner/run-scenario.ts';
import { parseScenario } from '../../src/scenario/load-scenario.ts';
import type { Row, Suite, SuiteContext, Table, TargetCheck } from '../lib/types.ts';
import type { PeakMemory } from '../peak-memory.ts';

const SPEED_TARGET = 100_000;
const RSS_TARGET_MB = 200;
const LATENCY_MS = 200;

/** The default stack the issue names, against a backend failing 10% of calls. */
export function defaultStackScenario(clients: number, requests: number) {
  return parseScenario(
    'simulation-speed.yaml',
    `name: bench-default-stack
backends: { primary: { plugin: mock-analysis, options: { latency: { type: fixed, ms: ${LATENCY_MS} } } } }
policies:
  cache: { ttl: 1m, maxEntries: 100 }
  fallback: { value: { degraded: true } }
  retry: { maxAttempts: 3, backoff: { type: exponential, initialDelay: 50ms, jitter: full } }
  breaker: { halfOpenAfter: 10s, strategy: { type: consecutive, threshold: 50 } }
  timeout: { after: 1s }
workload: { model: closed, clients: ${clients}, requests: ${requests}, corpus: { zipf: 1 } }
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

async function faultline(clients: number, total: number): Promise<Speed> {
  const elapsed = startStopwatch();
  const result = await runScenario(defaultStackScenario(clients, total), { seed: 1 });
  const wallMs = elapsed();
  return {
    perSecond: result.requests.total / (wallMs / 1000),
    virtualPerWall: result.durationMs / wallMs,
    note: `cache hit ratio ${(result.cache.hitRatio * 100).toFixed(0)}%, ${result.backend.calls} backend calls`,
  };
}

const retryPolicy = () => retry(handleAll, { maxAttempts: 2, backoff: new ExponentialBackoff() });
const breakerPolicy = () =>
  circuitBreaker(handleAll, { halfOpenAfter: 10_000, breaker: new ConsecutiveBreaker(50) });

export const simulationSpeedSuite: Suite = {
  title: 'Simulation speed',
  async run(ctx) {
    const total = ctx.quick ? 2000 : 100_000;
    const rounds = ctx.quick ? 1 : 3;
    const runs: [string, () => Promise<Speed>][] = [
      ['no policy (bare loop)', () => bare(undefined, total)],
      ['cockatiel retry ▸ breaker', () => bare(wrap(retryPolicy(), breakerPolicy()), total)],
      [
        'cockatiel retry ▸ breaker ▸ timeout',
        () => bare(wrap(retryPolicy(), breakerPolicy(), timeout(1000, TimeoutStrategy.Aggressive)), total),
      ],
      ['faultline default stack, sequential', () => faultline(1, total)],
      ['faultline default stack, concurrency 100', () => faultline(100, total)],
    ];
    // Warm-up: loads the plugin and fills the analyser's memo, so the rows compare steady states.
    await faultline(1, Math.min(total, 20_000));
    ctx.log(`simulation speed: ${runs.length} rows × ${rounds} rounds of ${total} requests`);
    const best = new Map<string, Speed>();
    for (let round = 0; round < rounds; round++) {
      for (const [name, run] of runs) {
        const speed = await run();
        if (speed.perSecond > (best.get(name)?.perSecond ?? 0)) best.set(name, speed);
      }
    }
    const rows: Row[] = runs.map(([name]) => {
      const speed = best.get(name) as Speed;
      return {
        name,
        values: { perSecond: speed.perSecond, virtualPerWall: speed.virtualPerWall },
        note: speed.note,
      };
    });
    const bareFull = best.get('cockatiel retry ▸ breaker ▸ timeout')?.perSecond ?? 1;
    const speedTable: Table = {
      id: 'speed',
      title: `Simulated requests per wall second (${total.toLocaleString('en-US')} requests, best of ${rounds})`,
      description: `${LATENCY_MS} ms virtual latency, 10% failures. The default stack: cache, fallback, retry (3 attempts), breaker, 1 s timeout, chaos layer, through runScenario (workload, recorder, verdict).`,
      columns: [
        { key: 'perSecond', label: 'simulated req/s', unit: 'req/s', better: 'higher', chart: true },
        { key: 'virtualPerWall', label: 'virtual ÷ wall time', unit: 'x', better: 'higher' },
      ],
      rows,
    };
    const memory = await peakMemory(ctx);
    const targets: TargetCheck[] = ['sequential', 'concurrency 100'].map((mode) => {
      const speed = best.get(`faultline default stack, ${mode}`)?.perSecond ?? 0;
      return {
        name: `faultline default stack, ${mode}`,
        target: `≥ ${SPEED_TARGET.toLocaleString('en-US')} simulated req/s`,
        measured: `${Math.round(speed).toLocaleString('en-US')} req/s (${(speed / bareFull).toFixed(2)}× bare cockatiel retry ▸ breaker ▸ timeout)`,
        met: speed >= SPEED_TARGET,
      };
    });
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
    return { tables: [speedTable, memoryTable], targets };
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
