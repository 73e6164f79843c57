import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/load-scenario.ts';
import { type CliRun, runCli } from '../cli/cli-process.ts';

const SHIPPED = 'scenarios/outage-with-fallback.yaml';
/** A bound the shipped policies cannot keep under an outage: their retry makes up to 2 calls a request. */
const TIGHT = ['--law', 'amplification', '--max-amplification', '1.2'];

/** The replay command a failing check printed, as arguments for the CLI. */
function replayArgs(run: CliRun): string[] {
  const line = run.stdout.split('\n').find((text) => text.trim().startsWith('replay: faultline check'));
  if (!line) throw new Error(`no replay command in:\n${run.stdout}`);
  return line.trim().replace('replay: faultline ', '').split(' ');
}

/** The counterexample scenario a failing check printed, from its first comment line to the blank line after it. */
function counterexampleOf(run: CliRun): string {
  const lines = run.stdout.split('\n');
  const start = lines.findIndex((line) => line.startsWith('# Counterexample'));
  const end = lines.findIndex((line, i) => i > start && line === '');
  return `${lines.slice(start, end).join('\n')}\n`;
}

describe('faultline check through the real CLI', () => {
  let dir = '';
  /** One failing check, shared by the tests that read its output. */
  let failed: CliRun;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'faultline-check-'));
    failed = await runCli(['check', SHIPPED, ...TIGHT, '--seed', '3']);
  }, 60_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('passes the shipped outage-with-fallback policies, printing each law with its run count and time', async () => {
    const run = await runCli(['check', SHIPPED, '--seed', '7']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`faultline check ${SHIPPED} · 12 laws · 100 runs each · seed 7`);
    for (const law of ['accounting', 'max-attempts', 'breaker-opens', 'half-open-probes', 'timeout-bounds']) {
      expect(run.stdout).toMatch(new RegExp(`✓ ${law} +100 runs in \\d+\\.\\d\\d s`));
    }
    // It has no cache and no bulkhead: those laws are named and skipped, not silently passed.
    expect(run.stdout).toContain('– cache-hits        not applicable: no cache policy');
    expect(run.stdout).toMatch(/10 held, 0 broken, 2 not applicable · 1000 runs in \d+\.\d\d s/);
  }, 60_000);

  it('on a broken law prints the law, the shrunk counterexample, the seed and path, and exits 1', async () => {
    const run = failed;
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/✗ amplification +broken after \d+ runs?, shrunk \d+ times?, in/);
    expect(run.stdout).toContain('law: backend calls per request stay under the declared bound');
    expect(run.stdout).toMatch(
      /what broke: \d+ backend calls for \d+ requests?: [\d.]+ per request, above the bound of 1\.2/,
    );
    const replay = replayArgs(run);
    expect(replay.slice(0, 6)).toEqual([
      'check',
      SHIPPED,
      '--law',
      'amplification',
      '--max-amplification',
      '1.2',
    ]);
    expect(replay.slice(6, 8)).toEqual(['--seed', '3']);
    expect(replay[8]).toBe('--path');
    expect(replay[9]).toMatch(/^\d+(:\d+)*$/);
    const counterexample = parseScenario('counterexample.yaml', counterexampleOf(run));
    expect(counterexample.phases.length).toBeLessThanOrEqual(2);
    expect(counterexample.policies).toEqual(parseScenario(SHIPPED, await readFile(SHIPPED, 'utf8')).policies);
  }, 60_000);

  it('the printed replay command reproduces the same counterexample in one run', async () => {
    const first = failed;
    const again = await runCli(replayArgs(first));
    expect(again.code).toBe(1);
    expect(again.stdout).toContain('broken after 1 run, shrunk 0 times');
    expect(counterexampleOf(again)).toBe(counterexampleOf(first));
    const whatBroke = (run: CliRun) => run.stdout.split('\n').find((line) => line.includes('what broke:'));
    expect(whatBroke(again)).toBe(whatBroke(first));
  }, 60_000);

  it('the counterexample is a scenario: faultline run accepts it, and check tries it first and fails at once', async () => {
    const file = join(dir, 'counterexample.yaml');
    await writeFile(file, counterexampleOf(failed));
    const ran = await runCli(['run', file, '--out-dir', join(dir, 'results'), '--reporter', 'console']);
    expect(ran.code, ran.stderr).toBe(0);
    const rechecked = await runCli(['check', file, ...TIGHT, '--seed', '99']);
    expect(rechecked.code).toBe(1);
    expect(rechecked.stdout).toContain('broken after 1 run');
  }, 60_000);

  it('refuses a scenario whose backend is a real server: check only simulates', async () => {
    const file = join(dir, 'real-server.yaml');
    await writeFile(
      file,
      'name: real\nbackends: { primary: { plugin: http, options: { url: "http://127.0.0.1:9" } } }\nworkload: { model: closed, requests: 5 }\n',
    );
    const run = await runCli(['check', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('backend "primary" uses the http plugin');
  }, 30_000);

  it.each([
    [
      ['check', SHIPPED, '--law', 'no-such-law'],
      /unknown law "no-such-law"; the laws are accounting, max-attempts/,
    ],
    [['check', SHIPPED, '--runs', '0'], /--runs must be a whole number of at least 1/],
    [
      ['check', SHIPPED, '--law', 'accounting', '--path', '1:2'],
      /--path replays one counterexample: give it with --seed/,
    ],
    [['check', SHIPPED, '--max-amplification', '-1'], /--max-amplification must be a positive number/],
    [['check', SHIPPED, '--seed', '1.5'], /--seed 1.5 is not a seed; use a whole number/],
    [['check', 'scenarios/no-such-file.yaml'], /no-such-file\.yaml/],
  ])(
    'exits 2 on bad input: %j',
    async (args, message) => {
      const run = await runCli(args);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stdout).toBe('');
    },
    30_000,
  );
});
