/**
 * faultline as a user gets it: `npm pack`, the tarball installed into a fresh project outside this
 * repository from the local npm cache, then every way a user reaches it (plain-Node ESM and CommonJS,
 * their own tsc, their own vitest, the CLI through npx, a plugin scaffolded by the CLI, a TypeScript
 * client outside the project) and the packaging linters on the tarball.
 */
import { execFile } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO = resolve(import.meta.dirname, '../..');
const FIXTURES = join(import.meta.dirname, 'project');

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The environment of a child: none of the npm-script variables of the `npm test` that started us. */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
  for (const key of Object.keys(env)) {
    if (/^npm_(package|lifecycle|command)/.test(key) || key === 'INIT_CWD') delete env[key];
  }
  for (const key of ['CI', 'GITHUB_ACTIONS', 'GITHUB_STEP_SUMMARY']) delete env[key];
  return env;
}

function run(command: string, args: readonly string[], cwd: string): Promise<Run> {
  return new Promise((done) => {
    execFile(
      command,
      args,
      { cwd, env: childEnv(), maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

/** Fails with the child's output, so a broken step says why. */
function expectOk(result: Run): Run {
  expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
  return result;
}

/** The version installed here, so the consumer's install is served from the local npm cache. */
const installedVersion = (name: string) =>
  (JSON.parse(readFileSync(join(REPO, 'node_modules', name, 'package.json'), 'utf8')) as { version: string })
    .version;

/** The TypeScript example of the README's "Use faultline in your project" section, as printed there. */
function readmeExample(): string {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Use faultline in your project'));
  const code = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  if (!code) throw new Error('README: no ts example in "Use faultline in your project"');
  return code;
}

const SMOKE_SCENARIO = `name: consumer smoke
backends: { primary: { plugin: mock-analysis } }
workload: { model: closed, clients: 2, requests: 50 }
hypotheses: [{ metric: availability, op: ">=", value: 0.99 }]
`;

let root: string;
let project: string;
let tarball: string;
const npx = (args: readonly string[]) => run('npx', ['--no-install', ...args], project);

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'faultline-consumer-'));
  project = join(root, 'project');
  mkdirSync(join(project, 'test'), { recursive: true });
  // The global setup has just built dist/; `prepare` would rebuild it under the CLI tests running beside.
  const pack = ['pack', '--ignore-scripts', '--pack-destination', root, '--silent'];
  const packed = expectOk(await run('npm', pack, REPO));
  tarball = join(root, packed.stdout.trim().split('\n').at(-1) as string);
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2),
  );
  const peers = ['msw', 'nock', 'vitest', 'fast-check', 'typescript', '@types/node'];
  expectOk(
    await run(
      'npm',
      [
        'install',
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
        '--save-dev',
        tarball,
        ...peers.map((name) => `${name}@${installedVersion(name)}`),
      ],
      project,
    ),
  );
}, 300_000);

afterAll(() => {
  // FAULTLINE_KEEP_CONSUMER=1 keeps the folder, to retrace a failure by hand.
  if (root && !process.env.FAULTLINE_KEEP_CONSUMER) rmSync(root, { recursive: true, force: true });
}, 120_000);

describe('the packed tarball', () => {
  it('ships the build, the LICENSE and the README, and no sources, tests or bench', async () => {
    const listing = expectOk(await run('tar', ['-tzf', tarball], root)).stdout.split('\n');
    expect(listing).toContain('package/dist/src/index.js');
    expect(listing).toContain('package/dist/src/index.d.ts');
    expect(listing).toContain('package/dist/plugins/mock-analysis/index.js');
    expect(listing).toContain('package/LICENSE');
    expect(listing).toContain('package/README.md');
    const unwanted = listing.filter((file) => /^package\/(src|test|bench|\.ci|plugins)\//.test(file));
    expect(unwanted).toEqual([]);
  });

  it('passes publint and arethetypeswrong', async () => {
    expectOk(await run(join(REPO, 'node_modules/.bin/publint'), ['--strict', tarball], REPO));
    // CommonJS users load the ES modules through Node 20.19's require(esm) (engines: >=20.19, and the
    // require test below), which attw still counts as a problem; node10 resolution knows no exports.
    expectOk(
      await run(
        join(REPO, 'node_modules/.bin/attw'),
        [tarball, '--profile', 'node16', '--ignore-rules', 'cjs-resolves-to-esm', '--no-color'],
        REPO,
      ),
    );
  }, 120_000);
});

describe('an installed faultline', () => {
  it('imports every entry from plain Node ESM, and runs a scenario', async () => {
    writeFileSync(
      join(project, 'esm.mjs'),
      `import * as main from 'faultline';
import * as msw from 'faultline/msw';
import * as nock from 'faultline/nock';
import * as testing from 'faultline/testing';
import * as vitest from 'faultline/vitest';
const result = await main.runScenario(main.parseScenario('inline.yaml', ${JSON.stringify(SMOKE_SCENARIO)}), { seed: 3 });
console.log(JSON.stringify({
  entries: [typeof main.runScenario, typeof msw.installMswChaos, typeof nock.installNockChaos, typeof testing.checkLaw, typeof vitest.useChaos],
  total: result.requests.total,
  brand: main.isFaultlineError(new main.PluginError('PLUGIN_INVALID', 'x')),
}));
`,
    );
    const out = JSON.parse(expectOk(await run(process.execPath, ['esm.mjs'], project)).stdout);
    expect(out).toEqual({ entries: Array(5).fill('function'), total: 50, brand: true });
  }, 60_000);

  it('is required from CommonJS', async () => {
    writeFileSync(
      join(project, 'cjs.cjs'),
      `const { parseScenario, runScenario } = require('faultline');
runScenario(parseScenario('inline.yaml', ${JSON.stringify(SMOKE_SCENARIO)}), { seed: 3 }).then((result) =>
  console.log(JSON.stringify({ total: result.requests.total, availability: result.availability })),
);
`,
    );
    const out = JSON.parse(expectOk(await run(process.execPath, ['cjs.cjs'], project)).stdout);
    expect(out).toEqual({ total: 50, availability: 1 });
  }, 60_000);

  it('runs its CLI through npx: --version, init, then run', async () => {
    const version = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).version as string;
    expect(expectOk(await npx(['faultline', '--version'])).stdout.trim()).toBe(version);
    expectOk(await npx(['faultline', 'init']));
    const ran = expectOk(await npx(['faultline', 'run']));
    expect(ran.stdout).toContain('first-scenario');
    expect(readdirSync(join(project, 'faultline-results'))).toContain('first-scenario.json');
  }, 120_000);

  it('scaffolds a plugin whose printed path works from a scenario in scenarios/', async () => {
    const created = expectOk(await npx(['faultline', 'new', 'plugin', 'myapi']));
    const hinted = /plugin: (\S+) \}/.exec(created.stdout)?.[1];
    expect(hinted).toBe('../plugins/myapi/index.ts');
    writeFileSync(
      join(project, 'scenarios/myapi.yaml'),
      `name: myapi
backends: { primary: { plugin: ${hinted}, options: { latencyMs: 40 } } }
workload: { model: closed, clients: 2, requests: 100 }
hypotheses: [{ metric: availability, op: ">=", value: 0.99 }]
`,
    );
    const ran = expectOk(await npx(['faultline', 'run', 'scenarios/myapi.yaml', '--out', 'myapi.json']));
    expect(ran.stdout).toContain('1 passed');
    const result = JSON.parse(readFileSync(join(project, 'myapi.json'), 'utf8'));
    expect(result.requests.total).toBe(100);
    expect(result.latency.p50).toBeCloseTo(40, 0);
  }, 120_000);

  it('loads a TypeScript client from outside the project through the msw plugin', async () => {
    mkdirSync(join(root, 'elsewhere'));
    copyFileSync(join(FIXTURES, 'outside-client.ts'), join(root, 'elsewhere/client.ts'));
    writeFileSync(
      join(project, 'scenarios/own-client.yaml'),
      `name: own-client
backends: { primary: { plugin: msw, options: { client: ../../elsewhere/client.ts } } }
workload: { model: closed, clients: 1, requests: 20 }
phases: [{ name: flaky, from: 0s, faults: [{ kind: error, status: 503, rate: 0.5 }] }]
hypotheses: [{ metric: requests.total, op: "==", value: 20 }]
`,
    );
    expectOk(await npx(['faultline', 'run', 'scenarios/own-client.yaml', '--out', 'own-client.json']));
    const result = JSON.parse(readFileSync(join(project, 'own-client.json'), 'utf8'));
    expect(result.requests.total).toBe(20);
    // The client's real fetch went through msw and met the injected 503s.
    expect(result.requests.failed).toBeGreaterThan(0);
    expect(result.requests.succeeded).toBeGreaterThan(0);
  }, 120_000);

  it('runs scenarios in worker threads from the installed package, as in this thread', async () => {
    // The two scenarios above: a TypeScript plugin and a TypeScript client module, each loaded in a worker.
    const files = ['scenarios/myapi.yaml', 'scenarios/own-client.yaml'];
    const resultsOf = async (workers: string) => {
      const out = `workers-${workers}`;
      expectOk(
        await npx(['faultline', 'run', ...files, '--seed', '5', '--workers', workers, '--out-dir', out]),
      );
      return ['myapi.json', 'own-client.json'].map((file) => {
        const { environment: _environment, ...rest } = JSON.parse(
          readFileSync(join(project, out, file), 'utf8'),
        );
        return JSON.stringify(rest);
      });
    };
    const pooled = await resultsOf('2');
    expect(pooled).toEqual(await resultsOf('1'));
    expect(JSON.parse(pooled[0] as string).requests.total).toBe(100);
  }, 120_000);

  it("type-checks a user's files against every entry with strict NodeNext settings", async () => {
    mkdirSync(join(project, 'src'));
    copyFileSync(join(FIXTURES, 'uses-every-entry.ts'), join(project, 'src/uses-every-entry.ts'));
    copyFileSync(join(FIXTURES, 'chaos.consumer-test.ts'), join(project, 'test/chaos.test.ts'));
    writeFileSync(join(project, 'test/readme.test.ts'), readmeExample());
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          exactOptionalPropertyTypes: true,
          allowImportingTsExtensions: true,
          noEmit: true,
          types: ['node'],
        },
        // The scaffolded plugin and its test too.
        include: ['src', 'test', 'plugins'],
      }),
    );
    const checked = await npx(['tsc', '-p', '.']);
    expect(checked.stdout + checked.stderr).toBe('');
    expect(checked.code).toBe(0);
  }, 120_000);

  it("runs the user's vitest suite with faultline/vitest and faultline/testing, and the README's example", async () => {
    copyFileSync(join(FIXTURES, 'chaos.consumer-test.ts'), join(project, 'test/chaos.test.ts'));
    writeFileSync(join(project, 'test/readme.test.ts'), readmeExample());
    const report = join(project, 'vitest-report.json');
    expectOk(await npx(['vitest', 'run', '--reporter=json', `--outputFile=${report}`]));
    const results = JSON.parse(readFileSync(report, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      testResults: { name: string }[];
    };
    // Ours (2), the README's (1) and the test `faultline new plugin` scaffolded (2).
    expect(results.numFailedTests).toBe(0);
    expect(results.numPassedTests).toBe(5);
    expect(results.testResults.map((file) => file.name.slice(project.length)).sort()).toEqual([
      '/plugins/myapi/myapi.test.ts',
      '/test/chaos.test.ts',
      '/test/readme.test.ts',
    ]);
  }, 180_000);

  // Last: it takes msw and fast-check away.
  it('names a missing optional peer in one line, with the command that installs it', async () => {
    const uninstall = ['uninstall', '--prefer-offline', '--no-audit', '--no-fund', 'msw', 'fast-check'];
    expectOk(await run('npm', uninstall, project));
    const failed = await npx(['faultline', 'run', 'scenarios/own-client.yaml']);
    expect(failed.code).toBe(2);
    expect(failed.stderr.trim().split('\n')).toHaveLength(1);
    // Told as a problem of the scenario field that names the plugin (file:line at backends.primary.plugin).
    expect(failed.stderr).toMatch(
      /own-client\.yaml:2:\d+ at backends\.primary\.plugin: backend plugin "msw" needs the msw package, which is not installed: npm install --save-dev msw$/m,
    );
    const check = await npx(['faultline', 'check', 'scenarios/first-scenario.yaml']);
    expect(check.code).toBe(2);
    expect(check.stderr).toBe(
      'faultline: faultline check needs the fast-check package, which is not installed: npm install --save-dev fast-check\n',
    );
  }, 120_000);
});
