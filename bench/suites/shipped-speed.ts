/**
 * The shipped scenarios' speed, as users meet it: each scenario's requests ÷ the wall time its unit took
 * under `runUnits` (scenario loading, backends, recorder and result included), all of them in one fresh
 * child process. The child's first pass carries the warm-up and is reported apart; the rows are the
 * medians of the passes after it.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { median } from '../lib/median.ts';
import type { Row, SuiteContext, Table, TargetCheck } from '../lib/types.ts';
import type { ScenarioPass, ScenarioSpeed } from '../scenario-speed.ts';

const SCRIPT = fileURLToPath(new URL('../scenario-speed.ts', import.meta.url));
/** All shipped scenarios in one process, overall; and the slowest of them. */
const OVERALL_TARGET = 150_000;
const FLOOR = 50_000;

const perSecond = (pass: Pick<ScenarioPass, 'requests' | 'wallMs'>) => pass.requests / (pass.wallMs / 1000);
const perCpuSecond = (pass: Pick<ScenarioPass, 'requests' | 'cpuMs'>) => pass.requests / (pass.cpuMs / 1000);
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

export async function shippedSpeed(ctx: SuiteContext): Promise<{ tables: Table[]; targets: TargetCheck[] }> {
  // One cold pass and five steady ones; quick runs cut every scenario to 2 s of virtual time.
  const passes = ctx.quick ? 2 : 6;
  const args = ['--passes', String(passes), ...(ctx.quick ? ['--duration-ms', '2000'] : [])];
  ctx.log(`simulation speed: shipped scenarios, ${passes} passes in a child process`);
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', import.meta.resolve('tsx'), SCRIPT, ...args],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  const speed = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as ScenarioSpeed;
  const scenarios = Object.entries(speed.passes);
  const steady = (all: readonly ScenarioPass[]) => all.slice(1);

  const rows: Row[] = scenarios.map(([name, all]) => ({
    name,
    values: {
      perSecond: median(steady(all).map(perSecond)),
      perCpuSecond: median(steady(all).map(perCpuSecond)),
      requests: all[0]?.requests ?? 0,
      wallMs: median(steady(all).map((pass) => pass.wallMs)),
      firstPassMs: all[0]?.wallMs ?? 0,
    },
  }));
  // The whole pass as one: every scenario's requests ÷ the pass's summed wall time, median over passes.
  const passTotals = (pass: number) => ({
    requests: sum(scenarios.map(([, all]) => all[pass]?.requests ?? 0)),
    wallMs: sum(scenarios.map(([, all]) => all[pass]?.wallMs ?? 0)),
    cpuMs: sum(scenarios.map(([, all]) => all[pass]?.cpuMs ?? 0)),
  });
  const steadyTotals = Array.from({ length: passes - 1 }, (_, i) => passTotals(i + 1));
  const first = passTotals(0);
  const overall = median(steadyTotals.map(perSecond));
  const steadyWallMs = median(steadyTotals.map((pass) => pass.wallMs));
  rows.push({
    name: 'all shipped scenarios, one process',
    values: {
      perSecond: overall,
      perCpuSecond: median(steadyTotals.map(perCpuSecond)),
      requests: first.requests,
      wallMs: steadyWallMs,
      firstPassMs: first.wallMs,
    },
  });
  const table: Table = {
    id: 'shipped',
    title: `Shipped scenarios, run as \`faultline run scenarios/\` runs them (median of ${passes - 1} passes)`,
    description:
      "Each scenario with its own seed through runUnits on the built CLI (dist/, as `faultline run` runs), one after another in one child process: its requests ÷ its unit's wall time (loading, backends, recorder and result included), and ÷ the CPU time the process spent meanwhile, which other work on a shared machine does not inflate. The first pass of the fresh process is shown apart (first pass) and left out of the medians.",
    columns: [
      { key: 'perSecond', label: 'simulated req/s', unit: 'req/s', better: 'higher', chart: true },
      { key: 'perCpuSecond', label: 'req per CPU second', unit: 'req/s', better: 'higher' },
      { key: 'requests', label: 'requests', unit: 'count' },
      { key: 'wallMs', label: 'wall time', unit: 'ms', better: 'lower' },
      { key: 'firstPassMs', label: 'first pass (fresh process)', unit: 'ms' },
    ],
    rows,
  };
  const warmUp: Table = {
    id: 'warm-up',
    title: 'Fresh-process warm-up, apart from the rows above',
    description:
      'Module loading before the first scenario starts (faultline’s built modules, loaded by the bench script under tsx), and what the first pass over every shipped scenario costs beyond a steady pass: plugins loaded, code compiled by V8, the analyser’s memo filled.',
    columns: [{ key: 'ms', label: 'wall time', unit: 'ms', better: 'lower', chart: true }],
    rows: [
      { name: 'module loading, to the first scenario', values: { ms: speed.startUpMs } },
      { name: 'first pass minus a steady pass', values: { ms: first.wallMs - steadyWallMs } },
    ],
  };
  const slowest = rows
    .slice(0, -1)
    .reduce((a, b) => ((b.values.perSecond ?? 0) < (a.values.perSecond ?? 0) ? b : a));
  const slowestSpeed = slowest.values.perSecond ?? 0;
  const targets: TargetCheck[] = [
    {
      name: `all ${scenarios.length} shipped scenarios in one process, overall`,
      target: `≥ ${fmt(OVERALL_TARGET)} simulated req/s`,
      measured: `${fmt(overall)} req/s (${fmt(rows.at(-1)?.values.perCpuSecond ?? 0)} per CPU second)`,
      met: overall >= OVERALL_TARGET,
    },
    {
      name: 'the slowest shipped scenario',
      target: `≥ ${fmt(FLOOR)} simulated req/s`,
      measured: `${fmt(slowestSpeed)} req/s (${slowest.name}; ${fmt(slowest.values.perCpuSecond ?? 0)} per CPU second)`,
      met: slowestSpeed >= FLOOR,
    },
  ];
  return { tables: [table, warmUp], targets };
}
