/**
 * The reference table: mean and p99 latency, throughput, error rate and backend calls (the cost), with
 * the cache on and off and nothing else changed, in simulation and over real loopback sockets against the
 * served API. The ratio row is computed from the two measured rows. Runs bench/scenarios/reference-cache.yaml,
 * or the scenario given with --scenario.
 */
import { fileURLToPath } from 'node:url';
import { isFaultlineError } from '../../src/errors/faultline-error.ts';
import { serveScenario } from '../../src/http/serve-scenario.ts';
import { cacheSchema } from '../../src/policies/schema.ts';
import type { RunResult } from '../../src/report/result.ts';
import { runScenario } from '../../src/runner/run-scenario.ts';
import { loadScenarioFile } from '../../src/scenario/load-scenario.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { ratioRow } from '../lib/rows.ts';
import type { Column, Row, Suite, SuiteContext, Table } from '../lib/types.ts';

export const REFERENCE_SCENARIO = fileURLToPath(
  new URL('../scenarios/reference-cache.yaml', import.meta.url),
);
/** For a scenario of the user's without a cache policy. */
const DEFAULT_CACHE = cacheSchema.parse({ ttl: '5m', maxEntries: 100 });
/** The real-socket runs: a few seconds each, whatever the scenario asks. */
const REAL_REQUESTS = { full: 150, quick: 20 } as const;
const REAL_CAP_MS = { full: 8000, quick: 3000 } as const;

export const REFERENCE_TABLE_IDS = { simulated: 'simulated', realSockets: 'real-sockets' } as const;

interface Variants {
  readonly off: Scenario;
  readonly on: Scenario;
}

/** The scenario with its cache policy (or a default one) and without: nothing else differs. */
function cacheVariants(scenario: Scenario): Variants {
  const { cache, ...rest } = scenario.policies;
  return {
    off: { ...scenario, policies: rest },
    on: { ...scenario, policies: { ...rest, cache: cache ?? DEFAULT_CACHE } },
  };
}

/** Quick mode: a few hundred requests, whatever the scenario says. */
function shortened(scenario: Scenario, requests: number): Scenario {
  return { ...scenario, workload: { ...scenario.workload, requests, duration: undefined } };
}

export const cachedVsUncachedSuite: Suite = {
  title: 'Cached versus uncached (the reference table)',
  async run(ctx) {
    const file = ctx.scenarioFile ?? REFERENCE_SCENARIO;
    const loaded = await loadScenarioFile(file);
    const scenario = ctx.quick ? shortened(loaded.scenario, 300) : loaded.scenario;
    const seed = scenario.seed ?? 1;
    const variants = cacheVariants(scenario);
    ctx.log(`cached vs uncached: simulating ${scenario.name}, cache off and on`);
    const simulated = {
      off: await runScenario(variants.off, { file: loaded.file, seed }),
      on: await runScenario(variants.on, { file: loaded.file, seed }),
    };
    const tables: Table[] = [
      figuresTable(REFERENCE_TABLE_IDS.simulated, `Simulated: ${describe(simulated.off)}`, simulated, true),
    ];
    const notes: string[] = [];
    const real = await overSockets(ctx, scenario, loaded.file, seed).catch((error: unknown) => {
      if (!isFaultlineError(error)) throw error;
      notes.push(`Real sockets skipped: ${error.message}`);
      return undefined;
    });
    if (real) {
      tables.push(
        figuresTable(
          REFERENCE_TABLE_IDS.realSockets,
          `Real loopback sockets (faultline serve + http plugin, real clock): ${describe(real.off)}`,
          real,
          false,
        ),
      );
      notes.push(
        'Over real sockets the cache starts cold and only a few hundred requests are sent, so the hit ratio and the ratios are lower than in the long simulation; they are not compared across runs (too few requests to be stable).',
      );
    }
    return { tables, notes };
  },
};

/** Same variants against `faultline serve` on 127.0.0.1, on the real clock, a bounded number of requests. */
async function overSockets(ctx: SuiteContext, scenario: Scenario, file: string, seed: number) {
  const mode = ctx.quick ? 'quick' : 'full';
  const results: Partial<Record<keyof Variants, RunResult>> = {};
  for (const [name, variant] of Object.entries(cacheVariants(shortened(scenario, REAL_REQUESTS[mode])))) {
    ctx.log(`cached vs uncached: cache ${name} over loopback sockets`);
    const served = await serveScenario(variant, { baseDir: process.cwd(), seed });
    try {
      served.restartTimelines();
      results[name as keyof Variants] = await runScenario(served.scenario, {
        file,
        seed,
        realTime: true,
        durationMs: REAL_CAP_MS[mode],
      });
    } finally {
      await served.close();
    }
  }
  if (!results.off || !results.on) throw new Error('cached vs uncached: a real-socket run is missing');
  return { off: results.off, on: results.on };
}

function describe(result: RunResult): string {
  return `${result.scenario.name}, ${result.requests.total.toLocaleString('en-US')} requests each`;
}

function figuresTable(
  id: string,
  title: string,
  runs: { readonly off: RunResult; readonly on: RunResult },
  compared: boolean,
): Table {
  const better = (direction: 'lower' | 'higher') => (compared ? direction : undefined);
  const columns: Column[] = [
    { key: 'meanMs', label: 'mean latency', unit: 'ms', better: better('lower'), chart: true },
    { key: 'p99Ms', label: 'p99 latency', unit: 'ms', better: better('lower') },
    { key: 'throughput', label: 'throughput', unit: 'req/s', better: better('higher'), chart: true },
    { key: 'errorRate', label: 'error rate', unit: 'share', better: better('lower') },
    {
      key: 'backendCalls',
      label: 'backend calls (cost)',
      unit: 'count',
      better: better('lower'),
      chart: true,
    },
    { key: 'callsPerRequest', label: 'calls / request', unit: 'x' },
    { key: 'hitRatio', label: 'cache hit ratio', unit: 'share' },
  ];
  const off = figuresRow('cache off', runs.off);
  const on = figuresRow('cache on', runs.on);
  return {
    id,
    title,
    description:
      'Error rate = failed ÷ requests. Backend calls: every call that reached the chaos layer in front of the backend, for the same number of requests. The last row is cache on ÷ cache off, computed per column.',
    columns,
    rows: [off, on, ratioRow('cache on ÷ cache off', on, off)],
  };
}

function figuresRow(name: string, result: RunResult): Row {
  const { requests } = result;
  return {
    name,
    values: {
      meanMs: result.latency.mean,
      p99Ms: result.latency.p99,
      throughput: result.throughput,
      errorRate: requests.total > 0 ? requests.failed / requests.total : 0,
      backendCalls: result.backend.calls,
      callsPerRequest: result.backend.callsPerRequest,
      hitRatio: result.cache.hitRatio,
    },
  };
}
