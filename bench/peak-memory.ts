/**
 * Peak RSS for a long simulation: runs the full default stack for `--requests` (default 1,000,000)
 * simulated requests and prints the process's maximum resident set size. Run in its own process:
 * `npx tsx bench/peak-memory.ts`.
 */
import { runScenario } from '../src/runner/run-scenario.ts';
import { parseScenario } from '../src/scenario/load-scenario.ts';

const args = process.argv.slice(2);
const at = args.indexOf('--requests');
const N = at >= 0 ? Number(args[at + 1]) : 1_000_000;
const scenario = parseScenario(
  'memory.yaml',
  `name: bench-peak-memory
policies:
  cache: { ttl: 1m, maxEntries: 1000 }
  fallback: { value: { degraded: true } }
  retry: { maxAttempts: 3 }
  breaker: { halfOpenAfter: 10s, strategy: { type: consecutive, threshold: 50 } }
  timeout: { after: 1s }
workload: { model: open, rate: 1000, requests: ${N} }
phases: [{ name: flaky, from: 0s, faults: [{ kind: error, status: 503, rate: 0.1 }] }]
`,
  {},
);
const result = await runScenario(scenario, { seed: 1 });
const rssMb = process.resourceUsage().maxRSS / 1024;
console.log(
  `${result.requests.total} simulated requests (${(result.durationMs / 3_600_000).toFixed(2)} h virtual): peak RSS ${rssMb.toFixed(0)} MB, wall ${(result.environment.wallMs / 1000).toFixed(1)} s`,
);
