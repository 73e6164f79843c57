/**
 * What the worker pool buys: wall time of the built CLI's `faultline run scenarios/` with the default
 * workers (one per available core) against `--workers 1`, rounds interleaved (A, B, A, B …) so load from
 * elsewhere on the machine hits both, medians compared. Every run's JSON results (without the wall-clock
 * `environment` block) must be byte-identical to the first single-thread run's; the bench says which
 * differ and exits 1 if any does. It asserts nothing about speed: it prints the ratio and the target.
 *
 * Beside wall time it reads each run's CPU time (user + system, all threads: the simulation's and V8's
 * own compiler and garbage-collector threads), because CPU is what bounds a speed-up: N cores cannot run
 * a pooled run faster than its CPU time ÷ N, and a single-thread run that already keeps more than one
 * core busy leaves less than N× to gain.
 *
 *   npm run build && npx tsx bench/work/workers-speedup.ts [--rounds 5]
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PACKAGE_ROOT } from '../../src/util/package-root.ts';
import { defaultWorkers } from '../../src/work/workers.ts';
import { median } from '../lib/median.ts';

const run = promisify(execFile);
const BIN = join(PACKAGE_ROOT, 'dist/src/cli/bin.js');
/** From the issue: the default workers on a 2-core machine at least this many times faster. */
const TARGET_RATIO = 1.7;

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : Number.NaN;
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/** One `faultline run scenarios/`: its wall time, exit code and JSON results by file. */
async function runOnce(
  extra: readonly string[],
): Promise<{ ms: number; cpuMs: number; code: number; results: Map<string, string> }> {
  const out = mkdtempSync(join(tmpdir(), 'faultline-workers-bench-'));
  // Node cannot read a child's CPU time; bash's `time` keyword can (user and system, every thread).
  const script = `TIMEFORMAT='%3R %3U %3S'; { time "$@" >/dev/null 2>&1; } 2>&1; echo "exit $?"`;
  const args = [process.execPath, BIN, 'run', 'scenarios/', '--reporter', 'json', '--out-dir', out, ...extra];
  const { stdout } = await run('bash', ['-c', script, 'bash', ...args], { cwd: PACKAGE_ROOT });
  const [times = '', status = ''] = stdout.trim().split('\n').slice(-2);
  const [real = 0, user = 0, system = 0] = times.split(' ').map(Number);
  const code = Number(status.replace('exit ', ''));
  const ms = real * 1000;
  const cpuMs = (user + system) * 1000;
  const results = new Map<string, string>();
  for (const file of readdirSync(out).sort()) {
    const { environment: _environment, ...rest } = JSON.parse(
      readFileSync(join(out, file), 'utf8'),
    ) as Record<string, unknown>;
    results.set(file, JSON.stringify(rest));
  }
  rmSync(out, { recursive: true, force: true });
  return { ms, cpuMs, code, results };
}

const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

async function main(): Promise<void> {
  if (!existsSync(BIN)) {
    console.error('workers bench: dist/ is not built; run npm run build first');
    process.exit(2);
  }
  const rounds = option('rounds', 5);
  const defaults = defaultWorkers();
  console.log(
    `faultline run scenarios/: default workers (${defaults}, of ${availableParallelism()} cores) vs --workers 1, median of ${rounds} interleaved rounds`,
  );
  console.log(`load average before: ${load()}`);
  const times = { pooled: [] as number[], single: [] as number[] };
  const cpu = { pooled: [] as number[], single: [] as number[] };
  let reference: Map<string, string> | undefined;
  let referenceCode = 0;
  const differing = new Set<string>();
  const check = (label: string, { code, results }: { code: number; results: Map<string, string> }) => {
    if (!reference) {
      reference = results;
      referenceCode = code;
      return;
    }
    if (code !== referenceCode) differing.add(`${label}: exit ${code}, not ${referenceCode}`);
    for (const [file, bytes] of reference)
      if (results.get(file) !== bytes) differing.add(`${label}: ${file}`);
    if (results.size !== reference.size)
      differing.add(`${label}: ${results.size} results, not ${reference.size}`);
  };
  for (let round = 0; round < rounds; round++) {
    const single = await runOnce(['--workers', '1']);
    check('--workers 1', single);
    times.single.push(single.ms);
    cpu.single.push(single.cpuMs);
    const pooled = await runOnce([]);
    check(`default workers (${defaults})`, pooled);
    times.pooled.push(pooled.ms);
    cpu.pooled.push(pooled.cpuMs);
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    console.log(
      `  round ${round + 1}: --workers 1 ${s(single.ms)} (CPU ${s(single.cpuMs)}), default ${s(pooled.ms)} (CPU ${s(pooled.cpuMs)})`,
    );
  }
  const single = median(times.single);
  const pooled = median(times.pooled);
  const ratio = single / pooled;
  console.log(`load average after:  ${load()}`);
  console.log(`--workers 1          ${(single / 1000).toFixed(2)} s (median)`);
  console.log(`default workers (${defaults})  ${(pooled / 1000).toFixed(2)} s (median)`);
  console.log(
    `speed-up             ${ratio.toFixed(2)}× (target ≥ ${TARGET_RATIO}× on 2 cores: ${ratio >= TARGET_RATIO ? 'met' : 'not met'})`,
  );
  const cores = availableParallelism();
  const singleCpu = median(cpu.single);
  const pooledCpu = median(cpu.pooled);
  console.log(
    `CPU time             --workers 1 ${(singleCpu / 1000).toFixed(2)} s (${(singleCpu / single).toFixed(2)} cores busy), default ${(pooledCpu / 1000).toFixed(2)} s (${(pooledCpu / pooled).toFixed(2)} cores busy)`,
  );
  // However well the units are spread, N cores run the single-thread run's CPU in no less than CPU ÷ N.
  console.log(
    `bound                ${(single / (singleCpu / cores)).toFixed(2)}× at most on ${cores} cores, were the pooled run to cost no more CPU than --workers 1; ${(single / (pooledCpu / cores)).toFixed(2)}× with the CPU it does cost`,
  );
  console.log(
    `results              ${reference?.size ?? 0} JSON files, ${differing.size === 0 ? 'byte-identical in every run' : 'DIFFERENT:'}`,
  );
  for (const line of differing) console.log(`  ${line}`);
  if (differing.size > 0) process.exit(1);
}

await main();
