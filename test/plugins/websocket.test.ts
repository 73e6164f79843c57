import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import plugin, { type WebSocketBackend } from '../../plugins/websocket/index.ts';
import type { BackendRequest, CallContext } from '../../src/backend/contract.ts';
import { createRealClock } from '../../src/clock/real-clock.ts';
import { isFaultlineError } from '../../src/errors/faultline-error.ts';
import type { Fault } from '../../src/faults/schema.ts';
import { clearSecrets } from '../../src/logging/secrets.ts';
import { createRng } from '../../src/rng/rng.ts';
import { type RunningWebSocketServer, startWebSocketServer } from '../../src/websocket/server.ts';

const clock = createRealClock();
const ANALYZE: BackendRequest = {
  method: 'POST',
  path: '/api/analyze',
  body: { text: 'It rains, so it is wet.' },
};
const KEY_ENV = 'FAULTLINE_TEST_WS_PLUGIN_KEY';
const KEY = 'sk-test-ws-0123456789abcdef';
const context = (signal = new AbortController().signal): CallContext => ({
  clock,
  rng: createRng(1),
  signal,
});

let server: RunningWebSocketServer;
const opened: WebSocketBackend[] = [];
async function open(
  options: Record<string, unknown> = {},
  allowInsecureHttp = false,
): Promise<WebSocketBackend> {
  const created = (await plugin.create(
    plugin.options.parse({ url: server.url, apiKeyEnv: KEY_ENV, ...options }),
    {
      clock,
      rng: createRng(1),
      baseDir: '.',
      allowInsecureHttp,
    },
  )) as WebSocketBackend;
  opened.push(created);
  return created;
}
const only = (fault: Fault) => server.faults.setFaults([fault]);

beforeAll(async () => {
  process.env[KEY_ENV] = KEY;
  server = await startWebSocketServer({ authEnv: KEY_ENV, seed: 3 });
});
afterEach(async () => {
  server.faults.setFaults([]);
  server.handshakeFaults.setFaults([]);
  await Promise.all(opened.splice(0).map((backend) => backend.close?.()));
});
afterAll(async () => {
  delete process.env[KEY_ENV];
  clearSecrets();
  await server.close();
});

async function failure(backend: WebSocketBackend, ctx = context()): Promise<Error> {
  try {
    await backend.call(ANALYZE, ctx);
  } catch (error) {
    return error as Error;
  }
  throw new Error('the call succeeded');
}

describe('websocket plugin', () => {
  it('runs many calls over one session with the key from the environment', async () => {
    const backend = await open();
    const responses = await Promise.all([1, 2, 3].map(() => backend.call(ANALYZE, context())));
    for (const response of responses) {
      expect(response.status).toBe(200);
      expect(backend.validate?.(ANALYZE, response.body)).toBeUndefined();
    }
    expect(backend.stats.connects).toBe(1);
  });

  it('is refused the handshake without the key (401), and the key never shows', async () => {
    const backend = await open({ apiKeyEnv: undefined });
    const error = await failure(backend);
    expect(error).toMatchObject({ kind: 'http', status: 401 });
    expect(`${error.message}`).not.toContain(KEY);
  });

  it('refuses ws:// off loopback and a missing key variable with coded errors', async () => {
    await expect(open({ url: 'ws://10.1.2.3:8788/api/ws' })).rejects.toSatisfy(
      (error: unknown) => isFaultlineError(error) && error.code === 'WS_INSECURE_URL',
    );
    await expect(open({ apiKeyEnv: 'FAULTLINE_TEST_WS_UNSET' })).rejects.toSatisfy(
      (error: unknown) => isFaultlineError(error) && error.code === 'WS_API_KEY_MISSING',
    );
  });

  it('reads a status reply as that status, Retry-After included', async () => {
    const backend = await open();
    only({ kind: 'error', status: 429, retryAfter: 3000, rate: 1 });
    const response = await backend.call(ANALYZE, context());
    expect(response).toMatchObject({ status: 429, headers: { 'retry-after': '3' } });
  });

  it('fails pending calls on an abrupt close (ECONNRESET) and on 1013 (ECONNREFUSED), then reconnects with backoff', async () => {
    const backend = await open({ reconnect: { initialDelay: 40, maxDelay: 1000 } });
    await backend.call(ANALYZE, context());
    only({ kind: 'network', error: 'reset', rate: 1 });
    expect(await failure(backend)).toMatchObject({ kind: 'network', code: 'ECONNRESET' });
    only({ kind: 'network', error: 'refused', rate: 1 });
    expect(await failure(backend)).toMatchObject({ kind: 'network', code: 'ECONNREFUSED' });
    server.faults.setFaults([]);
    expect((await backend.call(ANALYZE, context())).status).toBe(200);
    expect(backend.stats.connects).toBe(3);
    expect(backend.stats.reconnects).toBe(2);
    expect(Object.fromEntries(backend.stats.closesByCode)).toEqual({ 1006: 1, 1013: 1 });
  });

  it('backs off longer while connects keep failing, and recovers when the server lets it in', async () => {
    const backend = await open({ reconnect: { initialDelay: 50, maxDelay: 400 } });
    server.handshakeFaults.setFaults([{ kind: 'error', status: 503, rate: 1, routes: ['/api/ws'] }]);
    for (let i = 0; i < 4; i++) expect(await failure(backend)).toMatchObject({ status: 503 });
    expect(backend.stats.reconnects).toBe(3);
    // Full jitter under a ceiling that doubled from 50 ms: the last wait is below 400 ms.
    expect(backend.stats.lastReconnectDelayMs).toBeLessThanOrEqual(400);
    server.handshakeFaults.setFaults([]);
    expect((await backend.call(ANALYZE, context())).status).toBe(200);
  });

  it('finds a half-open session by its unanswered ping and reconnects', async () => {
    const backend = await open({ pingInterval: 30, pingTimeout: 30 });
    server.handshakeFaults.setFaults([{ kind: 'network', error: 'hang', rate: 1, routes: ['/api/ws'] }]);
    const error = await failure(backend);
    expect(error).toMatchObject({ code: 'ECONNRESET' });
    expect(backend.stats.halfOpenDetected).toBe(1);
    server.handshakeFaults.setFaults([]);
    expect((await backend.call(ANALYZE, context())).status).toBe(200);
  });

  it('gives a dropped message back to the caller’s signal (the timeout policy)', async () => {
    const backend = await open();
    only({ kind: 'network', error: 'hang', rate: 1 });
    const controller = new AbortController();
    const pending = failure(backend, context(controller.signal));
    setTimeout(() => controller.abort(new Error('policy timeout')), 50);
    expect((await pending).message).toBe('policy timeout');
  });

  it('lets one call’s timeout leave a shared connect running for the others', async () => {
    const backend = await open();
    server.handshakeFaults.setFaults([
      { kind: 'latency', distribution: { type: 'fixed', ms: 100 }, rate: 1, routes: ['/api/ws'] },
    ]);
    const impatient = new AbortController();
    const first = failure(backend, context(impatient.signal));
    const second = backend.call(ANALYZE, context());
    setTimeout(() => impatient.abort(new Error('policy timeout')), 20);
    expect((await first).message).toBe('policy timeout');
    expect((await second).status).toBe(200);
    expect(backend.stats.connects).toBe(1);
  });
});
