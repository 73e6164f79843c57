import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { type ChaosHandle, useChaos } from '../../src/testing/vitest.ts';
import analyseWithFetch from '../fixtures/clients/fetch-client.ts';

const ANALYZE = {
  method: 'POST',
  path: '/api/analyze',
  body: { text: 'Nobody has proved it false, so it is true.' },
} as const;
const FIXED_20MS = { plugin: 'mock-analysis', options: { latency: { type: 'fixed', ms: 20 } } };

/** One call of the plain fetch client: 'ok' or the error's name. */
function call(chaos: ChaosHandle): Promise<string> {
  return analyseWithFetch(ANALYZE, { signal: new AbortController().signal, baseUrl: chaos.baseUrl }).then(
    () => 'ok',
    (error: Error) => error.name,
  );
}

describe('useChaos around each test', () => {
  const chaos = useChaos([{ kind: 'error', status: 500, rate: 1, routes: ['/api/validate'] }], {
    backend: FIXED_20MS,
  });

  it('counts this test’s exchanges', async () => {
    expect(await call(chaos)).toBe('ok');
    expect(await call(chaos)).toBe('ok');
    expect(chaos.stats.callsByRoute).toEqual({ '/api/analyze': 2 });
  });

  it('starts the next test from zero', () => {
    expect(chaos.stats.calls).toBe(0);
    expect(chaos.stats.faultsByKind).toEqual({});
  });

  it('has no virtual time unless asked', async () => {
    expect(chaos.clock.kind).toBe('real');
    await expect(chaos.advance(10)).rejects.toMatchObject({ code: 'CHAOS_NOT_VIRTUAL' });
  });
});

describe('a 5-minute outage through msw on the virtual clock', () => {
  const chaos = useChaos(
    [
      { name: 'healthy', from: '0s', to: '1m' },
      { name: 'outage', from: '1m', to: '6m', faults: [{ kind: 'network', error: 'refused' }] },
      { name: 'recovery', from: '6m' },
    ],
    { virtualTime: true, backend: FIXED_20MS },
  );

  it('runs a client calling once a second for 7 minutes, failing exactly the 300 calls of the outage', async () => {
    const outcomes = { ok: 0, failed: 0 };
    const sevenMinutes = (async () => {
      for (let second = 0; second < 420; second++) {
        const started = chaos.clock.now();
        if ((await call(chaos)) === 'ok') outcomes.ok++;
        else outcomes.failed++;
        await chaos.clock.sleep(1000 - (chaos.clock.now() - started));
      }
    })();
    await chaos.run(sevenMinutes);
    // Calls start at 0 s, 1 s ... 419 s; those at 60 ... 359 s fall in [1m, 6m).
    expect(outcomes).toEqual({ ok: 120, failed: 300 });
    expect(chaos.stats.faultsByKind).toEqual({ network: 300 });
    expect(chaos.clock.now()).toBe(420_000);
  });

  it('moves time with advance(): the outage is on after a minute', async () => {
    expect(await chaos.run(call(chaos))).toBe('ok');
    await chaos.advance(60_000);
    expect(await chaos.run(call(chaos))).toBe('TypeError');
  });
});

describe('a scenario file', () => {
  const chaos = useChaos('scenarios/outage-with-fallback.yaml', { virtualTime: true });

  it("applies the scenario's phases against its own backend", async () => {
    await chaos.advance(3 * 60_000 + 1000);
    expect(await chaos.run(call(chaos))).toBe('TypeError');
    await chaos.advance(2 * 60_000);
    const before = chaos.clock.now();
    expect(await chaos.run(call(chaos))).toBe('ok');
    // The scenario's mock-analysis answers after a lognormal latency (median 150 ms), not at once.
    expect(chaos.clock.now()).toBeGreaterThan(before);
    expect(chaos.stats.faultsByKind).toEqual({ network: 1 });
  });
});

describe('work that can never finish', () => {
  const chaos = useChaos([{ kind: 'network', error: 'hang' }], { virtualTime: true });

  it('makes run() fail instead of waiting forever', async () => {
    await expect(chaos.run(call(chaos))).rejects.toMatchObject({ code: 'CHAOS_WORK_STUCK' });
  });
});

describe('a request no route answers', () => {
  it('fails its test even when the client swallows the error', async () => {
    const run = promisify(execFile);
    const config = resolve('test/fixtures/use-chaos/vitest.config.ts');
    const vitest = resolve('node_modules/vitest/vitest.mjs');
    const output = await run(process.execPath, [vitest, 'run', '--config', config, '--reporter=json'], {
      env: { ...process.env, NO_COLOR: '1' },
    }).then(
      (done) => done.stdout,
      (failed: { stdout: string }) => failed.stdout,
    );
    const report = JSON.parse(output) as {
      testResults: { assertionResults: { title: string; status: string; failureMessages: string[] }[] }[];
    };
    const results = report.testResults.flatMap((file) => file.assertionResults);
    expect(results.map((r) => [r.title, r.status])).toEqual([
      ['swallows the error of a request to a route nobody answers', 'failed'],
      ['calls only answered routes', 'passed'],
    ]);
    expect(results[0]?.failureMessages[0]).toContain('GET http://analysis.faultline.test/api/unknown');
  }, 60_000);
});
