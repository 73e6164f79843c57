import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/report/result.ts';
import { finished, startCli, waitForOutput } from './cli-process.ts';

/** Processes whose command line mentions `marker`: a child left behind would still show it. */
function processesMentioning(marker: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker);
      } catch {
        return false;
      }
    })
    .map(Number);
}

describe('Ctrl-C during a long run', () => {
  it('writes partial results marked "complete": false, exits 130 and leaves no process behind', async () => {
    const out = mkdtempSync(join(tmpdir(), 'faultline-sigint-'));
    const child = startCli([
      'run',
      'scenarios/cache-under-zipf.yaml',
      'scenarios/healthy-baseline.yaml',
      '--duration',
      '24h',
      '--out-dir',
      out,
      '--reporter',
      'console',
      '--reporter',
      'json',
      '--reporter',
      'junit',
      // One at a time, so the second scenario is still waiting when Ctrl-C comes (workers: workers.test.ts).
      '--workers',
      '1',
    ]);
    const done = finished(child);
    // The seed is printed before the run starts; interrupt once the simulation is under way.
    await waitForOutput(child, /▶ cache-under-zipf {2}seed 11/);
    await new Promise((resolve) => setTimeout(resolve, 500));
    child.kill('SIGINT');
    const run = await done;
    expect(run.code, run.stderr).toBe(130);
    expect(run.stderr).toBe('');
    const result = JSON.parse(readFileSync(join(out, 'cache-under-zipf.json'), 'utf8')) as RunResult;
    expect(result.complete).toBe(false);
    expect(result.verdict).toBe('fail');
    expect(result.requests.total).toBeGreaterThan(0);
    // Far less than the 24 hours asked for, but what was measured is there.
    expect(result.durationMs).toBeLessThan(24 * 3_600_000);
    // The second scenario never started, and the JUnit file says so.
    expect(readdirSync(out).sort()).toEqual(['cache-under-zipf.json', 'junit.xml']);
    expect(readFileSync(join(out, 'junit.xml'), 'utf8')).toMatch(
      /<testsuite name="healthy-baseline"[^>]*skipped="1"/,
    );
    expect(run.stdout).toContain('(interrupted)');
    expect(processesMentioning(out)).toEqual([]);
  }, 60_000);
});

describe('SIGTERM during a long run', () => {
  it('stops it like Ctrl-C: partial results marked incomplete, exit 130', async () => {
    const out = mkdtempSync(join(tmpdir(), 'faultline-sigterm-'));
    const child = startCli(['run', 'scenarios/healthy-baseline.yaml', '--duration', '24h', '--out-dir', out]);
    const done = finished(child);
    await waitForOutput(child, /▶ healthy-baseline/);
    await new Promise((resolve) => setTimeout(resolve, 500));
    child.kill('SIGTERM');
    const run = await done;
    expect(run.code, run.stderr).toBe(130);
    const result = JSON.parse(readFileSync(join(out, 'healthy-baseline.json'), 'utf8')) as RunResult;
    expect(result.complete).toBe(false);
    expect(result.durationMs).toBeLessThan(24 * 3_600_000);
  }, 60_000);
});
