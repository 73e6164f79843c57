import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunShardManifest } from '../../src/cli/shard-manifest.ts';
import { finished, runCli, startCli, waitForOutput } from './cli-process.ts';
import {
  consoleWithoutTimes,
  junitWithoutTimes,
  makeSuite,
  resultsWithoutEnvironment,
} from './shard-suite.ts';

const REPORTS = ['--reporter', 'console', '--reporter', 'json', '--reporter', 'junit'];
const pod = (index: number, count = 3) => ({
  JOB_COMPLETION_INDEX: String(index),
  JOB_COMPLETIONS: String(count),
});
const manifestOf = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'faultline-shard', 'manifest.json'), 'utf8')) as RunShardManifest;

describe('faultline merge', () => {
  let root = '';
  let single: Awaited<ReturnType<typeof runCli>>;
  const shardDir = (index: number) => join(root, 'results', `shard-${index}`);
  const runPod = (index: number) =>
    runCli(['run', 'suite', ...REPORTS, '--out-dir', shardDir(index)], { cwd: root, env: pod(index) });

  beforeAll(async () => {
    root = makeSuite('faultline-merge-');
    single = await runCli(['run', 'suite', ...REPORTS, '--out-dir', 'single'], { cwd: root });
    // The third pod holds the impossible scenario.
    for (const index of [0, 1, 2]) expect((await runPod(index)).code).toBe(index === 2 ? 1 : 0);
  }, 120_000);

  it('three local pods (JOB_COMPLETION_INDEX=0..2) merge to what one run writes: JSON, JUnit, markdown, HTML, console total, exit code', async () => {
    expect(single.code, single.stderr).toBe(1);
    const merged = await runCli(['merge', 'results', ...REPORTS, '--out-dir', 'merged'], { cwd: root });
    expect(merged.stderr).toBe('');
    expect(merged.code).toBe(single.code);
    expect(resultsWithoutEnvironment(join(root, 'merged'))).toEqual(
      resultsWithoutEnvironment(join(root, 'single')),
    );
    expect(Object.keys(resultsWithoutEnvironment(join(root, 'merged')))).toHaveLength(5);
    expect(junitWithoutTimes(join(root, 'merged'))).toBe(junitWithoutTimes(join(root, 'single')));
    expect(consoleWithoutTimes(merged.stdout)).toBe(consoleWithoutTimes(single.stdout));
    expect(merged.stdout).toMatch(/Scenarios {2}4 passed, 1 failed \(5\)/);
    // Markdown and HTML hold no wall-clock facts: the same bytes.
    const pages = ['--reporter', 'markdown', '--reporter', 'html'];
    await runCli(['run', 'suite', ...pages, '--out-dir', 'single-pages'], { cwd: root });
    await runCli(['merge', 'results', ...pages, '--out-dir', 'merged-pages'], { cwd: root });
    for (const page of ['summary.md', 'report.html']) {
      const [one, merge] = ['single-pages', 'merged-pages'].map((dir) =>
        readFileSync(join(root, dir, page), 'utf8'),
      );
      expect(merge, page).toBe(one);
    }
  }, 60_000);

  it('each pod ran its share of the units and says so in its manifest', () => {
    const manifests = [0, 1, 2].map((index) => manifestOf(shardDir(index)));
    expect(manifests.map((m) => m.shard)).toEqual([1, 2, 3].map((index) => ({ index, count: 3 })));
    expect(manifests.map((m) => m.units.map((u) => u.at))).toEqual([[0, 3], [1, 4], [2]]);
    for (const manifest of manifests) {
      expect(manifest.complete).toBe(true);
      expect(manifest.ran.map((r) => r.at)).toEqual(manifest.units.map((u) => u.at));
      expect(manifest.suite).toEqual(manifests[0]?.suite);
    }
    expect(manifests[0]?.suite.units.map((u) => u.file)).toEqual([
      'suite/burst-5xx.yaml',
      'suite/healthy-baseline.yaml',
      'suite/impossible-baseline.yaml',
      'suite/latency-spike.yaml',
      'suite/retry-storm.yaml',
    ]);
  });

  it('a shard killed mid-run (SIGKILL) merges as incomplete (130); rerun, the merge is the one-run result', async () => {
    const killedDir = join(root, 'killed');
    cpSync(join(root, 'results'), killedDir, { recursive: true });
    rmSync(join(killedDir, 'shard-0'), { recursive: true });
    const child = startCli(['run', 'suite', ...REPORTS, '--out-dir', join(killedDir, 'shard-0')], {
      cwd: root,
      env: pod(0),
    });
    const done = finished(child);
    // Its first unit has ended (result and all); kill it while the second runs.
    await waitForOutput(child, /^[✓✗] /m);
    child.kill('SIGKILL');
    expect((await done).signal).toBe('SIGKILL');
    const killed = manifestOf(join(killedDir, 'shard-0'));
    expect(killed.complete).toBe(false);

    const partial = await runCli(['merge', 'killed', ...REPORTS, '--out-dir', 'merged-partial'], {
      cwd: root,
    });
    expect(partial.code).toBe(130);
    expect(partial.stderr).toMatch(/shard 1\/3 did not complete \(killed or interrupted\).*rerun that shard/);
    expect(partial.stderr.trim().split('\n')).toHaveLength(1);
    expect(readFileSync(join(root, 'merged-partial', 'junit.xml'), 'utf8')).toContain('name="not run"');

    const rerun = await runCli(['run', 'suite', ...REPORTS, '--out-dir', join(killedDir, 'shard-0')], {
      cwd: root,
      env: pod(0),
    });
    expect(rerun.code).toBe(0);
    const merged = await runCli(['merge', 'killed', ...REPORTS, '--out-dir', 'merged-rerun'], { cwd: root });
    expect(merged.code).toBe(single.code);
    expect(resultsWithoutEnvironment(join(root, 'merged-rerun'))).toEqual(
      resultsWithoutEnvironment(join(root, 'single')),
    );
    expect(junitWithoutTimes(join(root, 'merged-rerun'))).toBe(junitWithoutTimes(join(root, 'single')));
  }, 120_000);

  it('with --bail, units after the suite’s first failure are not run, as in one process', async () => {
    const bail = [...REPORTS, '--bail'];
    const one = await runCli(['run', 'suite', ...bail, '--out-dir', 'bail-single'], { cwd: root });
    for (const index of [0, 1, 2]) {
      await runCli(['run', 'suite', ...bail, '--out-dir', `bail-results/shard-${index}`], {
        cwd: root,
        env: pod(index),
      });
    }
    const merged = await runCli(['merge', 'bail-results', ...REPORTS, '--out-dir', 'bail-merged'], {
      cwd: root,
    });
    expect(merged.code).toBe(one.code);
    expect(Object.keys(resultsWithoutEnvironment(join(root, 'bail-merged')))).toHaveLength(3);
    expect(resultsWithoutEnvironment(join(root, 'bail-merged'))).toEqual(
      resultsWithoutEnvironment(join(root, 'bail-single')),
    );
    expect(junitWithoutTimes(join(root, 'bail-merged'))).toBe(junitWithoutTimes(join(root, 'bail-single')));
  }, 90_000);

  it('refuses a missing shard, a shard given twice, mixed versions and mixed settings, one line each, exit 2', async () => {
    const refusals: [string[], RegExp][] = [
      [
        ['results/shard-0', 'results/shard-1'],
        /^faultline: 1 of 5 units are in no shard given: suite\/impossible-baseline\.yaml \(seed 1, unit [0-9a-f]{20}\); add the output of shard 3\/3$/,
      ],
      [
        ['results/shard-0', 'results/shard-0/faultline-shard'],
        /are both shard 1\/3; pass each shard's output once/,
      ],
      [
        ['results', 'other-version'],
        /were written by faultline \d+\.\d+\.\d+\S* and 9\.9\.9; run every shard with one/,
      ],
      [
        ['results', 'other-settings'],
        /ran with different settings \(durationMs\); rerun the shards with the same flags/,
      ],
      [['suite'], /^faultline: suite holds no faultline-shard\/manifest\.json, nor do its subfolders/],
    ];
    const version = join(root, 'other-version', 'shard-0');
    cpSync(shardDir(0), version, { recursive: true });
    const edited = manifestOf(version);
    writeFileSync(
      join(version, 'faultline-shard', 'manifest.json'),
      JSON.stringify({ ...edited, faultline: '9.9.9' }),
    );
    mkdirSync(join(root, 'other-settings'));
    const shorter = await runCli(
      ['run', 'suite', '--reporter', 'json', '--duration', '10s', '--out-dir', 'other-settings/shard-1'],
      { cwd: root, env: pod(1) },
    );
    expect(shorter.code, shorter.stderr).not.toBe(2);
    for (const [args, message] of refusals) {
      const run = await runCli(['merge', ...args, '--reporter', 'json', '--out-dir', 'refused'], {
        cwd: root,
      });
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(run.stderr.trim(), args.join(' ')).toMatch(message);
    }
  }, 90_000);

  it('a set but invalid JOB_COMPLETION_INDEX is one line naming it, exit 2', async () => {
    const run = await runCli(['run', 'suite'], {
      cwd: root,
      env: { JOB_COMPLETION_INDEX: '3', JOB_COMPLETIONS: '3' },
    });
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(
      'faultline: JOB_COMPLETION_INDEX=3 is not a shard index of 3 shards; it counts from 0 to 2',
    );
  });
});
