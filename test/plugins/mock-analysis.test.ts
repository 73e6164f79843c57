import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import plugin, { DEFAULT_FAILURE_LATENCY, DEFAULT_LATENCY } from '../../plugins/mock-analysis/index.ts';
import { analysisRoute } from '../../src/analysis/router.ts';
import type { Backend, BackendRequest, CallContext } from '../../src/backend/contract.ts';
import { installVirtualClock, type VirtualClock } from '../../src/clock/virtual-clock.ts';
import { createRng, type Rng } from '../../src/rng/rng.ts';

const ANALYZE: BackendRequest = {
  method: 'POST',
  path: '/api/analyze',
  body: { text: 'You are a liar, so you are wrong.' },
};

let clock: VirtualClock;
beforeEach(() => {
  clock = installVirtualClock();
});
afterEach(() => {
  clock.uninstall();
});

async function backend(options: unknown): Promise<Backend> {
  return plugin.create(plugin.options.parse(options), { clock, rng: createRng(1), baseDir: '.' });
}

function context(rng: Rng = createRng(7), signal = new AbortController().signal): CallContext {
  return { clock, rng, signal };
}

/** Runs a call on virtual time and reports when it settled. */
async function timedCall(b: Backend, request: BackendRequest, ctx: CallContext) {
  const result = b.call(request, ctx).then(
    (response) => ({ response, atMs: clock.now() }),
    (error: unknown) => ({ error, atMs: clock.now() }),
  );
  await clock.drive(result);
  return result;
}

describe('mock-analysis plugin', () => {
  it('defaults to a lognormal base latency and a strict set of options', () => {
    expect(plugin.options.parse({})).toEqual({
      latency: DEFAULT_LATENCY,
      failureLatency: DEFAULT_FAILURE_LATENCY,
    });
    expect(plugin.options.safeParse({ latncy: { type: 'fixed', ms: 1 } }).success).toBe(false);
    expect(plugin.options.safeParse({ latency: { type: 'fixed', ms: -1 } }).success).toBe(false);
  });

  it('answers after exactly the fixed latency, with the router answer as JSON', async () => {
    const b = await backend({ latency: { type: 'fixed', ms: 200 } });
    const result = await timedCall(b, ANALYZE, context());
    expect(result.atMs).toBe(200);
    expect('response' in result && result.response).toEqual({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: analysisRoute('POST', '/api/analyze', ANALYZE.body).body,
    });
  });

  it("draws the latency from the call's rng: uniform 100–300 ms lands where the first draw puts it", async () => {
    const b = await backend({ latency: { type: 'uniform', minMs: 100, maxMs: 300 } });
    const waits: number[] = [];
    for (const label of ['a', 'b', 'c']) {
      const start = clock.now();
      const expected = 100 + 200 * createRng(9).fork(label).next();
      const result = await timedCall(b, ANALYZE, context(createRng(9).fork(label)));
      // Timers fire on whole milliseconds, so the wait is the draw to within 1 ms.
      expect(Math.abs(result.atMs - start - expected)).toBeLessThan(1);
      waits.push(result.atMs - start);
    }
    expect(new Set(waits).size).toBe(3);
  });

  it('has a median latency near the configured lognormal median', async () => {
    const b = await backend({ latency: { type: 'lognormal', medianMs: 200, sigma: 0.5 } });
    const rng = createRng(42);
    const done: number[] = [];
    const calls = Array.from({ length: 1001 }, () =>
      b.call(ANALYZE, context(rng)).then(() => done.push(clock.now())),
    );
    await clock.drive(Promise.all(calls));
    done.sort((x, y) => x - y);
    // The sample median of 1001 lognormal draws with sigma 0.5 is within ~2% of the true median (1 s.e.).
    expect(done[500]).toBeGreaterThan(200 * 0.92);
    expect(done[500]).toBeLessThan(200 * 1.08);
  });

  it('stops waiting when the call is aborted', async () => {
    const b = await backend({ latency: { type: 'fixed', ms: 200 } });
    const controller = new AbortController();
    clock.schedule(50, () => controller.abort(new Error('timed out by policy')));
    const result = await timedCall(b, ANALYZE, context(createRng(1), controller.signal));
    expect(result.atMs).toBe(50);
    expect('error' in result && (result.error as Error).message).toBe('timed out by policy');
  });

  it("returns the router's error statuses after the same latency", async () => {
    const b = await backend({ latency: { type: 'fixed', ms: 30 } });
    const result = await timedCall(
      b,
      { method: 'POST', path: '/api/analyze', body: { text: '' } },
      context(),
    );
    expect(result.atMs).toBe(30);
    expect('response' in result && result.response.status).toBe(400);
  });

  it('checks body shapes for the client and takes its name from the options', async () => {
    const b = await backend({ name: 'analysis-eu', latency: { type: 'fixed', ms: 0 } });
    expect(b.name).toBe('analysis-eu');
    expect((await backend({})).name).toBe('mock-analysis');
    const good = analysisRoute('POST', '/api/validate', { text: 'It rained, so the match is off.' }).body;
    expect(b.validate?.({ method: 'POST', path: '/api/validate' }, good)).toBeUndefined();
    expect(b.validate?.({ method: 'POST', path: '/api/validate' }, { verdict: 'valid' })).toBeTypeOf(
      'string',
    );
  });
});
