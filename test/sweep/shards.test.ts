import { mkdtempSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { mergeShards } from '../../src/cli/merge/merge-shards.ts';
import { readShardOutputs } from '../../src/cli/merge/read-shards.ts';
import { type Shard, selectShard } from '../../src/cli/shard.ts';
import type { SweepShardManifest } from '../../src/cli/shard-manifest.ts';
import { createSweepShard } from '../../src/cli/sweep-shard.ts';
import { isFaultlineError } from '../../src/errors/faultline-error.ts';
import { scenarioFile, sweepFile } from './sweep-fixture.ts';

// Counts the files merge reads: each shard's manifest is read once, whatever path names it.
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return { ...actual, readFile: vi.fn(actual.readFile) };
});
const manifestReads = () =>
  vi.mocked(readFile).mock.calls.filter(([path]) => String(path).endsWith('manifest.json')).length;

const SCENARIO = `name: shards
backends: { primary: { plugin: mock-analysis, options: { latency: { type: lognormal, medianMs: 50, sigma: 0.5 } } } }
policies: { retry: { maxAttempts: 2, backoff: { type: constant, delay: 10ms } } }
workload: { model: open, rate: 20, duration: 20s, mix: [{ endpoint: /api/health }] }
phases: [{ name: all, from: 0s, faults: [{ kind: error, status: 503, rate: 0.3 }] }]
hypotheses: [{ name: available, metric: availability, op: ">=", value: 0.9 }]
`;

type Request = Parameters<typeof sweepFile>[1];

/**
 * Runs one shard of a sweep through the engine and writes its output as `faultline sweep --shard` does;
 * `keep` records only its first N runs and ends the shard incomplete, as an interrupted shard does.
 */
async function writeShard(file: string, request: Request, shard: Shard, keep?: number): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-sweep-shard-'));
  const part = await sweepFile(file, request, (runs) => selectShard(runs, shard));
  const sharded = createSweepShard(dir, part.plan, shard);
  expect(sharded.selected).toHaveLength(part.runs.length);
  await sharded.writer.start();
  for (const run of part.runs.slice(0, keep)) await sharded.record(run, 10);
  await sharded.writer.finish(keep === undefined, 100);
  return dir;
}

/** Merges the shard folders as `faultline merge` does: the exit code, the warnings, sweep.json's text. */
async function merge(dirs: string[]) {
  const outDir = mkdtempSync(join(tmpdir(), 'faultline-sweep-merged-'));
  const warnings: string[] = [];
  const printed: string[] = [];
  const target = { reporters: async () => [], outDir, color: false, print: (l: string) => printed.push(l) };
  const code = await mergeShards(await readShardOutputs(dirs, '/'), target, (w) => warnings.push(w));
  return { code, warnings, printed, json: readFileSync(join(outDir, 'sweep.json'), 'utf8') };
}

async function refusal(dirs: string[]) {
  try {
    await merge(dirs);
  } catch (error) {
    if (isFaultlineError(error)) return error;
    throw error;
  }
  throw new Error('merged');
}

describe('sweep shards', () => {
  const request = { vary: ['policies.retry.maxAttempts=1..3', 'policies.timeout.after=100ms,1s'], seeds: 3 };

  it('two shards merged give the unsharded sweep report, byte for byte', async () => {
    const file = scenarioFile('shards', SCENARIO);
    const whole = await sweepFile(file, request);
    const dirs = [await writeShard(file, request, { index: 2, count: 2 })];
    dirs.push(await writeShard(file, request, { index: 1, count: 2 }));
    // The same manifest as a run shard's: this shard's units of the whole suite, all ran.
    const manifest = JSON.parse(
      readFileSync(join(dirs[0] as string, 'faultline-shard', 'manifest.json'), 'utf8'),
    ) as SweepShardManifest;
    expect(manifest).toMatchObject({ kind: 'sweep', shard: { index: 2, count: 2 }, complete: true });
    expect(manifest.suite.units).toHaveLength(18);
    expect(manifest.units).toHaveLength(9);
    expect(manifest.ran.map((r) => r.at)).toEqual(manifest.units.map((u) => u.at));
    // One shard named by its folder, the other by its manifest file.
    const before = manifestReads();
    const merged = await merge([
      dirs[0] as string,
      join(dirs[1] as string, 'faultline-shard', 'manifest.json'),
    ]);
    expect(manifestReads() - before).toBe(2);
    expect(merged.json).toBe(`${JSON.stringify(whole.report, null, 2)}\n`);
    expect(merged.warnings).toEqual([]);
    expect(merged.printed.join('\n')).toMatch(/Recommended: #1 /);
    expect(merged.code).toBe(whole.report.recommendation.found ? 0 : 1);
  });

  it('refuses a missing shard and a shard of another sweep, in one line naming them', async () => {
    const file = scenarioFile('shards', SCENARIO);
    const one = { vary: ['policies.retry.maxAttempts=1,2'], seeds: 1 };
    const a = await writeShard(file, one, { index: 1, count: 2 });
    const b = await writeShard(
      file,
      { ...one, vary: ['policies.retry.maxAttempts=1,3'] },
      { index: 2, count: 2 },
    );
    const missing = await refusal([a]);
    expect(missing.code).toBe('MERGE_MISSING');
    expect(missing.message).toMatch(
      /1 of 2 units are in no shard given: variant \{policies\.retry\.maxAttempts=2\} on seed \d+ \(unit [0-9a-f]{20}\); add the output of shard 2\/2/,
    );
    const other = await refusal([a, b]);
    expect(other.code).toBe('MERGE_MISMATCH');
    expect(other.message).toMatch(/ran with different settings \(dimensions, variants\)/);
  });

  it('an interrupted shard merges with a warning, without its missing runs, and exit 130', async () => {
    const file = scenarioFile('shards', SCENARIO);
    const whole = [await writeShard(file, request, { index: 1, count: 2 })];
    const interrupted = await writeShard(file, request, { index: 2, count: 2 }, 4);
    const merged = await merge([...whole, interrupted]);
    expect(merged.code).toBe(130);
    expect(merged.warnings).toEqual([
      expect.stringMatching(/shard 2\/2 did not complete .*its 5 units without a result count as not run/),
    ]);
    const report = JSON.parse(merged.json);
    expect(report.complete).toBe(false);
    expect(report.variants.flatMap((v: { runs: unknown[] }) => v.runs)).toHaveLength(13);
  });
});
