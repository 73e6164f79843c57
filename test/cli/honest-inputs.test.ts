import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, cliEnv, finished, REPO, runCli } from './cli-process.ts';

describe('honest inputs at the command line', () => {
  it.each(['abc', '1.5', '-3', '1e3', '2147483648'])(
    'refuses --seed %s in one line, exit 2',
    async (seed) => {
      const run = await runCli(['run', 'scenarios/healthy-baseline.yaml', '--seed', seed]);
      expect(run.code).toBe(2);
      expect(run.stderr.trim().split('\n')).toEqual([
        `faultline: --seed ${seed} is not a seed; use a whole number from 0 to 2147483647, e.g. --seed 42. Run faultline --help for usage.`,
      ]);
    },
  );

  it('takes a compound --duration', async () => {
    const run = await runCli([
      'run',
      'scenarios/healthy-baseline.yaml',
      '--duration',
      '1m30s',
      '--reporter',
      'console',
    ]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('(1m 30s of traffic)');
  });

  it('leaves quietly when the reader of its output goes away (faultline schema | head)', async () => {
    // head reads one byte and exits; the schema is larger than a pipe's buffer, so later writes hit EPIPE.
    const script = `"${process.execPath}" "${BIN}" schema | head -c 1 >/dev/null; echo "exit \${PIPESTATUS[0]}"`;
    const { stdout, stderr } = await finished(spawn('bash', ['-c', script], { cwd: REPO, env: cliEnv() }));
    expect(stderr).toBe('');
    expect(stdout.trim()).toBe('exit 0');
  });
});
