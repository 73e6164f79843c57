import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { selectShard } from '../../src/cli/shard.ts';
import { isFaultlineError } from '../../src/errors/faultline-error.ts';
import { mergeSweepShards, sweepShardFile } from '../../src/sweep/shards.ts';
import { scenarioFile, sweepFile } from './sweep-fixture.ts';

const SCENARIO = `name: shards
backends: { primary: { plugin: mock-analysis, options: { latency: { type: lognormal, medianMs: 50, sigma: 0.5 } } } }
policies: { retry: { maxAttempts: 2, backoff: { type: constant, delay: 10ms } } }
workload: { model: open, rate: 20, duration: 20s, mix: [{ endpoint: /api/health }] }
phases: [{ name: all, from: 0s, faults: [{ kind: error, status: 503, rate: 0.3 }] }]
hypotheses: [{ name: available, metric: availability, op: ">=", value: 0.9 }]
`;

describe('sweep shards', () => {
  it('two shards merged give the unsharded sweep report, byte for byte', async () => {
    const file = scenarioFile('shards', SCENARIO);
    const request = {
      vary: ['policies.retry.maxAttempts=1..3', 'policies.timeout.after=100ms,1s'],
      seeds: 3,
    };
    const whole = await sweepFile(file, request);
    const files: string[] = [];
    for (const index of [2, 1]) {
      const shard = { index, count: 2 };
      const part = await sweepFile(file, request, (runs) => selectShard(runs, shard));
      expect(part.runs.length).toBe(9);
      const out = join(file, '..', `sweep-shard-${index}-of-2.json`);
      const written = sweepShardFile(part.plan, shard, part.runs);
      // The manifest's common part, as merge checks it: this shard's units of the whole suite, all ran.
      expect(written.manifest).toMatchObject({ kind: 'sweep', shard, complete: true, totalRuns: 18 });
      expect(written.manifest.suite.units).toHaveLength(18);
      expect(written.manifest.units.map((u) => u.id)).toEqual(
        written.manifest.units.map((u) => written.manifest.suite.units[u.at]?.id),
      );
      writeFileSync(out, JSON.stringify(written));
      files.push(out);
    }
    const merged = await mergeSweepShards(files);
    expect(JSON.stringify(merged)).toBe(JSON.stringify(whole.report));
    expect(merged.complete).toBe(true);
  });

  it('refuses a missing shard, and a shard of another sweep, in one line', async () => {
    const file = scenarioFile('shards', SCENARIO);
    const shard = { index: 1, count: 2 };
    const a = await sweepFile(file, { vary: ['policies.retry.maxAttempts=1,2'], seeds: 1 }, (r) =>
      selectShard(r, shard),
    );
    const b = await sweepFile(file, { vary: ['policies.retry.maxAttempts=1,3'], seeds: 1 }, (r) =>
      selectShard(r, { index: 2, count: 2 }),
    );
    const fa = join(file, '..', 'a.json');
    const fb = join(file, '..', 'b.json');
    writeFileSync(fa, JSON.stringify(sweepShardFile(a.plan, shard, a.runs)));
    writeFileSync(fb, JSON.stringify(sweepShardFile(b.plan, { index: 2, count: 2 }, b.runs)));
    const failure = async (files: string[]) => {
      try {
        await mergeSweepShards(files);
      } catch (error) {
        if (isFaultlineError(error)) return error;
      }
      throw new Error('merged');
    };
    const missing = await failure([fa]);
    expect(missing.code).toBe('SWEEP_MERGE_INPUT');
    expect(missing.message).toMatch(/shard 2\/2 missing/);
    expect((await failure([fa, fb])).message).toMatch(/shard of another sweep/);
  });
});
