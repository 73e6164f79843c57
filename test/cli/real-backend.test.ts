import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phaseSchema } from '../../src/faults/schema.ts';
import { type RunningServer, startServer } from '../../src/http/server.ts';
import { runCli } from './cli-process.ts';

const KEY = 'fl-test-key-7d3c1e9a';

describe('run --real-backend --api-url', () => {
  let server: RunningServer;
  const dir = mkdtempSync(join(tmpdir(), 'faultline-real-'));
  beforeAll(async () => {
    process.env.FL_REAL_TEST_KEY = KEY;
    server = await startServer({ authEnv: 'FL_REAL_TEST_KEY' });
  });
  afterAll(async () => {
    await server.close();
    delete process.env.FL_REAL_TEST_KEY;
  });

  it('sends the scenario’s traffic to the real API in real time, faults and policies included', async () => {
    const file = join(dir, 'demo.yaml');
    writeFileSync(
      file,
      `name: real-demo
backends: { primary: { plugin: mock-analysis } }
policies: { retry: { maxAttempts: 3, backoff: { type: constant, delay: 10ms } } }
workload: { model: closed, clients: 2, requests: 40 }
phases: [{ name: flaky, from: 0s, faults: [{ kind: error, status: 503, rate: 0.3 }] }]
hypotheses: ['availability >= 0.9']
`,
    );
    const out = join(dir, 'result.json');
    const run = await runCli(
      [
        'run',
        file,
        '--real-backend',
        '--api-url',
        server.url,
        '--api-key-env',
        'FL_REAL_TEST_KEY',
        '--out',
        out,
      ],
      { env: { FL_REAL_TEST_KEY: KEY } },
    );
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(readFileSync(out, 'utf8'));
    expect(result.mode).toBe('real-time');
    expect(result.requests.total).toBe(40);
    // Every call the injected 503s let through reached the real server, authenticated.
    expect(result.backend.reached).toBeGreaterThanOrEqual(result.requests.succeeded);
    expect(result.backend.calls).toBeGreaterThan(result.requests.total);
    expect(`${run.stdout}${run.stderr}${readFileSync(out, 'utf8')}`).not.toContain(KEY);
    // This server serves no phases: the run says it applies the faults itself, and how to reproduce it.
    expect(run.stdout).toContain(`faults: applied by this run, in front of ${server.url}`);
    expect(result.faults.injected.error).toBeGreaterThan(0);
    expect(result.replay.realBackend).toEqual({ url: server.url, apiKeyEnv: 'FL_REAL_TEST_KEY' });
  }, 60_000);

  it('applies only client-side policies when the API is a faultline serve that serves the phases', async () => {
    const phases = phaseSchema.array().parse([{ name: 'served', from: 0 }]);
    const serve = await startServer({ phases });
    try {
      const file = join(dir, 'served.yaml');
      // Were the scenario's faults applied here as well, every call would fail.
      writeFileSync(
        file,
        `name: served-demo
backends: { primary: { plugin: mock-analysis } }
workload: { model: closed, clients: 1, requests: 10 }
phases: [{ name: served, from: 0s, faults: [{ kind: error, status: 503, rate: 1 }] }]
`,
      );
      const out = join(dir, 'served.json');
      const run = await runCli(['run', file, '--real-backend', '--api-url', serve.url, '--out', out]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain(
        `faults: served by faultline serve at ${serve.url} (phases served); this run applies only its client-side policies`,
      );
      const result = JSON.parse(readFileSync(out, 'utf8'));
      expect(result.requests).toMatchObject({ total: 10, succeeded: 10 });
      expect(result.faults.injected).toEqual({});
      expect(result.phases.map((phase: { name: string }) => phase.name)).toEqual(['served']);
    } finally {
      await serve.close();
    }
  }, 60_000);

  it('refuses --real-backend without --api-url', async () => {
    const run = await runCli(['run', 'scenarios/healthy-baseline.yaml', '--real-backend']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--real-backend needs --api-url/);
  });
});
