import { mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_SCENARIO_BYTES } from '../../src/scenario/yaml-source.ts';
import { type CliRun, inBatches, REPO, runCli } from './cli-process.ts';

const CORPUS = resolve(REPO, 'test/fixtures/bad-scenarios');

/** What each file's one-line message must say (besides naming the file). */
const EXPECTED: Record<string, RegExp> = {
  'alias-bomb-merge-keys.yaml': /too many YAML alias expansions/,
  'alias-bomb.yaml': /too many YAML alias expansions/,
  'bad-hypothesis-shorthand.yaml': /:3:\d+ at hypotheses\[0\]: Failed to read hypothesis/,
  'constructor-prototype.json': /at policies\.constructor: the key "constructor" is not allowed/,
  'empty.yaml': /must be a mapping/,
  'env-variable-missing.yaml':
    /:3:\d+ at description: environment variable FAULTLINE_TEST_SURELY_UNSET is not set/,
  'missing-duration-and-requests.yaml': /at workload: give the workload a duration/,
  'missing-workload.yaml': /at workload: is required/,
  'not-a-mapping.yaml': /must be a mapping/,
  'plugin-options-invalid.yaml':
    /:3:\d+ at backends\.primary\.options\.latency\.ms: .*plugin "mock-analysis"/,
  'plugin-path-missing.yaml':
    /:3:\d+ at backends\.primary\.plugin: backend plugin file .*no-such-plugin\.ts does not exist/,
  'proto-in-plugin-options.yaml':
    /at backends\.primary\.options\.__proto__: the key "__proto__" is not allowed/,
  'proto-top-level.yaml': /at __proto__: the key "__proto__" is not allowed/,
  'quorum-too-large.yaml': /:4:\d+ at topology\.quorum: quorum 3 exceeds the 2 backends/,
  'range-breaker-ratio.yaml': /at policies\.breaker\.strategy\.threshold: must be at most 1 \(got 1\.5\)/,
  'range-fault-rate.yaml': /:7:\d+ at phases\[0\]\.faults\[0\]\.rate: must be at most 1 \(got 1\.5\)/,
  'range-max-attempts-zero.yaml': /at policies\.retry\.maxAttempts: must be at least 1 \(got 0\)/,
  'range-negative-latency.yaml':
    /:7:\d+ at phases\[0\]\.faults\[0\]\.distribution\.ms: must be at least 0 \(got -5\)/,
  'range-status-999.yaml': /at phases\[0\]\.faults\[0\]\.status: must be at most 599 \(got 999\)/,
  'range-workload-rate-zero.yaml': /at workload\.rate: .*\(got 0\)/,
  'syntax-bad-indent.yaml': /:3:\d+: .*fix the YAML syntax/,
  'syntax-custom-tag.yaml': /:1:\d+: Unresolved tag.*no YAML tags/,
  'syntax-duplicate-key.yaml': /:3:1: Map keys must be unique; remove or rename the duplicate key/,
  'syntax-missing-comma.json': /:1:\d+: .*fix the YAML syntax/,
  'syntax-tab-indent.yaml': /:3:1: Tabs are not allowed/,
  'syntax-two-documents.yaml': /multiple documents/,
  'syntax-unclosed-flow.yaml': /: Flow map .*fix the YAML syntax/,
  'type-clients-float.yaml': /at workload\.clients: expected int but got 2\.5/,
  'type-duration-words.yaml':
    /at workload\.duration: expected a non-negative duration .*\(got "ten minutes"\)$/,
  'type-hypotheses-not-list.yaml': /at hypotheses: expected array/,
  'type-name-number.yaml': /:1:\d+ at name: expected string but got 42/,
  'type-phases-mapping.yaml': /at phases: expected array/,
  'type-rate-string.yaml': /at workload\.rate: expected number but got "fast"/,
  'unknown-backend-target.yaml':
    /:3:\d+ at phases\[0\]\.faults\[0\]\.target: fault target "secondary" is not in backends/,
  'unknown-fault-kind.yaml': /at phases\[0\]\.faults\[0\]\.kind: Invalid discriminator value/,
  'unknown-metric.yaml': /at hypotheses\[0\]\.metric: must be one of .*did you mean "latency\.p99"\?/,
  'unknown-phase-in-hypothesis.yaml': /:4:\d+ at hypotheses\[0\]\.phase: phase "outtage" is not defined/,
  'unknown-plugin.yaml': /:3:\d+ at backends\.primary\.plugin: unknown backend plugin "does-not-exist"/,
  'unknown-policy-key.yaml':
    /at policies\.retry\.maxAttempt: unknown key "maxAttempt"; did you mean "maxAttempts"\?/,
  'unknown-top-level-key.yaml': /at policis: unknown key "policis"; did you mean "policies"\?/,
  'unknown-topology-backend.yaml': /at topology\.order\[1\]: backend "secondary" is not in backends/,
  'wrong-extension.txt': /unsupported file type "\.txt"/,
};

/** Cases that cannot live in git as files: made fresh in a temporary folder. */
function generatedCases(): Record<string, RegExp> {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-bad-'));
  const valid = 'name: ok\nworkload: { model: open, rate: 10, duration: 10s }\n';
  writeFileSync(join(dir, 'oversized.yaml'), `${valid}# ${'x'.repeat(MAX_SCENARIO_BYTES)}\n`);
  mkdirSync(join(dir, 'a-folder.yaml'));
  symlinkSync(join(dir, 'nowhere.yaml'), join(dir, 'dangling-link.yaml'));
  writeFileSync(join(dir, 'ts-syntax-error.ts'), "export default { name: 'bad', workload: { model: 'open'\n");
  writeFileSync(
    join(dir, 'ts-invalid-shape.ts'),
    "export default { name: 'bad', workload: { model: 'open', rate: -1, duration: '10s' } };\n",
  );
  return {
    [join(dir, 'oversized.yaml')]: /is \d+ bytes, over the \d+-byte limit/,
    [join(dir, 'a-folder.yaml')]: /a-folder\.yaml/,
    [join(dir, 'dangling-link.yaml')]: /dangling-link\.yaml: file not found/,
    [join(dir, 'missing.yaml')]: /missing\.yaml: file not found/,
    [join(dir, 'ts-syntax-error.ts')]: /ts-syntax-error\.ts: failed to load/,
    [join(dir, 'ts-invalid-shape.ts')]:
      /ts-invalid-shape\.ts at workload\.rate: must be at least 0 \(got -1\)/,
  };
}

function expectOneLineError(run: CliRun, file: string, fragment: RegExp): void {
  const context = `${file}\nstdout: ${run.stdout}\nstderr: ${run.stderr}`;
  expect(run.code, context).toBe(2);
  expect(run.stderr, context).not.toContain('    at ');
  const lines = run.stderr.split('\n').filter((line) => line.trim() !== '');
  expect(lines, context).toHaveLength(1);
  expect(lines[0], context).toMatch(/^faultline: /);
  expect(lines[0], context).toContain(basename(file));
  expect(lines[0], context).toMatch(fragment);
}

describe('bad scenario corpus, through the real CLI', () => {
  it('has a known expectation for every file in the corpus, and at least 30 cases in all', () => {
    expect(readdirSync(CORPUS).sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(Object.keys(EXPECTED).length + 6).toBeGreaterThanOrEqual(30);
  });

  it('gives exit code 2 and one line naming the problem, no stack trace, for validate and run', async () => {
    const cases = [
      ...Object.entries(EXPECTED).map(
        ([name, fragment]) => [join('test/fixtures/bad-scenarios', name), fragment] as const,
      ),
      ...Object.entries(generatedCases()),
    ];
    const out = mkdtempSync(join(tmpdir(), 'faultline-bad-out-'));
    const runs = await inBatches(
      cases.flatMap(([file, fragment]) => [
        async () => ({ file, fragment, run: await runCli(['validate', file]) }),
        async () => ({ file, fragment, run: await runCli(['run', file, '--out-dir', out]) }),
      ]),
      8,
    );
    for (const { file, fragment, run } of runs) expectOneLineError(run, file, fragment);
    // Nothing ran, so nothing was written.
    expect(readdirSync(out)).toEqual([]);
  }, 180_000);
});
