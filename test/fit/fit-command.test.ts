import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/cli-process.ts';

let dir: string;
let recording: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'faultline-fit-cli-'));
  recording = join(dir, 'access.jsonl');
  const lines = Array.from({ length: 200 }, (_, i) =>
    JSON.stringify({
      time: 1_700_000_000_000 + i * 50,
      method: 'POST',
      path: '/api/analyze',
      status: i % 10 === 0 ? 503 : 200,
      durationMs: 40 + (i % 7) * 3,
    }),
  );
  await writeFile(recording, `${lines.join('\n')}\n`);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('faultline fit', () => {
  it('writes a scenario that faultline validate accepts, and the report', async () => {
    const run = await runCli(['fit', recording]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/200 requests, 20\.\d\d req\/s, availability 0\.9000/);
    const scenario = join(dir, 'access.scenario.yaml');
    expect(await readFile(join(dir, 'access.fit.md'), 'utf8')).toContain('## Phases');
    const validate = await runCli(['validate', scenario]);
    expect(validate.code, validate.stdout + validate.stderr).toBe(0);
  }, 30_000);

  it('refuses a bad --window in one line with exit 2', async () => {
    const run = await runCli(['fit', recording, '--window', 'soon']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('--window "soon" is not a duration');
  }, 15_000);

  it('names a missing recording', async () => {
    const run = await runCli(['fit', join(dir, 'nope.har')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Cannot read the recording .*nope\.har/);
  }, 15_000);
});
