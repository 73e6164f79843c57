/**
 * Shipped scenarios' speed, the way `faultline run scenarios/` runs them: every scenario as a work unit
 * through `runUnits`, one after another in this process, each with its own seed, on the built JavaScript
 * in dist/ that the CLI runs (tsx's transform of the sources adds a helper call to every function it
 * creates: 17% of a profile, which users never pay). Pass 1 of a fresh process pays the warm-up (plugins
 * loaded, code compiled, the analyser's memo filled); the passes after it are the steady state. Prints
 * one JSON line. Run in a process of its own (the simulation-speed suite spawns it), after npm run build:
 * `npx tsx bench/scenario-speed.ts [--passes 6] [--duration-ms N] [--dir scenarios] [--sources]`.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as LoadScenario from '../src/scenario/load-scenario.ts';
import type * as Sha256 from '../src/util/sha256.ts';
import type * as RunUnits from '../src/work/run-units.ts';
import type { WorkUnit } from '../src/work/work-unit.ts';
import { importBuilt } from './lib/built.ts';

/** The modules timed: the built package's, or with `--sources` the TypeScript sources through tsx (to compare). */
async function runtime(): Promise<{
  loadScenarioFile: typeof LoadScenario.loadScenarioFile;
  sha256: typeof Sha256.sha256;
  runUnits: typeof RunUnits.runUnits;
}> {
  const sources = process.argv.includes('--sources');
  const [load, hash, units] = await Promise.all([
    sources
      ? import('../src/scenario/load-scenario.ts')
      : importBuilt<typeof LoadScenario>('scenario/load-scenario'),
    sources ? import('../src/util/sha256.ts') : importBuilt<typeof Sha256>('util/sha256'),
    sources ? import('../src/work/run-units.ts') : importBuilt<typeof RunUnits>('work/run-units'),
  ]);
  return { loadScenarioFile: load.loadScenarioFile, sha256: hash.sha256, runUnits: units.runUnits };
}

/** One scenario in one pass: its requests, and the wall and CPU time its unit took (loading included). */
export interface ScenarioPass {
  readonly requests: number;
  readonly wallMs: number;
  /** This process's user + system CPU time over the unit: what a busy machine does not inflate. */
  readonly cpuMs: number;
}

export interface ScenarioSpeed {
  /** By scenario name, one entry per pass; pass 0 is the fresh process's first. */
  readonly passes: Readonly<Record<string, readonly ScenarioPass[]>>;
  /** From the process's start to the first unit starting: module loading, not simulation. */
  readonly startUpMs: number;
}

const MAX_PASSES = 20;

export async function shippedUnits(dir: string): Promise<WorkUnit[]> {
  const { loadScenarioFile, sha256 } = await runtime();
  const files = (await readdir(dir)).filter((file) => file.endsWith('.yaml')).sort();
  return Promise.all(
    files.map(async (file) => {
      const absolute = resolve(dir, file);
      // The scenario's own seed, as `faultline run` uses it when no --seed is given.
      const { scenario } = await loadScenarioFile(absolute);
      return {
        file,
        absolute,
        scenarioSha256: sha256(await readFile(absolute)),
        seed: scenario.seed ?? 1,
        variant: {},
      };
    }),
  );
}

export async function measureShippedScenarios(
  dir: string,
  passes: number,
  durationMs?: number,
): Promise<Record<string, ScenarioPass[]>> {
  const units = await shippedUnits(dir);
  const { runUnits } = await runtime();
  const byName: Record<string, ScenarioPass[]> = {};
  for (let pass = 0; pass < passes; pass++) {
    let cpuAtStart = process.cpuUsage();
    await runUnits(units, {
      settings: durationMs === undefined ? {} : { durationMs },
      onStart: () => {
        cpuAtStart = process.cpuUsage();
      },
      onOutcome: (_index, { unit, result, wallMs }) => {
        const cpu = process.cpuUsage(cpuAtStart);
        const name = unit.file.replace(/\.yaml$/, '');
        byName[name] ??= [];
        byName[name].push({ requests: result.requests.total, wallMs, cpuMs: (cpu.user + cpu.system) / 1000 });
        return undefined;
      },
    });
  }
  return byName;
}

async function main(args: readonly string[]): Promise<void> {
  const option = (name: string) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const passes = Math.min(MAX_PASSES, Math.max(1, Number(option('--passes') ?? 6)));
  const duration = option('--duration-ms');
  const dir = option('--dir') ?? join(import.meta.dirname, '..', 'scenarios');
  const startUpMs = process.uptime() * 1000;
  const byName = await measureShippedScenarios(dir, passes, duration ? Number(duration) : undefined);
  const output: ScenarioSpeed = { passes: byName, startUpMs };
  console.log(JSON.stringify(output));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main(process.argv.slice(2));
