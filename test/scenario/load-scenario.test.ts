import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../src/errors/faultline-error.ts';
import { loadScenarioFile, parseScenario } from '../../src/scenario/load-scenario.ts';

const minimal = `name: t
workload: { model: closed, clients: 1, requests: 10 }
`;

function expectScenarioError(text: string, code: string, fragment: RegExp): ScenarioError {
  try {
    parseScenario('bad.yaml', text, {});
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    const e = error as ScenarioError;
    expect(e.code).toBe(code);
    expect(e.message).toMatch(fragment);
    expect(e.message).not.toContain('\n');
    return e;
  }
  throw new Error('expected a ScenarioError');
}

describe('parseScenario', () => {
  it('applies defaults to a minimal scenario', () => {
    const s = parseScenario('ok.yaml', minimal, {});
    expect(s.backends).toEqual({ primary: { plugin: 'mock-analysis', options: {} } });
    expect(s.topology).toEqual({ type: 'single' });
    expect(s.mode).toBe('simulated');
  });

  it('converts durations with units to milliseconds', () => {
    const s = parseScenario('ok.yaml', `${minimal}phases: [{ name: a, from: 1.5s, to: 3m }]\n`, {});
    expect(s.phases[0]).toMatchObject({ from: 1500, to: 180_000 });
  });

  it('names file, line, column and field for an out-of-range rate', () => {
    const text = `${minimal}phases:\n  - name: p\n    from: 0s\n    faults:\n      - { kind: error, status: 503, rate: 1.5 }\n`;
    const e = expectScenarioError(
      text,
      'SCENARIO_INVALID',
      /^bad\.yaml:7:\d+ at phases\[0\]\.faults\[0\]\.rate: must be at most 1 \(got 1\.5\)/,
    );
    expect(e.where.line).toBe(7);
  });

  it('suggests the closest key for an unknown one', () => {
    expectScenarioError(
      `${minimal}hypotheses: []\npolicis: {}\n`,
      'SCENARIO_UNKNOWN_KEY',
      /at policis: unknown key "policis"; did you mean "policies"\?/,
    );
  });

  it('rejects negative latency', () => {
    const text = `${minimal}phases: [{ name: p, from: 0s, faults: [{ kind: latency, distribution: { type: fixed, ms: -5 } }] }]\n`;
    expectScenarioError(
      text,
      'SCENARIO_INVALID',
      /phases\[0\]\.faults\[0\]\.distribution\.ms: must be at least 0/,
    );
  });

  it('reports YAML syntax errors with their line', () => {
    const e = expectScenarioError(
      `name: t\nworkload: { model: closed\n`,
      'SCENARIO_SYNTAX',
      /^bad\.yaml:\d+:\d+: .*fix the YAML syntax$/,
    );
    expect(e.where.line).toBeGreaterThan(0);
  });

  it('refuses duplicate keys', () => {
    expectScenarioError(`${minimal}name: again\n`, 'SCENARIO_SYNTAX', /duplicate/i);
  });

  it('bounds alias expansion (billion laughs)', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]',
    ].join('\n');
    expectScenarioError(`${minimal}${bomb}\n`, 'SCENARIO_ALIAS_LIMIT', /alias/);
  });

  it('refuses prototype-polluting keys', () => {
    expectScenarioError(
      `${minimal}policies: { __proto__: { polluted: true } }\n`,
      'SCENARIO_FORBIDDEN_KEY',
      /__proto__/,
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('resolves env references from the environment and names a missing one without a value', () => {
    const text = `${minimal}backends: { primary: { plugin: mock-analysis, options: { token: '\${env:FL_TOKEN}' } } }\n`;
    expect(parseScenario('ok.yaml', text, { FL_TOKEN: 's3cret' }).backends.primary?.options).toEqual({
      token: 's3cret',
    });
    expectScenarioError(text, 'SCENARIO_ENV_MISSING', /environment variable FL_TOKEN is not set/);
  });
});

describe('loadScenarioFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-load-'));

  it('says a missing file is missing', async () => {
    await expect(loadScenarioFile(join(dir, 'nope.yaml'))).rejects.toMatchObject({
      code: 'SCENARIO_NOT_FOUND',
    });
  });

  it('refuses oversized files before parsing them', async () => {
    const file = join(dir, 'big.yaml');
    writeFileSync(file, `name: big\n# ${'x'.repeat(1024 * 1024)}\n`);
    await expect(loadScenarioFile(file)).rejects.toMatchObject({ code: 'SCENARIO_TOO_LARGE' });
  });

  it('loads JSON as an equal citizen', async () => {
    const file = join(dir, 's.json');
    writeFileSync(file, JSON.stringify({ name: 'j', workload: { model: 'closed', requests: 5 } }));
    const { scenario } = await loadScenarioFile(file);
    expect(scenario.workload).toMatchObject({ model: 'closed', clients: 1, requests: 5 });
  });
});

describe('hypothesis shorthand', () => {
  it('reads "metric op value unit in phase" strings', () => {
    const s = parseScenario(
      'ok.yaml',
      `${minimal}phases: [{ name: outage, from: 0s }]\nhypotheses: ['latency.p99 < 0.8s in outage', 'errorRate <= 1%']\n`,
      {},
    );
    expect(s.hypotheses).toEqual([
      { metric: 'latency.p99', op: '<', value: 800, phase: 'outage' },
      { metric: 'errorRate', op: '<=', value: 0.01 },
    ]);
  });

  it('points at the bad string', () => {
    expectScenarioError(
      `${minimal}hypotheses: ['latncy.p99 < 5ms']\n`,
      'SCENARIO_INVALID',
      /hypotheses\[0\]: .*latency\.p99/,
    );
  });
});
