/**
 * What sharding costs and buys on one machine: wall time of one `faultline run` of the library against
 * N shard processes side by side plus `faultline merge`, interleaved (A, B, A, B…) so a busy machine
 * hurts both alike; medians, with the load average. Also checks the merged JSON equals the one run's.
 *
 *   npm run build && node --import tsx bench/shard-merge.ts [--rounds 5] [--shards 3]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const REPO = resolve(import.meta.dirname, '..');
const BIN = join(REPO, 'dist/src/cli/bin.js');
const { values } = parseArgs({ options: { rounds: { type: 'string' }, shards: { type: 'string' } } });
const rounds = Math.min(20, Number(values.rounds ?? 5));
const shards = Math.min(16, Number(values.shards ?? 3));

function cli(args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: REPO,
      env: { ...process.env, ...env },
      stdio: 'ignore',
    });
    child.on('error', fail);
    child.on('close', (code) => done(code ?? -1));
  });
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

const withoutEnvironment = (dir: string) =>
  readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const { environment: _, ...rest } = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
        environment: unknown;
      };
      return JSON.stringify(rest);
    })
    .join('\n');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const one: number[] = [];
const sharded: number[] = [];
const merges: number[] = [];
const loads: number[] = [];
let same = true;
for (let round = 0; round < rounds; round++) {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-bench-shards-'));
  const reports = ['--reporter', 'json', '--reporter', 'junit', '--quiet'];
  one.push(await timed(() => cli(['run', 'scenarios/', ...reports, '--out-dir', join(dir, 'one')])));
  sharded.push(
    await timed(async () => {
      await Promise.all(
        Array.from({ length: shards }, (_, index) =>
          cli(['run', 'scenarios/', ...reports, '--out-dir', join(dir, 'shards', `shard-${index}`)], {
            JOB_COMPLETION_INDEX: String(index),
            JOB_COMPLETIONS: String(shards),
          }),
        ),
      );
      merges.push(
        await timed(() => cli(['merge', join(dir, 'shards'), ...reports, '--out-dir', join(dir, 'merged')])),
      );
    }),
  );
  loads.push(loadavg()[0] as number);
  same &&= withoutEnvironment(join(dir, 'one')) === withoutEnvironment(join(dir, 'merged'));
}
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
console.log(`one run of scenarios/: median ${s(median(one))} (${one.map(s).join(', ')})`);
console.log(
  `${shards} shards side by side + merge: median ${s(median(sharded))} (${sharded.map(s).join(', ')})`,
);
console.log(`of which the merge: median ${s(median(merges))} (${merges.map(s).join(', ')})`);
console.log(
  `speed-up ${(median(one) / median(sharded)).toFixed(2)}×, merged JSON equal to one run's: ${same}`,
);
console.log(`1-minute load average during the rounds: ${loads.map((l) => l.toFixed(1)).join(', ')}`);
