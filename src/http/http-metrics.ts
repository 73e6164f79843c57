import { Counter, Histogram, Registry } from 'prom-client';
import { ANALYSIS_ENDPOINTS } from '../backend/contract.ts';

export interface HttpMetrics {
  /** One request finished: `outcome` is the status sent, or what happened to the connection. */
  observe(route: string, method: string, outcome: string, seconds: number): void;
  faultsInjected(kinds: readonly string[]): void;
  /** The Prometheus text exposition of this instance's metrics. */
  render(): Promise<{ contentType: string; body: string }>;
}

const KNOWN_ROUTES: ReadonlySet<string> = new Set([...ANALYSIS_ENDPOINTS, '/metrics']);

/** Route label with bounded cardinality: a known route, or `other` so scanners cannot grow the series. */
export function routeLabel(path: string): string {
  const query = path.indexOf('?');
  const bare = query < 0 ? path : path.slice(0, query);
  return KNOWN_ROUTES.has(bare) ? bare : 'other';
}

/**
 * Metrics of one server or proxy, in a registry of its own: two instances in a process (tests, a proxy in
 * front of a served API) never mix counts, and nothing leaks into prom-client's global default registry.
 */
export function createHttpMetrics(component: 'server' | 'proxy'): HttpMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ component });
  // Requests are counted in plain numbers and pushed to prom-client when scraped (its collect hook): a
  // prom-client inc() hashes and validates its labels on every request. The label sets are bounded:
  // route by routeLabel, method by node's parser, status by the outcomes a response can end with.
  const counted = new Map<string, { labels: { route: string; method: string; status: string }; n: number }>();
  new Counter({
    name: 'faultline_http_requests_total',
    help: 'Requests handled, by route, method and outcome (HTTP status, or reset / no-reply / hang / aborted).',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [registry],
    collect() {
      for (const tally of counted.values()) {
        if (tally.n > 0) this.inc(tally.labels, tally.n);
        tally.n = 0;
      }
    },
  });
  const duration = new Histogram({
    name: 'faultline_http_request_duration_seconds',
    help: 'Time from request received to response finished or connection closed.',
    labelNames: ['route'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const faults = new Counter({
    name: 'faultline_faults_injected_total',
    help: 'Faults injected, by fault kind.',
    labelNames: ['kind'] as const,
    registers: [registry],
  });
  return {
    observe(route, method, outcome, seconds) {
      const key = `${route} ${method} ${outcome}`;
      const tally = counted.get(key);
      if (tally) tally.n++;
      else counted.set(key, { labels: { route, method, status: outcome }, n: 1 });
      // prom-client has no way to add pre-counted buckets, so durations go in one by one.
      duration.observe({ route }, seconds);
    },
    faultsInjected(kinds) {
      for (const kind of kinds) faults.inc({ kind });
    },
    render: async () => ({ contentType: registry.contentType, body: await registry.metrics() }),
  };
}
