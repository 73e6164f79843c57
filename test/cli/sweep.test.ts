import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../browser/find-chromium.ts';
import { type CliRun, runCli } from './cli-process.ts';

const dir = mkdtempSync(join(tmpdir(), 'faultline-sweep-cli-'));
const scenario = (A: number) => `name: sweep-cli
seed: 3
backends: { primary: { plugin: mock-analysis, options: { latency: { type: lognormal, medianMs: 40, sigma: 0.4 } } } }
policies: { retry: { maxAttempts: 1, backoff: { type: constant, delay: 5ms } } }
workload: { model: open, rate: 20, duration: 20s, mix: [{ endpoint: /api/health }] }
phases: [{ name: all, from: 0s, faults: [{ kind: error, status: 503, rate: 0.3 }] }]
hypotheses: [{ name: available, metric: availability, op: ">=", value: ${A} }]
`;
const file = join(dir, 'sweep-cli.yaml');
writeFileSync(file, scenario(0.95));
const out = join(dir, 'out');
let sweep: CliRun;

beforeAll(async () => {
  sweep = await runCli(
    [
      'sweep',
      file,
      '--vary',
      'policies.retry.maxAttempts=1..4',
      '--seeds',
      '3',
      '--keep-runs',
      '--out-dir',
      out,
    ],
    { cwd: dir },
  );
}, 120_000);

describe('faultline sweep', () => {
  it('prints the table sorted by the recommendation and writes json, markdown, html and every run', () => {
    expect(sweep.stderr).toBe('');
    expect(sweep.code).toBe(0);
    // 1 − 0.3^k ≥ 0.95 first at k = 3.
    expect(sweep.stdout).toMatch(/Recommended: #1 \(policies\.retry\.maxAttempts=3\)/);
    const report = JSON.parse(readFileSync(join(out, 'sweep.json'), 'utf8'));
    expect(report.kind).toBe('sweep-report');
    expect(report.variants).toHaveLength(4);
    expect(report.variants[0].runs).toHaveLength(3);
    expect(readFileSync(join(out, 'sweep.md'), 'utf8')).toMatch(/^\| # \| policies\.retry\.maxAttempts \|/m);
    expect(readdirSync(join(out, 'runs')).sort()).toHaveLength(12);
  });

  it('a kept run replays identically, its variant applied', async () => {
    const run = join(out, 'runs', 'v2-s1.json');
    const kept = JSON.parse(readFileSync(run, 'utf8'));
    expect(kept.replay.variant).toEqual({ 'policies.retry.maxAttempts': 3 });
    const replay = await runCli(['replay', run, '--out-dir', join(dir, 'replayed')], { cwd: dir });
    expect(replay.stdout).toMatch(/replay: identical/);
    expect(replay.code).toBe(0);
  });

  it('a mistyped path or a bad value is one line naming it, exit 2', async () => {
    const typo = await runCli(['sweep', file, '--vary', 'policies.retyr.maxAttempts=1..3'], { cwd: dir });
    expect(typo.code).toBe(2);
    expect(typo.stderr.trim().split('\n')).toHaveLength(1);
    expect(typo.stderr).toMatch(/did you mean policies\.retry\.maxAttempts\?/);
    const bad = await runCli(['sweep', file, '--vary', 'policies.retry.maxAttempts=1,500'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/variant \{policies\.retry\.maxAttempts=500\}.*at most 100 \(MAX_ATTEMPTS\)/);
  });

  it('says when no variant meets the hypotheses, exit 1', async () => {
    const hard = join(dir, 'hard.yaml');
    writeFileSync(hard, scenario(0.9999));
    const run = await runCli(
      [
        'sweep',
        hard,
        '--vary',
        'policies.retry.maxAttempts=1,2',
        '--seeds',
        '1',
        '--out-dir',
        join(dir, 'hard'),
      ],
      {
        cwd: dir,
      },
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /No variant meets the hypotheses in 95% of seeds\. Closest: #1 \(policies\.retry\.maxAttempts=2\)/,
    );
  });
});

const CHROMIUM = findChromium();
let browser: Browser | undefined;
afterAll(async () => {
  await browser?.close();
});

describe.skipIf(!CHROMIUM.path)('sweep.html in headless Chromium', () => {
  it('draws both scatter plots, the frontier and the recommendation, with no errors and nothing fetched', async () => {
    expect(existsSync(join(out, 'sweep.html'))).toBe(true);
    browser = await chromium.launch({
      executablePath: CHROMIUM.path as string,
      args: ['--no-sandbox', '--disable-gpu'],
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('request', (request) => {
      if (!request.url().startsWith('file:')) problems.push(`fetched ${request.url()}`);
    });
    await page.goto(pathToFileURL(join(out, 'sweep.html')).href);
    const plots = page.locator('svg.scatter');
    expect(await plots.count()).toBe(2);
    for (const plot of await plots.all()) {
      const box = await plot.boundingBox();
      expect(box?.width).toBeGreaterThan(300);
      expect(await plot.locator('circle.point').count()).toBe(4);
      expect(await plot.locator('circle.recommended').count()).toBe(1);
      expect(await plot.locator('circle.recommended title').textContent()).toMatch(/maxAttempts=3/);
      expect(await plot.locator('circle.frontier, circle.recommended').count()).toBeGreaterThanOrEqual(1);
    }
    expect(await page.locator('tr.recommended td').first().textContent()).toBe('1');
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe.runIf(!CHROMIUM.path)('sweep.html without Chromium', () => {
  it.runIf(CHROMIUM.required)('finds Chromium (required under CI=true)', () => {
    expect.fail(CHROMIUM.notice);
  });
});

describe('a sweep on worker threads', () => {
  it('gives the same sweep.json with --workers 1 as with the default workers', async () => {
    const single = join(dir, 'single');
    const args = ['sweep', file, '--vary', 'policies.retry.maxAttempts=1..4', '--seeds', '3'];
    const run = await runCli([...args, '--keep-runs', '--workers', '1', '--out-dir', single], { cwd: dir });
    expect(run.code).toBe(0);
    expect(readFileSync(join(single, 'sweep.json'), 'utf8')).toBe(
      readFileSync(join(out, 'sweep.json'), 'utf8'),
    );
  }, 120_000);
});

describe('a sharded sweep merged by faultline merge', () => {
  it('two shards (one indexed the Kubernetes way) merge to the unsharded sweep.json', async () => {
    const args = ['sweep', file, '--vary', 'policies.retry.maxAttempts=1..4', '--seeds', '3'];
    const shardDir = join(dir, 'sweep-shards');
    const first = await runCli([...args, '--shard', '1/2', '--out-dir', join(shardDir, 'a')], { cwd: dir });
    const second = await runCli([...args, '--out-dir', join(shardDir, 'b')], {
      cwd: dir,
      env: { JOB_COMPLETION_INDEX: '1', JOB_COMPLETIONS: '2' },
    });
    expect([first.code, second.code, first.stderr, second.stderr]).toEqual([0, 0, '', '']);
    expect(existsSync(join(shardDir, 'b', 'faultline-shard', 'manifest.json'))).toBe(true);
    const merged = join(dir, 'sweep-merged');
    const merge = await runCli(['merge', shardDir, '--out-dir', merged], { cwd: dir });
    expect(merge.stderr).toBe('');
    expect(merge.code).toBe(0);
    expect(merge.stdout).toMatch(/Recommended: #1 \(policies\.retry\.maxAttempts=3\)/);
    expect(readFileSync(join(merged, 'sweep.json'), 'utf8')).toBe(
      readFileSync(join(out, 'sweep.json'), 'utf8'),
    );
  }, 120_000);

  it('refuses a set with a shard missing, naming it', async () => {
    const merge = await runCli(['merge', join(dir, 'sweep-shards', 'a'), '--out-dir', join(dir, 'm2')], {
      cwd: dir,
    });
    expect(merge.code).toBe(2);
    expect(merge.stderr).toMatch(/units are in no shard given: .*; add the output of shard 2\/2/);
  }, 60_000);
});
