import { describe, expect, it } from 'vitest';
import { finished, runCli, startCli, waitForOutput } from '../cli/cli-process.ts';

const FALSE_PASS = 'test/fixtures/hostile-input/false-pass';

/** serve and proxy refuse the scenarios validate and run refuse: one line, exit 2, before listening. */
const refusal = async (args: string[]) => {
  const run = await runCli(args);
  expect(run.code, run.stderr).toBe(2);
  expect(run.stdout).not.toContain('faultline serve:');
  expect(run.stdout).not.toContain('faultline proxy:');
  const lines = run.stderr.trim().split('\n');
  expect(lines, run.stderr).toHaveLength(1);
  return lines[0];
};

describe('serve --scenario and proxy --scenario make the load-time checks of validate and run', {
  timeout: 30_000,
}, () => {
  it('serve refuses a duplicate phase name and an inverted phase', async () => {
    expect(
      await refusal(['serve', '--port', '0', '--scenario', `${FALSE_PASS}/duplicate-phase.yaml`]),
    ).toMatch(
      /^faultline: \S*duplicate-phase\.yaml:\d+:\d+ at phases\[1\]\.name: phase name "outage" is also/,
    );
    expect(
      await refusal(['serve', '--port', '0', '--scenario', `${FALSE_PASS}/inverted-phase.yaml`]),
    ).toMatch(
      /inverted-phase\.yaml:\d+:\d+ at phases\[0\]\.to: phase "outage" ends at 20s, not after it starts/,
    );
  });

  it('proxy refuses a phase starting after the run ends and a duplicate phase name', async () => {
    const proxy = ['proxy', '--target', 'http://127.0.0.1:9', '--port', '0', '--control-port', '0'];
    expect(await refusal([...proxy, '--scenario', `${FALSE_PASS}/phase-after-run.yaml`])).toMatch(
      /^faultline: \S*phase-after-run\.yaml\S* at phases\[0\]/,
    );
    expect(await refusal([...proxy, '--scenario', `${FALSE_PASS}/duplicate-phase.yaml`])).toMatch(
      /duplicate-phase\.yaml:\d+:\d+ at phases\[1\]\.name: phase name "outage" is also/,
    );
  });

  it('a scenario that validate accepts is still served', async () => {
    const serve = startCli(['serve', '--port', '0', '--scenario', 'scenarios/outage-with-fallback.yaml']);
    try {
      expect(await waitForOutput(serve, /faultline serve: http:\S+/)).toMatch(/faultline serve: http:/);
    } finally {
      serve.kill('SIGINT');
      await finished(serve);
    }
  });
});
