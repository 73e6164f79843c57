import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../../plugins/http/index.ts';
import type { Backend, BackendRequest, CallContext } from '../../src/backend/contract.ts';
import { createRealClock } from '../../src/clock/real-clock.ts';
import { NetworkError } from '../../src/errors/call-errors.ts';
import { PluginError } from '../../src/errors/faultline-error.ts';
import { faultSchema } from '../../src/faults/schema.ts';
import { type RunningServer, startServer } from '../../src/http/server.ts';
import { clearSecrets } from '../../src/logging/secrets.ts';
import { createRng } from '../../src/rng/rng.ts';
import { eventually, nodeRequest } from '../http/support/clients.ts';
import { startUpstream } from '../http/support/upstream.ts';

const clock = createRealClock();
const ANALYZE: BackendRequest = {
  method: 'POST',
  path: '/api/analyze',
  body: { text: 'It rains, so it is wet.' },
};
const KEY_ENV = 'FAULTLINE_TEST_HTTP_PLUGIN_KEY';
const KEY = 'sk-test-plugin-0123456789abcdef';

const context = (signal = new AbortController().signal): CallContext => ({
  clock,
  rng: createRng(1),
  signal,
});

async function backend(options: Record<string, unknown>, allowInsecureHttp = false): Promise<Backend> {
  return plugin.create(plugin.options.parse(options), {
    clock,
    rng: createRng(1),
    baseDir: '.',
    allowInsecureHttp,
  });
}

let server: RunningServer;
const opened: Backend[] = [];
async function open(options: Record<string, unknown>): Promise<Backend> {
  const created = await backend(options);
  opened.push(created);
  return created;
}

beforeAll(async () => {
  process.env[KEY_ENV] = KEY;
  server = await startServer({ authEnv: KEY_ENV, seed: 2 });
});
afterEach(async () => {
  server.faults.setFaults([]);
  await Promise.all(opened.splice(0).map((b) => b.close?.()));
});
afterAll(async () => {
  await server.close();
  delete process.env[KEY_ENV];
  clearSecrets();
});

async function hungRequestsClosed(): Promise<number> {
  // node:http without an agent closes its connection, so the scrape leaves no socket to count.
  // /metrics sits behind the same token as the API (serve --metrics-auth, on by default with --auth-env).
  const scrape = await nodeRequest(`${server.url}/metrics`, { headers: { authorization: `Bearer ${KEY}` } });
  const text = scrape.ok ? scrape.body.toString() : '';
  return Number(/faultline_http_requests_total\{[^}]*status="hang"[^}]*\} (\d+)/.exec(text)?.[1] ?? 0);
}

describe('http plugin against faultline serve', () => {
  it('sends the API key from the named variable and returns the parsed JSON answer', async () => {
    const api = await open({ url: server.url, apiKeyEnv: KEY_ENV });
    const response = await api.call(ANALYZE, context());
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json');
    expect(api.validate?.(ANALYZE, response.body)).toBeUndefined();
  });

  it('without the key the server answers 401, returned as a response for the client layer to judge', async () => {
    const api = await open({ url: server.url });
    expect((await api.call(ANALYZE, context())).status).toBe(401);
  });

  it('returns non-2xx with headers (Retry-After) rather than throwing', async () => {
    server.faults.setFaults([faultSchema.parse({ kind: 'error', status: 429, retryAfter: '4s' })]);
    const api = await open({ url: server.url, apiKeyEnv: KEY_ENV });
    const response = await api.call(ANALYZE, context());
    expect([response.status, response.headers['retry-after']]).toEqual([429, '4']);
  });

  it('returns a body that is not JSON as its raw text, and validate flags a wrong shape', async () => {
    server.faults.setFaults([faultSchema.parse({ kind: 'malformed', mode: 'truncated' })]);
    const api = await open({ url: server.url, apiKeyEnv: KEY_ENV });
    const response = await api.call(ANALYZE, context());
    expect(typeof response.body).toBe('string');
    expect(() => JSON.parse(response.body as string)).toThrow();
    expect(api.validate?.(ANALYZE, { unexpected: true })).toMatch(/expected|required/i);
  });

  it('with api: any, validate is absent and any JSON passes', async () => {
    const api = await open({ url: server.url, apiKeyEnv: KEY_ENV, api: 'any' });
    expect(api.validate).toBeUndefined();
  });

  it('maps a reset to NetworkError ECONNRESET, and a closed port to ECONNREFUSED', async () => {
    server.faults.setFaults([faultSchema.parse({ kind: 'network', error: 'reset' })]);
    const api = await open({ url: server.url, apiKeyEnv: KEY_ENV });
    const reset = await api.call(ANALYZE, context()).catch((error: unknown) => error);
    expect(reset).toBeInstanceOf(NetworkError);
    expect((reset as NetworkError).code).toBe('ECONNRESET');

    const gone = await startUpstream((_req, res) => res.end());
    const deadUrl = gone.url;
    await gone.close();
    const dead = await open({ url: deadUrl });
    const refused = await dead.call(ANALYZE, context()).catch((error: unknown) => error);
    expect((refused as NetworkError).code).toBe('ECONNREFUSED');
    expect((refused as Error).message).toContain(deadUrl);
  });

  it('maps a closed connection with no reply to ECONNRESET', async () => {
    server.faults.setFaults([faultSchema.parse({ kind: 'network', error: 'refused' })]);
    const api = await open({ url: server.url, apiKeyEnv: KEY_ENV });
    const error = await api.call(ANALYZE, context()).catch((caught: unknown) => caught);
    expect((error as NetworkError).code).toBe('ECONNRESET');
  });

  it('an abort (a timeout policy) rejects with the signal reason and frees the hung connection', async () => {
    server.faults.setFaults([faultSchema.parse({ kind: 'network', error: 'hang' })]);
    // Backends of earlier tests were closed: wait until their sockets are gone, then count from zero.
    await eventually(async () => (await server.openConnections()) === 0);
    const api = await open({ url: server.url, apiKeyEnv: KEY_ENV });
    const controller = new AbortController();
    const pending = api.call(ANALYZE, context(controller.signal)).catch((error: unknown) => error);
    await eventually(async () => (await server.openConnections()) === 1);
    const reason = new Error('policy timeout');
    controller.abort(reason);
    expect(await pending).toBe(reason);
    // The server records a hung request when its connection closes: the aborted exchange's socket is gone.
    await eventually(async () => (await hungRequestsClosed()) === 1);
    await api.close?.();
    await eventually(async () => (await server.openConnections()) === 0);
  });
});

describe('keep-alive and no socket leaks', () => {
  it('reuses at most `connections` sockets across many calls with failures, bodies always read', async () => {
    let call = 0;
    const upstream = await startUpstream((_req, res) => {
      call++;
      const status = call % 3 === 0 ? 503 : 200;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ call, padding: 'x'.repeat(64 * 1024) }));
    });
    try {
      const api = await open({ url: upstream.url, api: 'any', connections: 2 });
      for (let round = 0; round < 10; round++) {
        await Promise.all(
          Array.from({ length: 4 }, () => api.call({ method: 'GET', path: '/r' }, context())),
        );
      }
      expect(call).toBe(40);
      expect(upstream.accepted()).toBeLessThanOrEqual(2);
      await api.close?.();
      await eventually(async () => (await upstream.openConnections()) === 0);
    } finally {
      await upstream.close();
    }
  });
});

describe('transport security and secrets', () => {
  it('refuses plain http:// to a non-loopback host with a clear error', async () => {
    const attempt = backend({ url: 'http://api.example.com/v1' });
    await expect(attempt).rejects.toBeInstanceOf(PluginError);
    await expect(attempt).rejects.toThrow(
      /refusing plain http:\/\/ to api\.example\.com.*Use an https:\/\/ URL, or pass --allow-insecure-http/,
    );
  });

  it('accepts https anywhere, http on loopback, and http elsewhere with --allow-insecure-http', async () => {
    for (const created of [
      await backend({ url: 'https://api.example.com/v1' }),
      await backend({ url: 'http://localhost:9/' }),
      await backend({ url: 'http://[::1]:9/' }),
      await backend({ url: 'http://api.example.com/v1' }, true),
    ]) {
      await created.close?.();
    }
  });

  it('names a missing key variable, never a value', async () => {
    const attempt = backend({ url: server.url, apiKeyEnv: 'FAULTLINE_TEST_NOT_SET' });
    await expect(attempt).rejects.toThrow(/FAULTLINE_TEST_NOT_SET .* is not set/);
  });

  it('rejects a key value where a variable name belongs', () => {
    expect(plugin.options.safeParse({ url: server.url, apiKeyEnv: 'sk-live key' }).success).toBe(false);
  });
});
