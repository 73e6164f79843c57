import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONSOLE_JSON_JUNIT, interruptLongRun, resultIn } from './cli-process.ts';

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
    const run = await interruptLongRun(
      [
        'scenarios/cache-under-zipf.yaml',
        'scenarios/healthy-baseline.yaml',
        '--out-dir',
        out,
        ...CONSOLE_JSON_JUNIT,
        // One at a time, so the second scenario is still waiting when Ctrl-C comes (workers: workers.test.ts).
        '--workers',
        '1',
      ],
      // The seed is printed before the run starts; interrupt once the simulation is under way.
      { started: /▶ cache-under-zipf {2}seed 11/, afterMs: 500 },
    );
    expect(run.code, run.stderr).toBe(130);
    expect(run.stderr).toBe('');
    const result = resultIn(out, 'cache-under-zipf.json');
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
    const run = await interruptLongRun(['scenarios/healthy-baseline.yaml', '--out-dir', out], {
      started: /▶ healthy-baseline/,
      afterMs: 500,
      signal: 'SIGTERM',
    });
    expect(run.code, run.stderr).toBe(130);
    const result = resultIn(out, 'healthy-baseline.json');
    expect(result.complete).toBe(false);
    expect(result.durationMs).toBeLessThan(24 * 3_600_000);
  }, 60_000);
});
