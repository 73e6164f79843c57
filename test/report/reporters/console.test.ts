import { describe, expect, it } from 'vitest';
import { createConsoleReporter } from '../../../src/report/reporters/console.ts';
import type { Reporter, RunSummary } from '../../../src/report/reporters/types.ts';
import { context, twoScenarioSummary } from './fixture.ts';

async function replay_(reporter: Reporter, summary: RunSummary) {
  await reporter.onRunStart?.({ plans: summary.outcomes.map((o) => o.plan) });
  for (const o of summary.outcomes) {
    await reporter.onScenarioStart?.(o.plan);
    await reporter.onScenarioEnd?.(o);
  }
  await reporter.onRunEnd?.(summary);
}

describe('console reporter', () => {
  it('prints the seed before each scenario, one result line each, the failure with its reproduction, and a total', async () => {
    const { ctx, output } = context('/tmp');
    await replay_(createConsoleReporter({}, ctx), twoScenarioSummary());
    const lines = output().split('\n');
    expect(lines).toContain('▶ baseline  seed 1  scenarios/baseline.yaml');
    expect(lines.filter((l) => /^[✓✗!] /.test(l)).map((l) => l.split('  ')[0])).toEqual([
      '✓ baseline',
      '✗ outage',
    ]);
    expect(output()).toContain('✗ p99 stays low: expected latency.p99 < 300, measured 480ms');
    expect(output()).toContain('reproduce: npx faultline run scenarios/outage.yaml --seed 42');
    expect(output()).toMatch(/Scenarios {2}1 passed, 1 failed \(2\)/);
    expect(output()).toContain('Hypotheses  4 of 5 held');
  });

  it('puts every flag that changed the run on the reproduce line, real backend included', async () => {
    const { ctx, output } = context('/tmp');
    const summary = twoScenarioSummary();
    const [first, failing] = summary.outcomes;
    if (!first || !failing) throw new Error('fixture has two outcomes');
    const replay = {
      file: 'scenarios/outage.yaml',
      scenarioSha256: 'x',
      durationMs: 90_000,
      realTime: true,
      realBackend: { url: 'http://127.0.0.1:8787', apiKeyEnv: 'ANALYSIS_KEY' },
      allowInsecureHttp: true,
    };
    const changed = { ...failing, result: { ...failing.result, replay } };
    await replay_(createConsoleReporter({}, ctx), { ...summary, outcomes: [first, changed] });
    expect(output()).toContain(
      'reproduce: npx faultline run scenarios/outage.yaml --seed 42 --duration 90000ms --real-time --real-backend --api-url http://127.0.0.1:8787 --api-key-env ANALYSIS_KEY --allow-insecure-http',
    );
  });

  it('uses no colour or cursor codes when the output is not a terminal', async () => {
    const { ctx, output } = context('/tmp');
    await replay_(createConsoleReporter({}, ctx), twoScenarioSummary());
    expect(output()).not.toContain('\x1b');
  });

  it('colours on a terminal unless NO_COLOR is set', async () => {
    const tty = context('/tmp', {}, true);
    await replay_(createConsoleReporter({}, tty.ctx), twoScenarioSummary());
    expect(tty.output()).toContain('\x1b[');
    const noColor = context('/tmp', { NO_COLOR: '1' }, true);
    await replay_(createConsoleReporter({}, noColor.ctx), twoScenarioSummary());
    expect(noColor.output()).not.toContain('\x1b[3');
  });

  it('in quiet mode prints only failing scenarios and the total', async () => {
    const { ctx, output } = context('/tmp');
    await replay_(createConsoleReporter({}, { ...ctx, quiet: true }), twoScenarioSummary());
    expect(output()).not.toContain('baseline');
    expect(output()).not.toContain('▶');
    expect(output()).toContain('✗ outage');
    expect(output()).toContain('Scenarios');
  });

  it('shows a per-phase table when the run holds a single scenario', async () => {
    const { ctx, output } = context('/tmp');
    const summary = twoScenarioSummary();
    const single = { ...summary, outcomes: [summary.outcomes[1]!] };
    await replay_(createConsoleReporter({}, ctx), single);
    expect(output()).toMatch(/outage \(1m 40s–3m 20s\)/);
    expect(output()).toContain('whole run');
  });
});
