import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/report/result.ts';
import { CONSOLE_JSON_JUNIT, interruptLongRun, resultIn, runCli } from './cli-process.ts';

const outDir = () => mkdtempSync(join(tmpdir(), 'faultline-workers-'));

/** Every JSON result of a run, by file, without the wall-clock facts of `environment`. */
function resultsIn(dir: string): Record<string, string> {
  const results: Record<string, string> = {};
  for (const file of readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()) {
    const { environment: _environment, ...rest } = JSON.parse(
      readFileSync(join(dir, file), 'utf8'),
    ) as RunResult;
    results[file] = JSON.stringify(rest);
  }
  return results;
}

/** Console output without wall times (`in 0.21s`, the Duration line), the only part that may differ. */
const withoutWallTimes = (stdout: string) =>
  stdout.replace(/ in \d+(\.\d+)?s/g, ' in …').replace(/Duration {2}[^(]*\(/, 'Duration  … (');

describe('faultline run --workers', () => {
  it('gives byte-identical JSON, the same console output and exit code with 2 workers as with 1', async () => {
    const one = outDir();
    const two = outDir();
    const args = ['run', 'scenarios/', '--reporter', 'console', '--reporter', 'json', '--reporter', 'junit'];
    const single = await runCli([...args, '--out-dir', one, '--workers', '1']);
    const pooled = await runCli([...args, '--out-dir', two, '--workers', '2']);
    expect(single.stderr).toBe('');
    expect(pooled.stderr).toBe('');
    expect(pooled.code).toBe(single.code);
    const results = resultsIn(one);
    expect(Object.keys(results).length).toBeGreaterThan(20);
    expect(resultsIn(two)).toEqual(results);
    expect(withoutWallTimes(pooled.stdout)).toBe(withoutWallTimes(single.stdout));
    const junit = (dir: string) => readFileSync(join(dir, 'junit.xml'), 'utf8').replace(/time="[^"]*"/g, '');
    expect(junit(two)).toBe(junit(one));
  }, 180_000);

  it('refuses a worker count out of range with one line and exit 2', async () => {
    const run = await runCli(['run', 'scenarios/healthy-baseline.yaml', '--workers', '0']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'faultline: --workers 0 is out of range; use a whole number from 1 to 64 (MAX_WORKERS), e.g. --workers 2, or 1 for this thread only. Run faultline --help for usage.\n',
    );
  });

  it('says so when asked for workers it cannot use (traces are recorded in this thread)', async () => {
    const collector = createServer((request, response) => {
      request.resume();
      request.on('end', () => response.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    const { port } = collector.address() as AddressInfo;
    const run = await runCli([
      'run',
      'scenarios/rate-limit-429.yaml',
      'scenarios/retry-storm.yaml',
      '--workers',
      '2',
      '--otlp-endpoint',
      `http://127.0.0.1:${port}/v1/traces`,
      '--out-dir',
      outDir(),
    ]).finally(() => collector.close());
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(
      'faultline: warning: --workers 2: every unit runs in this thread, one at a time, because traces (--otlp-endpoint) are recorded here',
    );
  }, 60_000);

  it('Ctrl-C stops every worker: both running scenarios written incomplete, exit 130', async () => {
    const out = outDir();
    const run = await interruptLongRun(
      [
        'scenarios/cache-under-zipf.yaml',
        'scenarios/healthy-baseline.yaml',
        'scenarios/retry-storm.yaml',
        '--workers',
        '2',
        '--out-dir',
        out,
        ...CONSOLE_JSON_JUNIT,
      ],
      { started: /▶ cache-under-zipf {2}seed 11/, afterMs: 1_000 },
    );
    expect(run.code, run.stderr).toBe(130);
    expect(run.stderr).toBe('');
    // The two running scenarios come back cut short; the third was never handed out.
    expect(readdirSync(out).sort()).toEqual(['cache-under-zipf.json', 'healthy-baseline.json', 'junit.xml']);
    for (const file of ['cache-under-zipf.json', 'healthy-baseline.json']) {
      const result = resultIn(out, file);
      expect(result.complete).toBe(false);
      expect(result.durationMs).toBeLessThan(24 * 3_600_000);
    }
    const first = resultIn(out, 'cache-under-zipf.json');
    expect(first.requests.total).toBeGreaterThan(0);
    expect(readFileSync(join(out, 'junit.xml'), 'utf8')).toMatch(
      /<testsuite name="retry-storm"[^>]*skipped="1"/,
    );
    expect(run.stdout).toContain('Interrupted: partial results were written');
  }, 60_000);
});

describe('faultline check --workers', () => {
  /** Check output without wall times (`in 1.23 s`), the only part that may differ. */
  const withoutTimes = (stdout: string) => stdout.replace(/ in \d+(\.\d+)? (s|ms|min)/g, ' in …');

  it('spreads the laws over workers and prints what one thread prints, in law order', async () => {
    const args = ['check', 'scenarios/outage-with-fallback.yaml', '--seed', '7', '--runs', '20'];
    const single = await runCli([...args, '--workers', '1']);
    const pooled = await runCli([...args, '--workers', '2']);
    expect(single.code, single.stderr).toBe(0);
    expect(pooled.code, pooled.stderr).toBe(0);
    expect(pooled.stderr).toBe('');
    expect(single.stdout).toMatch(/10 held, 0 broken, 2 not applicable/);
    expect(withoutTimes(pooled.stdout)).toBe(withoutTimes(single.stdout));
  }, 120_000);

  it('gives the same shrunk counterexample, replay line and exit code from a worker', async () => {
    const args = [
      'check',
      'scenarios/outage-with-fallback.yaml',
      '--law',
      'amplification',
      '--law',
      'accounting',
      '--max-amplification',
      '1.2',
      '--seed',
      '3',
    ];
    const single = await runCli([...args, '--workers', '1']);
    const pooled = await runCli([...args, '--workers', '2']);
    expect(single.code).toBe(1);
    expect(pooled.code).toBe(1);
    expect(pooled.stdout).toContain('# Counterexample');
    expect(withoutTimes(pooled.stdout)).toBe(withoutTimes(single.stdout));
  }, 120_000);
});
