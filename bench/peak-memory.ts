/**
 * Peak RSS for a long simulation: runs the full default stack for `--requests` (default 1,000,000)
 * simulated requests on the built package (as the CLI runs it; npm run build first) and prints the
 * process's maximum resident set size. Run in its own process (the simulation-speed suite of
 * `faultline bench` spawns it): `npx tsx bench/peak-memory.ts [--json]`.
 */
import { pathToFileURL } from 'node:url';
import type * as RunScenario from '../src/runner/run-scenario.ts';
import type * as LoadScenario from '../src/scenario/load-scenario.ts';
import { importBuilt } from './lib/built.ts';

const { runScenario } = await importBuilt<typeof RunScenario>('runner/run-scenario');
const { parseScenario } = await importBuilt<typeof LoadScenario>('scenario/load-scenario');

export interface PeakMemory {
  readonly requests: number;
  readonly virtualHours: number;
  readonly peakRssMb: number;
  readonly wallSeconds: number;
}

function peakMemoryScenario(requests: number) {
  return parseScenario(
    'memory.yaml',
    `name: bench-peak-memory
policies:
  cache: { ttl: 1m, maxEntries: 1000 }
  fallback: { value: { degraded: true } }
  retry: { maxAttempts: 3 }
  breaker: { halfOpenAfter: 10s, strategy: { type: consecutive, threshold: 50 } }
  timeout: { after: 1s }
workload: { model: open, rate: 1000, requests: ${requests} }
phases: [{ name: flaky, from: 0s, faults: [{ kind: error, status: 503, rate: 0.1 }] }]
`,
    {},
  );
}

async function main(args: readonly string[]): Promise<void> {
  const at = args.indexOf('--requests');
  const requests = at >= 0 ? Number(args[at + 1]) : 1_000_000;
  const result = await runScenario(peakMemoryScenario(requests), { seed: 1 });
  const figures: PeakMemory = {
    requests: result.requests.total,
    virtualHours: result.durationMs / 3_600_000,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    wallSeconds: result.environment.wallMs / 1000,
  };
  if (args.includes('--json')) console.log(JSON.stringify(figures));
  else {
    console.log(
      `${figures.requests} simulated requests (${figures.virtualHours.toFixed(2)} h virtual): peak RSS ${figures.peakRssMb.toFixed(0)} MB, wall ${figures.wallSeconds.toFixed(1)} s`,
    );
  }
}

// Run as a script only (the suite imports its types).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  await main(process.argv.slice(2));
