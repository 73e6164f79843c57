import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-process.ts';

describe('process hygiene', () => {
  it('exits by itself with no warnings or unhandled rejections, under strict rejection handling', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'faultline-hygiene-'));
    const run = await runCli(
      [
        'run',
        'scenarios/outage-with-fallback.yaml',
        'scenarios/hanging-sockets.yaml',
        'scenarios/retry-storm.yaml',
        '--out-dir',
        outDir,
      ],
      // Any warning (MaxListenersExceeded, leaked listeners) or unhandled rejection would print or crash.
      { env: { NODE_OPTIONS: '--unhandled-rejections=strict --trace-warnings' } },
    );
    expect(run.code).toBe(0);
    expect(run.stderr).not.toMatch(/Warning|MaxListeners|Unhandled|Error/);
  }, 120_000);
});
