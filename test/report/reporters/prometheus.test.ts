import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPrometheusReporter, prometheusText } from '../../../src/report/reporters/prometheus.ts';
import { runScenario } from '../../../src/runner/run-scenario.ts';
import { scenarioSchema } from '../../../src/scenario/schema.ts';
import { context, outcome, plan } from './fixture.ts';

interface Sample {
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly value: number;
}

/**
 * A strict reader of the text exposition format (independent of prom-client, which only writes it):
 * every sample belongs to a family announced by `# HELP` and `# TYPE` before it, with a valid type,
 * valid metric and label names, properly quoted label values and a numeric value.
 */
function parseExposition(text: string): { samples: Sample[]; types: Map<string, string> } {
  const types = new Map<string, string>();
  const helped = new Set<string>();
  const samples: Sample[] = [];
  expect(text.endsWith('\n')).toBe(true);
  for (const line of text.slice(0, -1).split('\n')) {
    const help = /^# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) \S.*$/.exec(line);
    if (help) {
      helped.add(help[1] as string);
      continue;
    }
    const type = /^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$/.exec(line);
    if (type) {
      types.set(type[1] as string, type[2] as string);
      continue;
    }
    if (line === '') continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{((?:[a-zA-Z_]\w*="(?:[^"\\\n]|\\.)*",?)*)\})? (\S+)$/.exec(
      line,
    );
    if (!match) throw new Error(`not a valid sample line: ${line}`);
    const name = match[1] as string;
    if (!types.has(name) || !helped.has(name)) throw new Error(`sample before its # HELP/# TYPE: ${line}`);
    const value = Number(match[3]);
    if (Number.isNaN(value)) throw new Error(`not a number: ${line}`);
    const labels: Record<string, string> = {};
    for (const pair of (match[2] ?? '').matchAll(/([a-zA-Z_]\w*)="((?:[^"\\]|\\.)*)"/g))
      labels[pair[1] as string] = pair[2] as string;
    samples.push({ name, labels, value });
  }
  return { samples, types };
}

const value = (samples: Sample[], name: string, labels: Record<string, string>) =>
  samples.find((s) => s.name === name && Object.entries(labels).every(([key, v]) => s.labels[key] === v))
    ?.value;

async function aRun() {
  const scenario = scenarioSchema.parse({
    name: 'prom "quoted" run',
    backends: {
      primary: {
        plugin: 'mock-analysis',
        options: { latency: { type: 'fixed', ms: 40 } },
        cost: { perCall: 0.01 },
      },
    },
    policies: { retry: { maxAttempts: 2, backoff: { type: 'constant', delay: '1ms' } } },
    workload: { model: 'open', rate: 20, arrivals: 'constant', duration: '20s' },
    phases: [
      { name: 'calm', from: 0, to: '10s' },
      { name: 'flaky', from: '10s', faults: [{ kind: 'error', status: 503, rate: 0.3 }] },
    ],
  });
  return runScenario(scenario, { seed: 12 });
}

describe('prometheus reporter', () => {
  it('writes exposition text that parses, with the run’s own figures under scenario, seed and phase', async () => {
    const result = await aRun();
    const text = await prometheusText([result]);
    const { samples, types } = parseExposition(text);
    expect(types.get('faultline_requests_total')).toBe('counter');
    expect(types.get('faultline_request_duration_seconds')).toBe('gauge');
    const run = { scenario: 'prom \\"quoted\\" run', seed: '12' };
    expect(value(samples, 'faultline_requests_total', { ...run, phase: '', outcome: 'succeeded' })).toBe(
      result.requests.succeeded,
    );
    expect(value(samples, 'faultline_requests_total', { ...run, phase: 'flaky', outcome: 'failed' })).toBe(
      result.phases[1]?.requests.failed,
    );
    expect(
      value(samples, 'faultline_request_duration_seconds', { ...run, phase: '', quantile: '0.99' }),
    ).toBe(result.latency.p99 / 1000);
    expect(value(samples, 'faultline_backend_calls_total', { ...run, backend: 'primary' })).toBe(
      result.backend.calls,
    );
    expect(value(samples, 'faultline_policy_events_total', { ...run, event: 'retry' })).toBe(
      result.policyEvents.retry,
    );
    expect(value(samples, 'faultline_cost_total', { ...run, currency: 'USD' })).toBe(result.cost?.total);
    // Deterministic: the same results give the same bytes.
    expect(await prometheusText([result])).toBe(text);
  });

  it('puts every scenario of a run in one file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-prom-'));
    const reporter = createPrometheusReporter({}, context(dir).ctx);
    const result = await aRun();
    await reporter.onScenarioEnd?.(outcome(result, { count: 2 }));
    await reporter.onScenarioEnd?.(outcome({ ...result, seed: 13 }, { index: 1, count: 2 }));
    await reporter.onRunEnd?.({ outcomes: [], notRun: [plan()], interrupted: false, wallMs: 1 });
    const { samples } = parseExposition(readFileSync(join(dir, 'faultline.prom'), 'utf8'));
    const seeds = new Set(
      samples.filter((s) => s.name === 'faultline_requests_total').map((s) => s.labels.seed),
    );
    expect([...seeds].sort()).toEqual(['12', '13']);
  });
});
