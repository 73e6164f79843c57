import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliEnv, inBatches, REPO } from './cli-process.ts';

/**
 * The hostile-input corpus (issue 12), by class, run through the real CLI: each case exits 2 with at
 * most three lines on stderr that name the file and the field, no stack trace, within 30 s of CPU and
 * 500 MB peak RSS, measured from the child's own resource usage (and killed as hung after 120 s).
 */
const CORPUS = resolve(REPO, 'test/fixtures/hostile-input');
const WRAPPER = resolve(REPO, 'test/cli/measured-cli.mjs');
const CANARY = 'canary-7f3a9c-never-print-me';
/** `${env:FAULTLINE_CANARY}`, spelt so that it does not read as a template placeholder. */
const CANARY_REF = '\u0024{env:FAULTLINE_CANARY}';
const BIG_REF = '\u0024{env:FAULTLINE_BIG}';
/** The limit on the work of one case: CPU time, which the machine's other load does not inflate. */
const LIMIT_CPU_MS = 30_000;
/** A case still running after this long is hung (a read that never ends) and is killed. */
const HANG_MS = 120_000;
const LIMIT_RSS_KB = 500 * 1024;
/** Control characters other than tab and newline, and the right-to-left override. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u202e]/;

interface MeasuredRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly maxRssKb: number;
  readonly timedOut: boolean;
  readonly wallMs: number;
  readonly cpuMs: number;
}

/** The CLI in a child that reports its peak RSS on fd 3; killed past the time limit. */
function runMeasured(args: readonly string[], env: Record<string, string> = {}): Promise<MeasuredRun> {
  const child = spawn(process.execPath, [WRAPPER, ...args], {
    cwd: REPO,
    env: cliEnv({ FAULTLINE_CANARY: CANARY, ...env }),
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let usage = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  child.stdio[3]?.on('data', (chunk) => {
    usage += chunk;
  });
  const started = performance.now();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, HANG_MS);
  return new Promise((done) => {
    child.on('close', (code) => {
      clearTimeout(timer);
      const measured = usage ? (JSON.parse(usage) as { maxRssKb: number; cpuMs: number }) : undefined;
      const maxRssKb = measured?.maxRssKb ?? Number.NaN;
      const cpuMs = measured?.cpuMs ?? Number.NaN;
      done({ code, stdout, stderr, maxRssKb, cpuMs, timedOut, wallMs: performance.now() - started });
    });
  });
}

/** What each corpus file's one line must say, by class (the folder). */
const EXPECTED: Record<string, Record<string, RegExp>> = {
  'false-pass': {
    'duplicate-phase.yaml': /at phases\[1\]\.name: phase name "outage" is also phases\[0\]'s/,
    'inverted-phase.yaml': /at phases\[0\]\.to: phase "outage" ends at 20s, not after it starts at 30s/,
    'empty-phase.yaml': /at phases\[0\]\.to: phase "outage" ends at 30s, not after it starts/,
    'phase-after-run.yaml': /at phases\[0\]\.from: phase "outage" starts at 2m, when the 1m run has ended/,
    'cache-metric-without-cache.yaml':
      /at hypotheses\[0\]: cache\.hitRatio is only measured with policies\.cache/,
    'breaker-metric-without-breaker.yaml':
      /at hypotheses\[0\]: breaker\.opened is only measured with policies\.breaker/,
    'fallback-metric-without-fallback.yaml':
      /at hypotheses\[0\]: fallbackRate is only measured with policies\.fallback/,
    'http-backend-simulated.yaml':
      /at backends\.primary\.plugin: the http plugin calls a real server.*mode: real-time/,
  },
  bounds: {
    'bulkhead-1e9.yaml': /at policies\.bulkhead\.limit: must be at most 100000 \(MAX_[A-Z_]+\)/,
    'cache-max-entries-1e12.yaml': /at policies\.cache\.maxEntries: must be at most 1000000 \(MAX_[A-Z_]+\)/,
    'clients-1e9.yaml': /at workload\.clients: must be at most 10000 \(MAX_[A-Z_]+\)/,
    'count-breaker-size-1e9.yaml':
      /at policies\.breaker\.strategy\.size: must be at most 100000 \(MAX_[A-Z_]+\)/,
    'duration-400-digits.yaml': /at workload\.duration: must be at most 366 days \(MAX_DURATION_MS/,
    'fan-out-33.yaml': /at topology\.backends: must be at most 32 \(MAX_[A-Z_]+\)/,
    'latency-over-a-year.yaml':
      /at phases\[0\]\.faults\[0\]\.distribution\.ms: must be at most 31622400000 \(MAX_[A-Z_]+\)/,
    'max-attempts-1000.yaml': /at policies\.retry\.maxAttempts: must be at most 100 \(MAX_[A-Z_]+\)/,
    'name-too-long.yaml': /at name: must be at most 200 \(MAX_[A-Z_]+\)/,
    'msw-routes-too-many.yaml':
      /at backends\.primary\.options\.routes: must be at most 100 \(MAX_LIST\) for plugin "msw"/,
    'plugin-option-name-too-long.yaml':
      /at backends\.primary\.options\.name: must be at most 200 characters \(MAX_NAME_LENGTH\) for plugin "mock-analysis"/,
    'plugin-url-too-long.yaml':
      /at backends\.primary\.options\.url: must be at most 4096 characters \(MAX_STRING_LENGTH\) for plugin "http"/,
    'rate-1e308.yaml': /at workload\.rate: must be at most 1000000 \(MAX_RATE\) \(got 1e\+308\)/,
    'requests-2-53.yaml': /at workload\.requests: must be at most \d+ \(got 9007199254740992\)/,
    'requests-1e12.yaml': /at workload\.requests: must be at most 100000000 \(MAX_[A-Z_]+\)/,
    'too-many-backends.yaml': /at backends: at most 32 backends \(MAX_BACKENDS\)/,
    'too-many-phases.yaml': /at phases: must be at most 100 \(MAX_[A-Z_]+\)/,
    'year-at-max-rate.yaml':
      /at workload: the run could make 3\.13e\+13 backend calls .*MAX_TOTAL_CALLS.*--force/,
  },
  paths: {
    'client-dev-zero.yaml':
      /at backends\.primary\.options\.client: client module \/dev\/zero is not a regular file/,
    'client-etc-passwd.yaml':
      /at backends\.primary\.options\.client: client module \/etc\/passwd is not a module/,
    'client-folder.yaml':
      /at backends\.primary\.options\.client: client module .*paths is not a regular file/,
    'plugin-dev-zero.yaml':
      /at backends\.primary\.plugin: backend plugin file \/dev\/zero is not a regular file/,
    'plugin-etc-passwd.yaml':
      /at backends\.primary\.plugin: backend plugin file \/etc\/passwd is not a module/,
    'plugin-folder.yaml': /at backends\.primary\.plugin: backend plugin file .*paths is not a regular file/,
  },
  yaml: {
    'deep-block-compact.yaml': /nests deeper than \d+ levels \(MAX_DEPTH\)/,
    'deep-flow-50.yaml': /nests deeper than \d+ levels \(MAX_DEPTH\)/,
    'nested-alias-cycle.yaml':
      /at policies\.fallback\.value\[0\]\.inner: a YAML alias refers to the value that contains it/,
    'self-alias-mapping.yaml': /at workload\.again: a YAML alias refers to the value that contains it/,
    'self-alias-sequence.yaml': /at phases\[0\]: a YAML alias refers to the value that contains it/,
  },
  secrets: {
    'canary-duration.yaml': /at workload\.duration: .*\(got "\$\{env:FAULTLINE_CANARY\}"\)/,
    'canary-endpoint.yaml': /at workload\.mix\[0\]\.endpoint: .*"\$\{env:FAULTLINE_CANARY\}"/,
    'canary-fallback-backend.yaml':
      /at policies\.fallback\.backend: fallback backend "\$\{env:FAULTLINE_CANARY\}"/,
    'canary-fault-target.yaml':
      /at phases\[0\]\.faults\[0\]\.target: fault target "\$\{env:FAULTLINE_CANARY\}"/,
    'canary-mode.yaml': /at mode: must be one of .*"\$\{env:FAULTLINE_CANARY\}"/,
    'canary-phase-from.yaml': /at phases\[0\]\.from: .*"\$\{env:FAULTLINE_CANARY\}"/,
    'canary-plugin-option.yaml': /at backends\.primary\.options\.latency\.ms: .*plugin "mock-analysis"/,
    'canary-plugin-path.yaml':
      /at backends\.primary\.plugin: backend plugin file .*\$\{env:FAULTLINE_CANARY\}\.ts does not exist/,
    'canary-topology-backend.yaml':
      /at topology\.backend: backend "\$\{env:FAULTLINE_CANARY\}" is not in backends/,
  },
  terminal: {
    'ansi-duplicate-phase.yaml': /at phases\[1\]\.name: phase name "\\x1b\[2K\\x0d\\x1b\[32mok"/,
    'ansi-fault-target.yaml': /at phases\[0\]\.faults\[0\]\.target: fault target "\\x1b\[2K/,
    'ansi-plugin-name.yaml': /at backends\.primary\.plugin: unknown backend plugin "\\x1b\[2K/,
    'ansi-unknown-key.yaml': /at \\x1b\[2K\\x0d\\x1b\[32mpolicis: unknown key/,
    'bidi-backend-reference.yaml': /at topology\.backend: backend "\\u202eyrotcelloc"/,
  },
};

interface Case {
  readonly cls: string;
  readonly label: string;
  readonly args: readonly string[];
  /** What the one line names: the file (its base name) and the problem. */
  readonly names: string;
  readonly fragment: RegExp;
  readonly env?: Record<string, string>;
}

const VALID = 'name: ok\nworkload: { model: open, rate: 10, requests: 5 }\n';

/** Cases that cannot live in git: huge, special or outside the repository; made in a temporary folder. */
function generatedCases(out: string): Case[] {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-hostile-'));
  const write = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  const ok = write('ok.yaml', VALID);
  const deep = write('deep-400k.yaml', `${VALID}description: ${'['.repeat(400_000)}${']'.repeat(400_000)}\n`);
  const compact = write(
    'compact-300k.yaml',
    `${VALID}policies:\n  fallback:\n    value:\n      ${'- '.repeat(300_000)}x\n`,
  );
  const keys = write(
    'fallback-50k-keys.yaml',
    `${VALID}policies:\n  fallback:\n    value:\n${Array.from({ length: 50_000 }, (_, i) => `      k${i}: 1\n`).join('')}`,
  );
  const envBomb = write(
    'env-expansion-bomb.yaml',
    `${VALID}backends:\n  primary: { plugin: mock-analysis, options: { name: "${BIG_REF.repeat(50_000)}" } }\n`,
  );
  const longLine = write(
    'long-error-line.yaml',
    `name: ${'n'.repeat(900_000)}\nworkload: { model: open, rate: 10, requests: 5 }\n`,
  );
  const fifoDir = join(dir, 'fifo');
  mkdirSync(fifoDir);
  const fifo = join(fifoDir, 'plugin.ts');
  expect(spawnSync('mkfifo', [fifo]).status, 'mkfifo').toBe(0);
  const fifoScenario = write(
    'plugin-fifo.yaml',
    `${VALID}backends:\n  primary: { plugin: ./fifo/plugin.ts }\n`,
  );
  const reporterFifo = join(fifoDir, 'reporter.ts');
  expect(spawnSync('mkfifo', [reporterFifo]).status, 'mkfifo').toBe(0);
  const reporterFolder = join(dir, 'folder.ts');
  mkdirSync(reporterFolder);
  const reportersConfig = write(
    'reporters.config.json',
    JSON.stringify({ reporters: ['console', '/dev/zero'] }),
  );
  mkdirSync(join(out, 'sub'), { recursive: true });
  const linkDir = mkdtempSync(join(tmpdir(), 'faultline-elsewhere-'));
  symlinkSync(linkDir, join(out, 'link'));
  const config = write('faultline.config.json', JSON.stringify({ duration: `${'9'.repeat(400)}s` }));
  const cases: Case[] = [
    {
      cls: 'bounds',
      label: 'duration-flag-400-digits',
      args: ['run', ok, '--out-dir', out, '--duration', `${'9'.repeat(400)}s`],
      names: '--duration',
      fragment: /over 366 days \(MAX_DURATION_MS\)/,
    },
    {
      cls: 'bounds',
      label: 'config-duration-400-digits',
      args: ['run', ok, '--out-dir', out, '--config', config],
      names: 'faultline.config.json',
      fragment: /at duration: must be at most 366 days/,
    },
    {
      cls: 'yaml',
      label: 'deep-400k',
      args: ['validate', deep],
      names: 'deep-400k.yaml',
      fragment: /nests deeper than/,
    },
    {
      cls: 'yaml',
      label: 'compact-300k',
      args: ['validate', compact],
      names: 'compact-300k.yaml',
      fragment: /nests deeper than/,
    },
    {
      cls: 'yaml',
      label: 'env-expansion-bomb',
      args: ['validate', envBomb],
      names: 'env-expansion-bomb.yaml',
      fragment:
        /at backends\.primary\.options\.name: \$\{env:…\} values grow the scenario past the \d+-byte limit/,
      env: { FAULTLINE_BIG: 'x'.repeat(1000) },
    },
    {
      cls: 'yaml',
      label: 'long-error-line',
      args: ['validate', longLine],
      names: 'long-error-line.yaml',
      fragment: /at name: must be at most 200 \(MAX_NAME_LENGTH\) \(got "n+… \(\d+ more characters\)\)/,
    },
    {
      cls: 'bounds',
      label: 'fallback-50k-keys',
      args: ['validate', keys],
      names: 'fallback-50k-keys.yaml',
      fragment: /at policies\.fallback\.value: holds over 1000 keys/,
    },
    {
      cls: 'paths',
      label: 'scenario-dev-zero',
      args: ['validate', '/dev/zero'],
      names: '/dev/zero',
      fragment: /\/dev\/zero: is not a file/,
    },
    {
      cls: 'paths',
      label: 'reporter-dev-zero',
      args: ['run', ok, '--out-dir', out, '--reporter', '/dev/zero'],
      names: '/dev/zero',
      fragment: /^faultline: --reporter \/dev\/zero: Reporter \/dev\/zero is not a regular file/,
    },
    {
      cls: 'paths',
      label: 'reporter-output-dev-zero',
      args: ['run', ok, '--out-dir', out, '--reporter', 'junit:/dev/zero'],
      names: '/dev/zero',
      fragment: /^faultline: --reporter junit:\/dev\/zero: Reporter output "\/dev\/zero" is outside/,
    },
    {
      cls: 'paths',
      label: 'reporter-fifo',
      args: ['run', ok, '--out-dir', out, '--reporter', reporterFifo],
      names: 'reporter.ts',
      fragment: /^faultline: --reporter \S+reporter\.ts: Reporter \S+ is not a regular file/,
    },
    {
      cls: 'paths',
      label: 'reporter-folder',
      args: ['run', ok, '--out-dir', out, '--reporter', reporterFolder],
      names: 'folder.ts',
      fragment: /^faultline: --reporter \S+folder\.ts: Reporter \S+ is not a regular file/,
    },
    {
      cls: 'paths',
      label: 'reporter-etc-passwd',
      args: ['run', ok, '--out-dir', out, '--reporter', '/etc/passwd'],
      names: '/etc/passwd',
      fragment: /^faultline: --reporter \/etc\/passwd: Reporter \/etc\/passwd is not a module/,
    },
    {
      cls: 'paths',
      label: 'config-reporters-entry',
      args: ['run', ok, '--out-dir', out, '--config', reportersConfig],
      names: 'reporters.config.json',
      fragment: /reporters\.config\.json at reporters\[1\]: Reporter \/dev\/zero is not a regular file/,
    },
    {
      cls: 'paths',
      label: 'config-dev-zero',
      args: ['run', ok, '--out-dir', out, '--config', '/dev/zero'],
      names: '/dev/zero',
      fragment: /^faultline: --config \/dev\/zero is not a regular file/,
    },
    {
      cls: 'paths',
      label: 'config-etc-passwd',
      args: ['run', ok, '--out-dir', out, '--config', '/etc/passwd'],
      names: '/etc/passwd',
      fragment: /^faultline: --config \/etc\/passwd is not a module/,
    },
    {
      cls: 'terminal',
      label: 'reporter-through-symlink',
      args: ['run', ok, '--out-dir', out, '--reporter', 'junit:link/x.xml'],
      names: 'link/x.xml',
      fragment: /Reporter output "link\/x\.xml" is outside the output folder/,
    },
  ];
  cases.push({
    cls: 'paths',
    label: 'plugin-fifo',
    args: ['validate', fifoScenario],
    names: 'plugin-fifo.yaml',
    fragment: /at backends\.primary\.plugin: backend plugin file .*plugin\.ts is not a regular file/,
  });
  return cases;
}

function corpusCases(out: string): Case[] {
  return Object.entries(EXPECTED).flatMap(([cls, files]) =>
    Object.entries(files).flatMap(([name, fragment]) => {
      const file = join('test/fixtures/hostile-input', cls, name);
      const validate: Case = {
        cls,
        label: `validate ${name}`,
        args: ['validate', file],
        names: name,
        fragment,
      };
      // `run` makes the same checks as `validate` (both prepare every file first): each false pass, and
      // the first file of every other class, go through `run` as well.
      const alsoRun = cls === 'false-pass' || name === Object.keys(files)[0];
      return alsoRun
        ? [
            validate,
            { cls, label: `run ${name}`, args: ['run', file, '--out-dir', out], names: name, fragment },
          ]
        : [validate];
    }),
  );
}

describe('hostile-input corpus, through the real CLI', () => {
  it('has an expectation for every file, five or more per class', () => {
    for (const [cls, files] of Object.entries(EXPECTED)) {
      expect(readdirSync(join(CORPUS, cls)).sort(), cls).toEqual(Object.keys(files).sort());
      expect(Object.keys(files).length, cls).toBeGreaterThanOrEqual(5);
    }
  });

  it('refuses each case with exit 2 and at most three lines naming file and field, no stack, within 30 s and 500 MB', async () => {
    const out = mkdtempSync(join(tmpdir(), 'faultline-hostile-out-'));
    const cases = [...corpusCases(out), ...generatedCases(out)];
    const runs = await inBatches(
      cases.map((c) => async () => ({ c, run: await runMeasured(c.args, c.env) })),
      3,
    );
    const perClass: Record<string, number> = {};
    let peakKb = 0;
    let slowestMs = 0;
    let mostCpuMs = 0;
    for (const { c, run } of runs) {
      perClass[c.cls] = (perClass[c.cls] ?? 0) + 1;
      peakKb = Math.max(peakKb, run.maxRssKb);
      slowestMs = Math.max(slowestMs, run.wallMs);
      mostCpuMs = Math.max(mostCpuMs, run.cpuMs);
      const context = `${c.label}\nstdout: ${run.stdout}\nstderr: ${run.stderr.slice(0, 2000)}`;
      expect.soft(run.timedOut, context).toBe(false);
      expect.soft(run.code, context).toBe(2);
      expect.soft(run.stderr, context).not.toMatch(/\n\s+at /);
      const lines = run.stderr.split('\n').filter((line) => line.trim() !== '');
      expect.soft(lines.length, context).toBeGreaterThanOrEqual(1);
      expect.soft(lines.length, context).toBeLessThanOrEqual(3);
      expect.soft(lines[0], context).toMatch(/^faultline: /);
      expect.soft(lines[0], context).toContain(c.names);
      expect.soft(lines[0], context).toMatch(c.fragment);
      expect.soft(lines[0]?.length ?? 0, context).toBeLessThanOrEqual(600);
      // No raw control character reaches the terminal, and no env value reaches any output.
      expect.soft(`${run.stdout}${run.stderr}`, context).not.toMatch(RAW_CONTROL);
      expect.soft(`${run.stdout}${run.stderr}`, context).not.toContain(CANARY);
      expect.soft(run.maxRssKb, context).toBeLessThan(LIMIT_RSS_KB);
      expect.soft(run.cpuMs, context).toBeLessThan(LIMIT_CPU_MS);
    }
    // Nothing ran, so nothing was written (the symlink is the test's own).
    expect(readdirSync(out).sort()).toEqual(['link', 'sub']);
    console.info(
      `hostile-input: ${runs.length} CLI runs, per class ${JSON.stringify(perClass)}; highest peak RSS ${Math.round(peakKb / 1024)} MB, most CPU ${Math.round(mostCpuMs)} ms, slowest ${Math.round(slowestMs)} ms wall`,
    );
  }, 300_000);
});

describe('verdicts need evidence, secrets stay secret', () => {
  it('reports a hypothesis over zero requests as "no evidence", exit 1, never a pass', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-no-evidence-'));
    const file = join(dir, 'zero.yaml');
    writeFileSync(
      file,
      'name: zero requests in the phase\nworkload: { model: open, rate: 10, requests: 10 }\nphases: [ { name: later, from: 10s } ]\nhypotheses: [ "availability >= 0.99 in later" ]\n',
    );
    const run = await runMeasured([
      'run',
      file,
      '--out-dir',
      dir,
      '--seed',
      '1',
      '--reporter',
      'console',
      '--reporter',
      'json',
    ]);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toContain('no evidence (0 requests)');
    const result = JSON.parse(readFileSync(join(dir, 'zero-requests-in-the-phase.json'), 'utf8'));
    expect(result.verdict).toBe('fail');
    expect(result.hypotheses[0]).toMatchObject({ pass: false, noEvidence: true });
  }, 60_000);

  it('keeps an env value out of every report of a run that uses it in names, descriptions and options', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-canary-'));
    const file = join(dir, 'canary.yaml');
    writeFileSync(
      file,
      [
        `name: "canary ${CANARY_REF}"`,
        `description: "${CANARY_REF}"`,
        'backends:',
        `  primary: { plugin: mock-analysis, options: { name: "${CANARY_REF}" } }`,
        'workload: { model: open, rate: 10, requests: 20 }',
        `phases: [ { name: "${CANARY_REF}", from: 0s } ]`,
        'hypotheses:',
        `  - "availability >= 0.5 in ${CANARY_REF}"`,
        `  - { name: "${CANARY_REF}", metric: errorRate, op: ">", value: 0.5 }`,
        '',
      ].join('\n'),
    );
    const out = join(dir, 'out');
    const run = await runMeasured([
      'run',
      file,
      '--out-dir',
      out,
      '--seed',
      '1',
      ...['console', 'json', 'markdown', 'junit', 'html'].flatMap((r) => ['--reporter', r]),
    ]);
    // The second hypothesis fails, so every reporter writes its failure details too.
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toContain(CANARY_REF);
    const written = readdirSync(out);
    expect(written.length).toBeGreaterThanOrEqual(4);
    for (const name of written) expect(readFileSync(join(out, name), 'utf8'), name).not.toContain(CANARY);
    expect(`${run.stdout}${run.stderr}`).not.toContain(CANARY);
  }, 60_000);

  it('prints a scenario name with ANSI escapes as visible text, never as a terminal command', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-ansi-'));
    const file = join(dir, 'ansi.yaml');
    writeFileSync(
      file,
      `name: "evil\\e[2K\\r\\e[32m✓ all good"\nworkload: { model: open, rate: 10, requests: 5 }\nhypotheses: [ "availability > 0.99" ]\n`,
    );
    const run = await runMeasured([
      'run',
      file,
      '--out-dir',
      dir,
      '--reporter',
      'console',
      '--reporter',
      'markdown',
    ]);
    expect(run.stdout).toContain('evil\\x1b[2K\\x0d\\x1b[32m');
    expect(run.stdout).not.toContain('\u001b');
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).not.toContain('\u001b');
  }, 60_000);
});
