import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotations, createGithubReporter } from '../../../src/report/reporters/github.ts';
import { context, failedP99, hypothesis, makeResult, outcome } from './fixture.ts';

const scenarioYaml = `name: outage
workload: { model: closed, requests: 10 }
hypotheses:
  - { metric: availability, op: ">=", value: 0.99 }
  - { name: p99 stays low, metric: latency.p99, op: "<", value: 300 }
`;

describe('github reporter', () => {
  it('annotates each failed hypothesis at its line in the scenario file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-gh-'));
    const file = join(dir, 'outage.yaml');
    writeFileSync(file, scenarioYaml);
    const result = makeResult({
      hypotheses: [hypothesis(), failedP99()],
    });
    const lines = await annotations(outcome(result, { file }));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(`^::error file=${file.replace(/[/.]/g, '\\$&')},line=5,title=faultline%3A outage::`),
    );
    expect(lines[0]).toContain(
      'Hypothesis "p99 stays low" failed: expected latency.p99 < 300, measured 480ms',
    );
  });

  it('escapes newlines and percent signs so a name cannot end the command', async () => {
    const result = makeResult({ hypotheses: [hypothesis({ name: '100%\n::warning::x', pass: false })] });
    const [line] = await annotations(outcome(result, { file: 'missing.ts' }));
    expect(line).not.toContain('\n');
    expect(line).toContain('100%25%0A::warning::x');
  });

  it('prints nothing outside GitHub Actions', async () => {
    const { ctx, output } = context('/tmp', {});
    const failing = makeResult({ hypotheses: [hypothesis({ pass: false })] });
    await createGithubReporter({}, ctx).onScenarioEnd?.(outcome(failing));
    expect(output()).toBe('');
    const inActions = context('/tmp', { GITHUB_ACTIONS: 'true' });
    await createGithubReporter({}, inActions.ctx).onScenarioEnd?.(outcome(failing, { file: 'missing.ts' }));
    expect(inActions.output()).toMatch(/^::error /);
  });
});
