import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readBenchReport } from '../../bench/report/read-report.ts';
import { markers, updateReadme } from '../../bench/report/readme-section.ts';
import { type WrittenReport, writeBenchReport } from '../../bench/report/write-report.ts';
import { type BenchReport, runBench } from '../../bench/run-bench.ts';
import { SUITE_NAMES } from '../../bench/suites/index.ts';

/** One quick run of every suite (plumbing only: quick figures mean nothing, so none is checked for speed). */
let report: BenchReport;
let written: WrittenReport;
const dir = mkdtempSync(join(tmpdir(), 'faultline-bench-'));

beforeAll(async () => {
  report = await runBench({ quick: true });
  written = await writeBenchReport(report, dir);
}, 120_000);

const shippedScenarios = readdirSync('scenarios')
  .filter((file) => file.endsWith('.yaml'))
  .sort();
const suite = (name: string) => report.suites.find((s) => s.name === name);
const table = (suiteName: string, id: string) => suite(suiteName)?.tables.find((t) => t.id === id);
const row = (suiteName: string, id: string, name: string) =>
  table(suiteName, id)?.rows.find((r) => r.name === name);

describe('a quick bench run', () => {
  it('runs every suite in registry order and fills every measured cell with a finite figure', () => {
    expect(report.quick).toBe(true);
    expect(report.suites.map((s) => s.name)).toEqual(SUITE_NAMES);
    for (const { tables } of report.suites) {
      expect(tables.length).toBeGreaterThan(0);
      for (const t of tables) {
        expect(t.rows.length).toBeGreaterThan(0);
        for (const r of t.rows.filter((candidate) => !candidate.derived)) {
          for (const value of Object.values(r.values))
            expect(Number.isFinite(value) && value >= 0).toBe(true);
        }
      }
    }
  });

  it('records the machine, Node and the versions of the packages it measures', () => {
    const { environment } = report;
    expect(environment.node).toBe(process.version);
    expect(environment.machine.cores).toBeGreaterThan(0);
    const installed = (name: string) =>
      (JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')) as { version: string }).version;
    for (const name of ['cockatiel', 'lru-cache', 'tinybench', 'opossum', 'p-retry']) {
      expect(environment.packages[name]).toBe(installed(name));
    }
  });

  it('computes the cache on ÷ cache off row from the two measured rows, column by column', () => {
    for (const id of ['simulated', 'real-sockets']) {
      const off = row('cached-vs-uncached', id, 'cache off');
      const on = row('cached-vs-uncached', id, 'cache on');
      const ratio = row('cached-vs-uncached', id, 'cache on ÷ cache off');
      expect(ratio?.derived).toBe(true);
      for (const key of ['meanMs', 'p99Ms', 'throughput', 'backendCalls']) {
        expect(ratio?.values[key]).toBeCloseTo((on?.values[key] ?? 0) / (off?.values[key] ?? 1), 12);
      }
      // No retry in the reference scenario: without a cache each request is exactly one backend call.
      expect(off?.values.callsPerRequest).toBe(1);
      expect(off?.values.hitRatio).toBe(0);
      expect(on?.values.callsPerRequest).toBeLessThan(1);
    }
  });

  it('checks each target against figures of the same run', () => {
    const targets = report.suites.flatMap((s) => s.targets);
    expect(targets.map((t) => t.name)).toEqual(
      expect.arrayContaining([
        'faultline retry ▸ breaker ▸ timeout overhead vs the bare cockatiel policies',
        'faultline cache hit, 1 KB text, key hashing included',
        'faultline default stack, sequential',
        'faultline default stack, closed loop of 100, cache',
        'faultline default stack without its cache, closed loop of 100',
        'faultline default stack without its cache, open loop at 500/s',
        `all ${shippedScenarios.length} shipped scenarios in one process, overall`,
        'the slowest shipped scenario',
      ]),
    );
    const hit = row('cache-hit', 'hit-path', 'faultline cache hit (fresh request)')?.values.perCall ?? 0;
    const hitTarget = targets.find((t) => t.name.startsWith('faultline cache hit'));
    expect(hitTarget?.met).toBe(hit <= 2000);
  });

  it('rates every shipped scenario apart, the whole pass as one, and the cache gap from measured rows', () => {
    const shipped = table('simulation-speed', 'shipped');
    const names = shipped?.rows.map((r) => r.name);
    expect(names).toEqual([
      ...shippedScenarios.map((f) => f.replace(/\.yaml$/, '')),
      'all shipped scenarios, one process',
    ]);
    const scenarioRows = shipped?.rows.slice(0, -1) ?? [];
    for (const r of scenarioRows) expect(r.values.requests).toBeGreaterThan(0);
    const total = shipped?.rows.at(-1);
    expect(total?.values.requests).toBe(scenarioRows.reduce((sum, r) => sum + (r.values.requests ?? 0), 0));
    const slowest = scenarioRows.reduce((a, b) =>
      (b.values.perSecond ?? 0) < (a.values.perSecond ?? 0) ? b : a,
    );
    const target = report.suites
      .flatMap((s) => s.targets)
      .find((t) => t.name === 'the slowest shipped scenario');
    expect(target?.measured).toContain(`(${slowest.name}; `);
    expect(row('simulation-speed', 'warm-up', 'first pass minus a steady pass')).toBeDefined();
    for (const loop of ['closed loop of 100', 'open loop at 500/s']) {
      const on = row('simulation-speed', 'speed', `faultline default stack, ${loop}, cache`);
      const off = row('simulation-speed', 'speed', `faultline default stack, ${loop}, no cache`);
      const ratio = row('simulation-speed', 'speed', `no cache ÷ cache, ${loop}`);
      expect(ratio?.derived).toBe(true);
      expect(ratio?.values.perSecond).toBeCloseTo(
        (off?.values.perSecond ?? 0) / (on?.values.perSecond ?? 1),
        12,
      );
      expect(off?.note).toContain('cache hit ratio 0%');
    }
  });

  it('writes markdown, JSON that --compare reads back, and an HTML page with a bar chart per charted column', async () => {
    expect(written.json).toMatch(/\d{4}-\d{2}-\d{2}-quick\.json$/);
    expect(await readBenchReport(written.json)).toEqual(JSON.parse(JSON.stringify(report)));

    const markdown = readFileSync(written.markdown, 'utf8');
    expect(markdown).toContain('Quick mode');
    expect(markdown).toContain('## Targets');
    for (const t of report.suites.flatMap((s) => s.tables)) expect(markdown).toContain(`### ${t.title}`);
    expect(markdown).toContain('| *cache on ÷ cache off* |');

    const html = readFileSync(written.html, 'utf8');
    const charted = report.suites.flatMap((s) => s.tables.flatMap((t) => t.columns.filter((c) => c.chart)));
    expect(html.match(/<svg /g)?.length).toBe(charted.length);
    expect(html).not.toContain('<script');
  });

  it('regenerates the README sections between their markers and leaves the rest alone', async () => {
    const readme = join(dir, 'README.md');
    const [tableStart, tableEnd] = markers('cached-vs-uncached');
    const [targetsStart, targetsEnd] = markers('targets');
    writeFileSync(
      readme,
      `# Title\n\nbefore\n${tableStart}\nold table\n${tableEnd}\nmiddle\n${targetsStart}\nold targets\n${targetsEnd}\nafter\n`,
    );
    await updateReadme(readme, report);
    const text = readFileSync(readme, 'utf8');
    expect(text.startsWith(`# Title\n\nbefore\n${tableStart}\n`)).toBe(true);
    expect(text).toContain(`${tableEnd}\nmiddle\n${targetsStart}\n`);
    expect(text.endsWith(`${targetsEnd}\nafter\n`)).toBe(true);
    expect(text).not.toContain('old table');
    expect(text).not.toContain('old targets');
    expect(text).toContain('| *cache on ÷ cache off* |');
    expect(text).toContain('| faultline default stack, sequential |');
    expect(text).toContain('Figures vary by machine');

    const bare = join(dir, 'BARE.md');
    writeFileSync(bare, '# No markers\n');
    await expect(updateReadme(bare, report)).rejects.toThrow(/needs <!-- bench:cached-vs-uncached:start -->/);
  });
});
