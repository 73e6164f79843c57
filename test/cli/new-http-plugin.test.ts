import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliEnv, finished, REPO, runCli } from './cli-process.ts';

/** A project folder where `faultline` and `vitest` resolve as if installed. */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-http-plugin-'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(REPO, join(dir, 'node_modules', 'faultline'));
  symlinkSync(resolve(REPO, 'node_modules', 'vitest'), join(dir, 'node_modules', 'vitest'));
  return dir;
}

describe('faultline new plugin --http', () => {
  it('scaffolds a service client (URL and key from the environment) whose own test passes against faultline serve', async () => {
    const dir = project();
    const made = await runCli(['new', 'plugin', 'billing-api', '--http'], { cwd: dir });
    expect(made.code, made.stderr).toBe(0);
    const source = readFileSync(join(dir, 'plugins', 'billing-api', 'index.ts'), 'utf8');
    expect(source).toContain("'BILLING_API_URL'");
    expect(source).toContain("'BILLING_API_KEY'");
    expect(source).toContain('await fetch(');
    // The generated test starts `faultline serve` on 127.0.0.1 with a required key and calls it for real.
    const vitest = spawn(process.execPath, [resolve(REPO, 'node_modules/vitest/vitest.mjs'), 'run'], {
      cwd: dir,
      env: cliEnv(),
    });
    const run = await finished(vitest);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/3 passed/);
  }, 120_000);
});
