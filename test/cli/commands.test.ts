import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAULTLINE_VERSION } from '../../src/runner/version.ts';
import { finished, inBatches, REPO, runCli, startCli, waitForOutput } from './cli-process.ts';

const temp = (label: string) => mkdtempSync(join(tmpdir(), `faultline-${label}-`));

/** A folder that resolves `import … from 'faultline'` to this checkout, as an installed package would. */
function project(label: string): string {
  const dir = temp(label);
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(REPO, join(dir, 'node_modules', 'faultline'));
  return dir;
}

const quick = (name: string, hypotheses: string) =>
  `name: ${name}\nseed: 1\nbackends: { primary: { plugin: mock-analysis, options: { latency: { type: fixed, ms: 50 } } } }\nworkload: { model: closed, clients: 2, requests: 200 }\nhypotheses: [${hypotheses}]\n`;

describe('faultline commands', () => {
  it('prints its version, and help with examples for every command', async () => {
    const commands = ['run', 'validate', 'list', 'schema', 'init', 'new plugin', 'replay'];
    const [version, ...helps] = await inBatches(
      [() => runCli(['--version']), ...commands.map((c) => () => runCli([...c.split(' '), '--help']))],
      4,
    );
    expect(version?.stdout.trim()).toBe(FAULTLINE_VERSION);
    helps.forEach((help, i) => {
      expect(help.code, commands[i]).toBe(0);
      expect(help.stdout, commands[i]).toContain('Examples:');
    });
  }, 60_000);

  it('answers a usage mistake with exit 2 and one line', async () => {
    for (const args of [
      ['frobnicate'],
      ['run', '--shard', '5/2'],
      ['run', 'scenarios/healthy-baseline.yaml', '--reporter', 'junit:../x.xml'],
      ['run', 'scenarios/healthy-baseline.yaml', '--reporter', 'junti'],
    ]) {
      const run = await runCli(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(run.stderr).not.toContain('    at ');
    }
  }, 60_000);

  it('replays a result exactly, from its scenario file, seed and duration', async () => {
    const out = temp('replay');
    const first = await runCli([
      'run',
      'scenarios/flapping-backend.yaml',
      '--seed',
      '99',
      '--duration',
      '90s',
      '--out-dir',
      out,
      '--reporter',
      'json',
    ]);
    expect(first.code, first.stderr).toBe(0);
    const file = join(out, 'flapping-backend.json');
    const result = JSON.parse(readFileSync(file, 'utf8'));
    expect(result.replay).toMatchObject({ file: 'scenarios/flapping-backend.yaml', durationMs: 90_000 });
    expect(result.seed).toBe(99);
    const replay = await runCli(['replay', file, '--out-dir', temp('replay-out')]);
    expect(replay.code, replay.stderr).toBe(0);
    expect(replay.stdout).toContain('▶ flapping-backend  seed 99');
    expect(replay.stdout).toContain(`replay: identical to ${file}`);
    // A result whose figures were changed since: the rerun differs, and the replay fails.
    const edited = join(out, 'edited.json');
    writeFileSync(edited, JSON.stringify({ ...result, requests: { ...result.requests, total: 1 } }));
    const differs = await runCli(['replay', edited, '--out-dir', temp('replay-out-2')]);
    expect(differs.stdout).toContain(`replay: differs from ${edited} in requests`);
    expect(differs.code).toBe(1);
    const missing = await runCli(['replay', join(out, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.json: file not found/);
  }, 60_000);

  it('init scaffolds a project that runs and passes; new plugin scaffolds a plugin that runs', async () => {
    const dir = project('init');
    const init = await runCli(['init'], { cwd: dir });
    expect(init.code, init.stderr).toBe(0);
    for (const file of [
      'faultline.config.ts',
      'scenarios/first-scenario.yaml',
      'scenarios/scenario.schema.json',
    ]) {
      expect(existsSync(join(dir, file)), file).toBe(true);
    }
    const again = await runCli(['init'], { cwd: dir });
    expect(again.stdout).toContain('kept faultline.config.ts');
    const plugin = await runCli(['new', 'plugin', 'echo-api'], { cwd: dir });
    expect(plugin.code, plugin.stderr).toBe(0);
    writeFileSync(
      join(dir, 'scenarios', 'echo.yaml'),
      'name: echo\nbackends: { primary: { plugin: ../plugins/echo-api/index.ts, options: { latencyMs: 30 } } }\nworkload: { model: closed, clients: 2, requests: 100 }\nhypotheses: ["latency.p50 < 35ms", "availability >= 1"]\n',
    );
    // No files given: the config's scenarios/ folder, its reporters (console, json, html) and out dir.
    const run = await runCli(['run'], { cwd: dir });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/✓ echo {2}/);
    expect(run.stdout).toMatch(/✓ first-scenario {2}/);
    expect(existsSync(join(dir, 'faultline-results', 'report.html'))).toBe(true);
    const badName = await runCli(['new', 'plugin', 'Bad_Name'], { cwd: dir });
    expect(badName.code).toBe(2);
  }, 90_000);

  it('reads reporters and the out dir from faultline.config.json', async () => {
    const dir = temp('config');
    mkdirSync(join(dir, 'chaos'));
    writeFileSync(join(dir, 'chaos', 'a.yaml'), quick('a', '"availability >= 1"'));
    writeFileSync(
      join(dir, 'faultline.config.json'),
      JSON.stringify({
        scenarios: ['chaos'],
        outDir: 'results',
        reporters: ['json', ['markdown', { output: 'md/summary.md' }]],
      }),
    );
    const run = await runCli(['run'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    expect(existsSync(join(dir, 'results', 'a.json'))).toBe(true);
    expect(readFileSync(join(dir, 'results', 'md', 'summary.md'), 'utf8')).toContain(
      '| a | availability &gt;= 1 |',
    );
  }, 60_000);

  it('stops after the first failing scenario with --bail', async () => {
    const dir = temp('bail');
    writeFileSync(join(dir, 'a.yaml'), quick('a', '"latency.p50 < 1ms"'));
    writeFileSync(join(dir, 'b.yaml'), quick('b', '"availability >= 1"'));
    const run = await runCli(['run', dir, '--bail', '--out-dir', join(dir, 'out')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/✗ a {2}/);
    expect(run.stdout).not.toMatch(/[✓✗] b {2}/);
    expect(run.stdout).toContain('1 failed, 1 not run (2)');
  }, 60_000);

  it('validates good files quietly and warns about literal secrets', async () => {
    const dir = temp('validate');
    writeFileSync(
      join(dir, 'secret.yaml'),
      `${quick('s', '')}description: "key sk-abcdefghijklmnopqrstuvwx"\n`,
    );
    const run = await runCli(['validate', 'scenarios/', join(dir, 'secret.yaml')]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/✓ scenarios\/retry-storm\.yaml/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(
      /warning: .*secret\.yaml:6:\d+ at description: the value looks like an API key/,
    );
    expect(run.stderr).not.toContain('sk-abcdefghijklmnopqrstuvwx');
  }, 60_000);

  it('lists scenarios, plugins and reporters', async () => {
    const run = await runCli(['list', '--json']);
    const listing = JSON.parse(run.stdout);
    expect(listing.scenarios.map((s: { name: string }) => s.name)).toContain('retry-storm');
    expect(listing.plugins.map((p: { name: string }) => p.name)).toContain('mock-analysis');
    expect(listing.reporters).toEqual(['console', 'json', 'markdown', 'junit', 'github', 'html']);
  }, 30_000);

  it('--watch reruns when the scenario file changes, until Ctrl-C', async () => {
    const dir = temp('watch');
    const file = join(dir, 'w.yaml');
    writeFileSync(file, quick('w', '"availability >= 1"'));
    const child = startCli(['run', file, '--watch', '--out-dir', join(dir, 'out'), '--reporter', 'console']);
    const done = finished(child);
    await waitForOutput(child, /Watching 1 file for changes/);
    appendFileSync(file, '# touched\n');
    await waitForOutput(child, /Watching 1 file for changes/);
    child.kill('SIGINT');
    const run = await done;
    expect(run.code).toBe(130);
    expect(run.stdout.match(/✓ w {2}/g)).toHaveLength(2);
  }, 60_000);

  it('prints the scenario JSON Schema', async () => {
    const run = await runCli(['schema']);
    const schema = JSON.parse(run.stdout);
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(JSON.stringify(schema)).toBe(
      JSON.stringify(JSON.parse(readFileSync(resolve(REPO, 'scenarios/scenario.schema.json'), 'utf8'))),
    );
  }, 30_000);
});
