import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  }, 60_000);

  it('refuses --real-backend without --api-url', async () => {
    const run = await runCli(['run', 'scenarios/healthy-baseline.yaml', '--real-backend']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--real-backend needs --api-url/);
  });
});
