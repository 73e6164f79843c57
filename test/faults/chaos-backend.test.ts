import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend, BackendResponse, CallContext } from '../../src/backend/contract.ts';
import { installVirtualClock, type VirtualClock } from '../../src/clock/virtual-clock.ts';
import { NetworkError } from '../../src/errors/call-errors.ts';
import { type ChaosOptions, withChaos } from '../../src/faults/chaos-backend.ts';
import { createRng } from '../../src/rng/rng.ts';
import { alwaysPlan, get } from './plan-helpers.ts';

const ORIGINAL_BODY = { verdict: 'valid', fallacies: [{ name: 'ad hominem', span: [3, 9] }] };
const BACKEND_MS = 10;

/** A backend that takes 10 ms of (virtual) time and counts how often it really ran. */
function fakeBackend(): Backend & { calls: number } {
  const backend = {
    name: 'fake',
    calls: 0,
    async call(_request: unknown, ctx: CallContext): Promise<BackendResponse> {
      backend.calls++;
      await ctx.clock.sleep(BACKEND_MS, ctx.signal);
      return { status: 200, headers: { 'content-type': 'application/json' }, body: ORIGINAL_BODY };
    },
  };
  return backend;
}

type Settled =
  | { ok: true; value: BackendResponse; atMs: number }
  | { ok: false; error: unknown; atMs: number };

let clock: VirtualClock;
beforeEach(() => {
  clock = installVirtualClock();
});
afterEach(() => {
  clock.uninstall();
});

function setup(fault: unknown, options: ChaosOptions = {}) {
  const backend = fakeBackend();
  const controller = new AbortController();
  const ctx: CallContext = { signal: controller.signal, clock, rng: createRng(1) };
  const chaos = withChaos(backend, 'primary', alwaysPlan(...(fault ? [fault] : [])), options);
  /** Starts a call, recording when and how it settles. */
  const start = (): Promise<Settled> =>
    chaos.call(get(), ctx).then(
      (value) => ({ ok: true, value, atMs: clock.now() }),
      (error: unknown) => ({ ok: false, error, atMs: clock.now() }),
    );
  const run = async () => {
    const settled = start();
    await clock.drive(settled);
    return settled;
  };
  return { backend, controller, start, run };
}

describe('withChaos', () => {
  it('passes calls through untouched when no fault fires', async () => {
    const { backend, run } = setup(undefined);
    const result = await run();
    expect(result).toEqual({
      ok: true,
      value: { status: 200, headers: { 'content-type': 'application/json' }, body: ORIGINAL_BODY },
      atMs: BACKEND_MS,
    });
    expect(backend.calls).toBe(1);
  });

  it('answers an injected 503 with Retry-After without reaching the backend', async () => {
    const seen: string[] = [];
    const { backend, run } = setup(
      { kind: 'error', status: 503, retryAfter: '2s' },
      {
        onCall: (t) => seen.push(`call@${t}`),
        onReached: (t) => seen.push(`reached@${t}`),
        onInjected: (t, kinds) => seen.push(`injected@${t}:${kinds.join()}`),
      },
    );
    const result = await run();
    if (!result.ok) throw result.error;
    expect(result.value.status).toBe(503);
    expect(result.value.headers['retry-after']).toBe('2');
    expect(result.value.body).toMatchObject({ error: { code: 'FAULT_INJECTED', retryAfterMs: 2000 } });
    expect(result.atMs).toBe(0);
    expect(backend.calls).toBe(0);
    expect(seen).toEqual(['call@0', 'injected@0:error']);
  });

  it.each([
    ['reset', 'ECONNRESET'],
    ['refused', 'ECONNREFUSED'],
    ['dns', 'ENOTFOUND'],
  ])('network %s throws NetworkError %s without reaching the backend', async (error, code) => {
    const { backend, run } = setup({ kind: 'network', error });
    const result = await run();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBeInstanceOf(NetworkError);
    expect((result.error as NetworkError).code).toBe(code);
    expect(backend.calls).toBe(0);
  });

  it('a hang settles only when the caller aborts, with the abort reason', async () => {
    const { backend, controller, start } = setup({ kind: 'network', error: 'hang' });
    const settled = start();
    // No timer is pending and the call is still open: the driver reports it idle, as with a hung socket.
    expect(await clock.drive(settled)).toBe('idle');
    await clock.advance(60_000);
    let done = false;
    void settled.then(() => {
      done = true;
    });
    await clock.advance(1);
    expect(done).toBe(false);

    const reason = new Error('client gave up');
    controller.abort(reason);
    const result = await settled;
    expect(result).toMatchObject({ ok: false, error: reason, atMs: 60_001 });
    expect(backend.calls).toBe(0);
  });

  it('a timeout fault throws ETIMEDOUT exactly `after` later, without reaching the backend', async () => {
    const { backend, run } = setup({ kind: 'timeout', after: '1.5s' });
    const result = await run();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect((result.error as NetworkError).code).toBe('ETIMEDOUT');
    expect(result.atMs).toBe(1500);
    expect(backend.calls).toBe(0);
  });

  it('a delay shifts completion by exactly its length and the backend runs after it', async () => {
    const reachedAt: number[] = [];
    const { backend, run } = setup(
      { kind: 'latency', distribution: { type: 'fixed', ms: 250 } },
      { onReached: (t) => reachedAt.push(t) },
    );
    const result = await run();
    expect(result).toMatchObject({ ok: true, atMs: 250 + BACKEND_MS });
    expect(reachedAt).toEqual([250]);
    expect(backend.calls).toBe(1);
  });

  it('aborting during a delay rejects and never reaches the backend', async () => {
    const { backend, controller, start } = setup({
      kind: 'latency',
      distribution: { type: 'fixed', ms: 1000 },
    });
    const settled = start();
    await clock.advance(400);
    controller.abort(new Error('deadline'));
    const result = await settled;
    expect(result).toMatchObject({ ok: false, atMs: 400 });
    expect(backend.calls).toBe(0);
  });

  it.each(['truncated', 'garbage', 'empty'] as const)(
    'a %s body differs from the original and is not a valid JSON object',
    async (mode) => {
      const { backend, run } = setup({ kind: 'malformed', mode });
      const result = await run();
      if (!result.ok) throw result.error;
      expect(backend.calls).toBe(1);
      expect(result.value.status).toBe(200);
      const body = result.value.body;
      expect(typeof body).toBe('string');
      expect(body).not.toEqual(JSON.stringify(ORIGINAL_BODY));
      expect(parsesToObject(body as string)).toBe(false);
      if (mode === 'truncated') {
        expect(body).not.toBe('');
        expect(JSON.stringify(ORIGINAL_BODY).startsWith(body as string)).toBe(true);
      }
    },
  );

  it('counts every call entering the layer and only real backend runs as reached', async () => {
    let calls = 0;
    let reached = 0;
    const { run } = setup(
      { kind: 'fail-first', count: 2 },
      { onCall: () => calls++, onReached: () => reached++ },
    );
    for (let i = 0; i < 5; i++) await run();
    expect([calls, reached]).toEqual([5, 3]);
  });

  it('takes its draws from the given rng instead of the call context', async () => {
    const rng = createRng(99);
    const { run } = setup({ kind: 'error', status: 503, rate: 0.5 }, { rng });
    await run();
    const untouched = createRng(99);
    untouched.next();
    expect(rng.next()).toBe(untouched.next());
  });
});

function parsesToObject(text: string): boolean {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null;
  } catch {
    return false;
  }
}

describe('injected failures cost a round trip', () => {
  const withRoundTrip = (ms: number) => {
    const backend = { ...fakeBackend(), replyLatencyMs: () => ms };
    const ctx: CallContext = { signal: new AbortController().signal, clock, rng: createRng(1) };
    return (fault: unknown) => {
      const chaos = withChaos(backend, 'primary', alwaysPlan(fault));
      const settled = chaos.call(get(), ctx).then(
        () => clock.now(),
        () => clock.now(),
      );
      return clock.drive(settled).then(() => settled);
    };
  };

  it('an error status and a reset arrive after the backend’s reply latency, without reaching it', async () => {
    const call = withRoundTrip(2.5);
    expect(await call({ kind: 'error', status: 503 })).toBe(2.5);
    expect(await call({ kind: 'network', error: 'reset' })).toBe(5);
  });

  it('a backend without a reply latency fails at once', async () => {
    const { run } = setup({ kind: 'error', status: 503 });
    expect((await run()).atMs).toBe(0);
  });
});
