/**
 * Sweep speed: 100 variants (retry attempts × breaker threshold × timeout) × 10 seeds of a 5-minute
 * scenario (bench/scenarios/sweep-5min.yaml), timed with --workers 1 and with the default worker count,
 * interleaved (1, default, 1, default…) so a busy machine slows both alike; medians printed.
 * `npx tsx bench/sweep-speed.ts [--rounds 1] [--seeds 10] [--json]`. The target: under 60 s on 2 cores.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startStopwatch } from '../src/clock/stopwatch.ts';
import { loadScenarioFile } from '../src/scenario/load-scenario.ts';
import { buildSweepPlan } from '../src/sweep/build-plan.ts';
import { runSweep } from '../src/sweep/run-sweep.ts';
import { sha256 } from '../src/util/sha256.ts';
import { median } from './lib/median.ts';

const FILE = resolve(import.meta.dirname, 'scenarios/sweep-5min.yaml');
const VARY = [
  'policies.retry.maxAttempts=1..5',
  'policies.breaker.strategy.threshold=5,10,20,50,100',
  'policies.timeout.after=200ms,500ms,1s,2s',
];

export interface SweepSpeed {
  readonly variants: number;
  readonly seeds: number;
  readonly runs: number;
  readonly workers: number;
  readonly wallSeconds: number;
  readonly load: number;
}

async function timeSweep(seeds: number, workers: number): Promise<SweepSpeed> {
  const { scenario } = await loadScenarioFile(FILE);
  const plan = buildSweepPlan({
    file: 'bench/scenarios/sweep-5min.yaml',
    scenario,
    scenarioSha256: sha256(readFileSync(FILE)),
    vary: VARY,
    seeds,
  });
  const load = loadavg()[0] ?? 0;
  const elapsed = startStopwatch();
  const runs = await runSweep(plan, { absolute: FILE, settings: {}, workers });
  return {
    variants: plan.variants.length,
    seeds,
    runs: runs.length,
    workers,
    wallSeconds: elapsed() / 1000,
    load,
  };
}

async function main(args: readonly string[]): Promise<void> {
  const flag = (name: string, fallback: number) => {
    const at = args.indexOf(name);
    return at >= 0 ? Number(args[at + 1]) : fallback;
  };
  const rounds = flag('--rounds', 1);
  const seeds = flag('--seeds', 10);
  const workerCounts = [...new Set([1, availableParallelism()])];
  const measured: SweepSpeed[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const workers of workerCounts) measured.push(await timeSweep(seeds, workers));
  }
  const summary = workerCounts.map((workers) => {
    const mine = measured.filter((m) => m.workers === workers);
    return {
      ...(mine[0] as SweepSpeed),
      wallSeconds: median(mine.map((m) => m.wallSeconds)),
      load: median(mine.map((m) => m.load)),
    };
  });
  if (args.includes('--json')) console.log(JSON.stringify(summary));
  else {
    for (const s of summary) {
      console.log(
        `${s.variants} variants × ${s.seeds} seeds = ${s.runs} runs of 5 min, --workers ${s.workers}: ${s.wallSeconds.toFixed(1)} s (median of ${rounds}; load ${s.load.toFixed(2)})`,
      );
    }
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  await main(process.argv.slice(2));
