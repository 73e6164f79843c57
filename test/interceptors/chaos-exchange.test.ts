import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend, BackendRequest, BackendResponse, CallContext } from '../../src/backend/contract.ts';
import { installVirtualClock, type VirtualClock } from '../../src/clock/virtual-clock.ts';
import { createFaultPlan } from '../../src/faults/create-fault-plan.ts';
import { type Phase, phaseSchema } from '../../src/faults/schema.ts';
import { runInCallScope } from '../../src/interceptors/call-scope.ts';
import { type ChaosExchange, createChaosExchange } from '../../src/interceptors/chaos-exchange.ts';
import type { HttpAnswer } from '../../src/interceptors/http-answer.ts';
import { createRng } from '../../src/rng/rng.ts';

const BODY = { language: 'en', fallacies: [{ name: 'hasty generalisation' }] };
const BACKEND_MS = 10;
const ANALYZE: BackendRequest = { method: 'POST', path: '/api/analyze?lang=en', body: { text: 'x' } };

let clock: VirtualClock;
let backendCalls: number;
let open: ChaosExchange[];

beforeEach(() => {
  clock = installVirtualClock();
  backendCalls = 0;
  open = [];
});
afterEach(() => {
  for (const exchange of open) exchange.close();
  clock.uninstall();
});

const backend: Backend = {
  name: 'fake',
  async call(_request, ctx): Promise<BackendResponse> {
    backendCalls++;
    await ctx.clock.sleep(BACKEND_MS, ctx.signal);
    return { status: 200, headers: { 'content-type': 'application/json' }, body: BODY };
  },
};

function exchangeWith(...faults: unknown[]): ChaosExchange {
  const phase: Phase = phaseSchema.parse({ name: 'always', from: 0, faults });
  const exchange = createChaosExchange({
    plan: createFaultPlan([phase]),
    backend,
    backendName: 'primary',
    clock,
    rng: createRng(1),
  });
  open.push(exchange);
  return exchange;
}

/** Answers one request, driving virtual time until it settles; records when. */
async function answer(
  exchange: ChaosExchange,
  signal?: AbortSignal,
): Promise<{ answer: HttpAnswer; atMs: number }> {
  const settled = exchange.answer(ANALYZE, signal).then((a) => ({ answer: a, atMs: clock.now() }));
  await clock.drive(settled);
  return settled;
}

describe('chaos exchange: one fault effect, one HTTP answer', () => {
  it('answers with the backend JSON when no fault fires', async () => {
    const { answer: a, atMs } = await answer(exchangeWith());
    expect(a).toEqual({
      type: 'response',
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(BODY),
    });
    expect(atMs).toBe(BACKEND_MS);
  });

  it('turns a status fault into that status with Retry-After in whole seconds, without reaching the backend', async () => {
    const exchange = exchangeWith({ kind: 'error', status: 429, retryAfter: '1500ms' });
    const { answer: a } = await answer(exchange);
    expect(a).toMatchObject({ type: 'response', status: 429, headers: { 'retry-after': '2' } });
    const body = JSON.parse(a.type === 'response' ? a.body : '') as {
      error: { code: string; retryAfterMs: number };
    };
    expect(body.error).toMatchObject({ code: 'FAULT_INJECTED', retryAfterMs: 1500 });
    expect(backendCalls).toBe(0);
  });

  it.each([
    ['reset', 'ECONNRESET'],
    ['refused', 'ECONNREFUSED'],
    ['dns', 'ENOTFOUND'],
  ])('turns network %s into a connection failing with %s', async (error, code) => {
    const { answer: a, atMs } = await answer(exchangeWith({ kind: 'network', error }));
    expect(a).toEqual({ type: 'network-error', code });
    expect(atMs).toBe(0);
    expect(backendCalls).toBe(0);
  });

  it('fails a timeout fault with ETIMEDOUT after its wait, on the clock', async () => {
    const { answer: a, atMs } = await answer(exchangeWith({ kind: 'timeout', after: '2s' }));
    expect(a).toEqual({ type: 'network-error', code: 'ETIMEDOUT' });
    expect(atMs).toBe(2000);
  });

  it('delays the answer by a latency fault, then lets the backend answer', async () => {
    const { answer: a, atMs } = await answer(
      exchangeWith({ kind: 'latency', distribution: { type: 'fixed', ms: 300 } }),
    );
    expect(a).toMatchObject({ type: 'response', status: 200 });
    expect(atMs).toBe(300 + BACKEND_MS);
    expect(backendCalls).toBe(1);
  });

  it('sends a truncated body as a strict prefix of the JSON, which no longer parses', async () => {
    const { answer: a } = await answer(exchangeWith({ kind: 'malformed', mode: 'truncated' }));
    const full = JSON.stringify(BODY);
    const body = a.type === 'response' ? a.body : '';
    expect(full.startsWith(body) && body.length > 0 && body.length < full.length).toBe(true);
    expect(() => JSON.parse(body)).toThrow(SyntaxError);
  });

  it('holds a hang with no timer until the client gives up', async () => {
    const exchange = exchangeWith({ kind: 'network', error: 'hang' });
    const client = new AbortController();
    const settled = exchange.answer(ANALYZE, client.signal);
    expect(await clock.drive(settled)).toBe('idle');
    await clock.advance(3_600_000);
    client.abort(new Error('client timeout'));
    expect(await settled).toMatchObject({ type: 'aborted', reason: new Error('client timeout') });
  });

  it('ends a hang when the runner call it belongs to is aborted, or when the interception closes', async () => {
    const exchange = exchangeWith({ kind: 'network', error: 'hang' });
    const call = new AbortController();
    const ctx: CallContext = { signal: call.signal, clock, rng: createRng(2) };
    const inCall = runInCallScope(ctx, () => exchange.answer(ANALYZE));
    const outside = exchange.answer(ANALYZE);
    call.abort(new Error('policy timeout'));
    expect(await inCall).toMatchObject({ type: 'aborted', reason: new Error('policy timeout') });
    exchange.close();
    expect(await outside).toMatchObject({ type: 'aborted' });
  });

  it('counts exchanges per route (without the query) and faults by kind', async () => {
    const exchange = exchangeWith(
      { kind: 'latency', distribution: { type: 'fixed', ms: 5 } },
      { kind: 'error', status: 503 },
    );
    for (let i = 0; i < 3; i++) await answer(exchange);
    expect(exchange.stats.calls).toBe(3);
    expect(exchange.stats.callsByRoute).toEqual({ '/api/analyze': 3 });
    expect(exchange.stats.faultsByKind).toEqual({ latency: 3, error: 3 });
  });

  it("draws a runner call's faults from the call's rng and records the call's last answer", async () => {
    const exchange = exchangeWith({ kind: 'error', status: 503, rate: 0.5 });
    // The same plan and seed outside any exchange: the fake backend draws nothing, so the streams stay aligned.
    const reference = createFaultPlan([
      phaseSchema.parse({ name: 'always', from: 0, faults: [{ kind: 'error', status: 503, rate: 0.5 }] }),
    ]);
    const referenceRng = createRng(42);
    const ctx: CallContext = { signal: new AbortController().signal, clock, rng: createRng(42) };
    for (let i = 0; i < 50; i++) {
      const expectedFailure =
        reference.effectFor(ANALYZE, 'primary', clock.now(), referenceRng).failure !== undefined;
      const scoped = runInCallScope(ctx, async (scope) => ({
        answer: await exchange.answer(ANALYZE),
        scope,
      }));
      await clock.drive(scoped);
      const { answer: a, scope } = await scoped;
      expect(a.type === 'response' && a.status === 503).toBe(expectedFailure);
      expect(scope.lastAnswer).toBe(a);
    }
  });
});
