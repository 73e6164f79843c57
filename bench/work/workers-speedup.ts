/**
 * What the worker pool buys: wall time of the built CLI's `faultline run scenarios/` with the default
 * workers (one per available core) against `--workers 1`, rounds interleaved (A, B, A, B …) so load from
 * elsewhere on the machine hits both, medians compared. Every run's JSON results (without the wall-clock
 * `environment` block) must be byte-identical to the first single-thread run's; the bench says which
 * differ and exits 1 if any does. It asserts nothing about speed: it prints the ratio and the target.
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
): Promise<{ ms: number; code: number; results: Map<string, string> }> {
  const out = mkdtempSync(join(tmpdir(), 'faultline-workers-bench-'));
  const started = performance.now();
  const code = await run(
    process.execPath,
    [BIN, 'run', 'scenarios/', '--reporter', 'json', '--out-dir', out, ...extra],
    {
      cwd: PACKAGE_ROOT,
    },
  ).then(
    () => 0,
    (error: { code?: number }) => error.code ?? -1,
  );
  const ms = performance.now() - started;
  const results = new Map<string, string>();
  for (const file of readdirSync(out).sort()) {
    const { environment: _environment, ...rest } = JSON.parse(
      readFileSync(join(out, file), 'utf8'),
    ) as Record<string, unknown>;
    results.set(file, JSON.stringify(rest));
  }
  rmSync(out, { recursive: true, force: true });
  return { ms, code, results };
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
    const pooled = await runOnce([]);
    check(`default workers (${defaults})`, pooled);
    times.pooled.push(pooled.ms);
    console.log(
      `  round ${round + 1}: --workers 1 ${(single.ms / 1000).toFixed(2)} s, default ${(pooled.ms / 1000).toFixed(2)} s`,
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
  console.log(
    `results              ${reference?.size ?? 0} JSON files, ${differing.size === 0 ? 'byte-identical in every run' : 'DIFFERENT:'}`,
  );
  for (const line of differing) console.log(`  ${line}`);
  if (differing.size > 0) process.exit(1);
}

await main();
