import type { RunResult, WindowFigures } from '../result.ts';
import { resolveOutputPath, writeOutputFile } from './output-file.ts';
import type { FileReporterOptions, Reporter, ReporterContext } from './types.ts';

const OUTCOMES = [
  ['succeeded', 'succeeded'],
  ['fellBack', 'fell_back'],
  ['failed', 'failed'],
] as const;
const QUANTILES = [
  ['p50', '0.5'],
  ['p90', '0.9'],
  ['p95', '0.95'],
  ['p99', '0.99'],
] as const;

/**
 * The run's figures in the Prometheus text format, one file for every scenario of the run (default
 * `faultline.prom`), each sample labelled with its scenario and seed, and per-phase figures with the
 * phase too: for a Pushgateway, a textfile collector, or a diff between two runs. Latency comes as
 * the quantiles the result holds (a summary's shape), not histogram buckets, as results keep none.
 */
export function createPrometheusReporter(options: FileReporterOptions, ctx: ReporterContext): Reporter {
  const path = options.output ?? 'faultline.prom';
  resolveOutputPath(ctx.outDir, path);
  const results: RunResult[] = [];
  return {
    onScenarioEnd({ result }) {
      results.push(result);
    },
    async onRunEnd() {
      await writeOutputFile(ctx.outDir, path, await prometheusText(results));
    },
  };
}

/** The exposition text of these results; the same results give the same bytes. */
export async function prometheusText(results: readonly RunResult[]): Promise<string> {
  // Loaded when asked for: importing 'faultline' must not load prom-client, whose optional
  // @opentelemetry/api probe breaks under bundler conditions (vitest's 'module') in users' projects.
  const { Counter, Gauge, Registry } = await import('prom-client');
  const registry = new Registry();
  const run = ['scenario', 'seed'] as const;
  const phased = ['scenario', 'seed', 'phase'] as const;
  const m = {
    requests: new Counter({
      name: 'faultline_requests_total',
      help: 'Requests by outcome (succeeded, fell_back, failed)',
      labelNames: [...phased, 'outcome'],
      registers: [registry],
    }),
    failures: new Counter({
      name: 'faultline_request_failures_total',
      help: 'Failed requests by error code',
      labelNames: [...run, 'code'],
      registers: [registry],
    }),
    latency: new Gauge({
      name: 'faultline_request_duration_seconds',
      help: 'Request latency quantiles over the window (virtual time when simulated)',
      labelNames: [...phased, 'quantile'],
      registers: [registry],
    }),
    latencyMean: new Gauge({
      name: 'faultline_request_duration_mean_seconds',
      help: 'Mean request latency',
      labelNames: phased,
      registers: [registry],
    }),
    availability: new Gauge({
      name: 'faultline_availability_ratio',
      help: 'Share of requests that got an answer (succeeded or fell back)',
      labelNames: phased,
      registers: [registry],
    }),
    calls: new Counter({
      name: 'faultline_backend_calls_total',
      help: 'Calls that left the client towards each backend',
      labelNames: [...run, 'backend'],
      registers: [registry],
    }),
    callsPerRequest: new Gauge({
      name: 'faultline_backend_calls_per_request',
      help: 'Backend calls per request',
      labelNames: phased,
      registers: [registry],
    }),
    breakerOpen: new Gauge({
      name: 'faultline_breaker_open_ratio',
      help: 'Share of the window the breaker spent open',
      labelNames: phased,
      registers: [registry],
    }),
    breakerOpened: new Counter({
      name: 'faultline_breaker_opened_total',
      help: 'Times the breaker opened',
      labelNames: phased,
      registers: [registry],
    }),
    events: new Counter({
      name: 'faultline_policy_events_total',
      help: 'Policy events by type (retry, timeout, hedge, outlier-ejected, ...)',
      labelNames: [...run, 'event'],
      registers: [registry],
    }),
    cost: new Counter({
      name: 'faultline_cost_total',
      help: 'Money spent on backend calls, in the scenario currency',
      labelNames: [...run, 'currency'],
      registers: [registry],
    }),
    costPerDay: new Gauge({
      name: 'faultline_cost_per_day',
      help: 'The run spend rate carried over a day',
      labelNames: [...run, 'currency'],
      registers: [registry],
    }),
  };
  for (const result of results) {
    const base = { scenario: result.scenario.name, seed: String(result.seed) };
    const windows: [string, WindowFigures][] = [
      ['', result],
      ...result.phases.map((phase): [string, WindowFigures] => [phase.name, phase]),
    ];
    for (const [phase, window] of windows) {
      const labels = { ...base, phase };
      for (const [key, outcome] of OUTCOMES) m.requests.inc({ ...labels, outcome }, requestsOf(window, key));
      for (const [key, quantile] of QUANTILES)
        m.latency.set({ ...labels, quantile }, window.latency[key] / 1000);
      m.latencyMean.set(labels, window.latency.mean / 1000);
      m.availability.set(labels, window.availability);
      m.callsPerRequest.set(labels, window.backend.callsPerRequest);
      m.breakerOpen.set(labels, window.breaker.openRatio);
      m.breakerOpened.inc(labels, window.breaker.opened);
    }
    for (const [code, count] of Object.entries(result.requests.failuresByCode))
      m.failures.inc({ ...base, code }, count);
    for (const [backend, count] of Object.entries(result.backend.byBackend))
      m.calls.inc({ ...base, backend }, count);
    for (const [event, count] of Object.entries(result.policyEvents).sort(([a], [b]) => (a < b ? -1 : 1)))
      m.events.inc({ ...base, event }, count);
    if (result.cost) {
      m.cost.inc({ ...base, currency: result.cost.currency }, result.cost.total);
      m.costPerDay.set({ ...base, currency: result.cost.currency }, result.cost.perDay);
    }
  }
  return registry.metrics();
}

function requestsOf(window: WindowFigures, key: (typeof OUTCOMES)[number][0]): number {
  return window.requests[key];
}
