import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isFaultlineError } from '../../src/errors/faultline-error.ts';
import { livenessWarnings } from '../../src/runner/liveness-warnings.ts';
import { runScenario } from '../../src/runner/run-scenario.ts';
import { parseScenario } from '../../src/scenario/load-scenario.ts';
import { runCli } from '../cli/cli-process.ts';

/** The stall of issue 11: a closed loop with no think time and a phase where every call fails. */
const stall = ({ clients = 1, extra = '', thinkTime = '', duration = '60s' } = {}) => `name: stall
backends: { primary: { plugin: mock-analysis, options: { latency: { type: fixed, ms: 50 } } } }
workload: { model: closed, clients: ${clients}, duration: ${duration}${thinkTime} }
${extra}
phases: [ { name: outage, from: 10s, to: 20s, faults: [ { kind: error, status: 503, rate: 1 } ] } ]
`;
/** With a breaker the failures become rejections that take no time at all. */
const BREAKER = 'policies: { breaker: { halfOpenAfter: 5s, strategy: { type: consecutive, threshold: 5 } } }';

const run = (yaml: string) =>
  runScenario(parseScenario('stall.yaml', yaml, {}), { seed: 1, file: 'stall.yaml' });

describe('every simulated run ends', () => {
  it.each([1, 50])(
    'the stall scenario with %i client(s) runs to its end: an error reply costs a round trip',
    async (clients) => {
      // 50 clients cut to 25 s, the outage included: half a million requests is enough.
      const result = await run(stall({ clients, duration: clients > 1 ? '25s' : '60s' }));
      expect(result.complete).toBe(true);
      expect(result.durationMs).toBeGreaterThanOrEqual(clients > 1 ? 25_000 : 60_000);
      // One client: 10 s of 1 ms failures, the rest 50 ms answers.
      expect(result.requests.failuresByCode.HTTP_503).toBeGreaterThan(clients * 9_000);
    },
    60_000,
  );

  it.each([1, 50])(
    'with a breaker and %i client(s) it stops with one line naming the cause and the fix',
    async (clients) => {
      const error = await run(stall({ clients, extra: BREAKER })).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isFaultlineError(error) && error.code).toBe('SIMULATION_NO_PROGRESS');
      const message = (error as Error).message;
      expect(message).not.toContain('\n');
      expect(message).toMatch(/^stall\.yaml: .*stopped making progress at 10\.\d{3} s .*thinkTime/);
    },
    60_000,
  );

  it('the same breaker scenario with think time runs as before', async () => {
    const result = await run(stall({ extra: BREAKER, thinkTime: ', thinkTime: 100ms' }));
    expect(result.complete).toBe(true);
    expect(result.breaker.opened).toBeGreaterThan(0);
    expect(result.requests.total).toBeGreaterThan(300);
  });

  it('the CLI prints the one line and exits 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-stall-'));
    const file = join(dir, 'stall.yaml');
    writeFileSync(file, stall({ extra: BREAKER }));
    const cli = await runCli(['run', file, '--out-dir', join(dir, 'out'), '-q']);
    expect(cli.code).toBe(2);
    expect(cli.stderr.trim().split('\n')).toHaveLength(1);
    expect(cli.stderr).toContain('stopped making progress');
  }, 30_000);
});

describe('validate warns about scenarios that may stall', () => {
  const warnings = (yaml: string) => livenessWarnings(parseScenario('stall.yaml', yaml, {}));

  it('warns about a closed loop with no think time and a breaker, not once think time is set', () => {
    expect(warnings(stall({ extra: BREAKER }))).toEqual([expect.stringMatching(/breaker.*thinkTime/)]);
    expect(warnings(stall({ extra: BREAKER, thinkTime: ', thinkTime: 100ms' }))).toEqual([]);
  });

  it('stays quiet when failures cost a round trip and nothing answers in 0 ms', () => {
    expect(warnings(stall())).toEqual([]);
  });
});
