import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/report/result.ts';
import { REPO, runCli } from './cli-process.ts';

const SCENARIOS = resolve(REPO, 'scenarios');
const files = readdirSync(SCENARIOS).filter((f) => f.endsWith('.yaml'));
const results = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as RunResult);

describe('the scenario library, as a new user runs it', () => {
  it('documents every scenario in a leading comment', () => {
    expect(files.length).toBeGreaterThanOrEqual(14);
    for (const file of files) {
      const lines = readFileSync(join(SCENARIOS, file), 'utf8').split('\n');
      const comment = lines.slice(
        0,
        lines.findIndex((line) => !line.startsWith('#')),
      );
      expect(
        comment.filter((line) => !line.includes('yaml-language-server')).length,
        file,
      ).toBeGreaterThanOrEqual(2);
    }
  });

  it('`faultline run scenarios/` passes every scenario, one line each and a total, exit 0', async () => {
    const out = mkdtempSync(join(tmpdir(), 'faultline-library-'));
    const run = await runCli(['run', 'scenarios/', '--out-dir', out]);
    expect(run.stderr).toBe('');
    const resultLines = run.stdout.split('\n').filter((line) => /^[✓✗!] /.test(line));
    const summary = results(out).map(
      (r) =>
        `${r.scenario.name}: ${r.hypotheses
          .filter((h) => !h.pass)
          .map((h) => `${h.name} (${h.actual})`)
          .join(', ')}`,
    );
    expect(
      results(out).filter((r) => r.verdict !== 'pass'),
      summary.join('\n'),
    ).toEqual([]);
    expect(run.code, run.stdout).toBe(0);
    expect(resultLines).toHaveLength(files.length);
    expect(resultLines.every((line) => line.startsWith('✓ '))).toBe(true);
    const names = resultLines.map((line) => line.split('  ')[0]?.slice(2)).sort();
    expect(names).toEqual(
      results(out)
        .map((r) => r.scenario.name)
        .sort(),
    );
    expect(run.stdout).toMatch(new RegExp(`Scenarios {2}${files.length} passed \\(${files.length}\\)`));
    // The seed is printed before each scenario starts.
    for (const r of results(out)) expect(run.stdout).toContain(`▶ ${r.scenario.name}  seed ${r.seed}`);
  }, 120_000);

  it('`--shard 1/2` and `--shard 2/2` together run every scenario exactly once', async () => {
    const [one, two] = [
      mkdtempSync(join(tmpdir(), 'faultline-shard1-')),
      mkdtempSync(join(tmpdir(), 'faultline-shard2-')),
    ];
    const args = ['run', 'scenarios/', '--duration', '5s', '--reporter', 'json', '--quiet'];
    const runs = await Promise.all([
      runCli([...args, '--shard', '1/2', '--out-dir', one]),
      runCli([...args, '--shard', '2/2', '--out-dir', two]),
    ]);
    for (const run of runs) expect([0, 1], run.stderr).toContain(run.code);
    const first = results(one).map((r) => r.replay?.file);
    const second = results(two).map((r) => r.replay?.file);
    expect(first.length).toBeGreaterThan(0);
    expect(second.length).toBeGreaterThan(0);
    expect([...first, ...second].sort()).toEqual(files.map((f) => `scenarios/${f}`).sort());
    expect(first.filter((f) => second.includes(f))).toEqual([]);
  }, 120_000);
});
