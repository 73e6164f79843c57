import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultlineError } from '../../src/errors/faultline-error.ts';
import { type RunningProxy, startProxy } from '../../src/http/proxy.ts';
import { type RunningServer, startServer } from '../../src/http/server.ts';
import { createTargetGuard, TargetRefusedError } from '../../src/http/target-guard.ts';
import { fetchOutcome, jsonPost, nodeRequest } from './support/clients.ts';
import { startUpstream, type Upstream } from './support/upstream.ts';

describe('the proxy refuses targets it must not reach', () => {
  it('refuses the cloud metadata address as a target, naming why', async () => {
    const attempt = startProxy({ target: 'http://169.254.169.254/' });
    await expect(attempt).rejects.toBeInstanceOf(TargetRefusedError);
    await expect(attempt).rejects.toThrow(/169\.254\.169\.254 is a metadata address/);
  });

  it('refuses other link-local addresses, even when --allow names them', async () => {
    await expect(startProxy({ target: 'http://169.254.1.1/', allow: ['169.254.1.1'] })).rejects.toThrow(
      /link-local/,
    );
  });

  it('refuses a private address unless --allow names it', async () => {
    await expect(startProxy({ target: 'http://10.255.255.1:8080' })).rejects.toThrow(
      /--allow 10\.255\.255\.1/,
    );
    const allowed = await startProxy({ target: 'http://10.255.255.1:8080', allow: ['10.255.255.1'] });
    await allowed.close();
  });

  it('refuses a host name whose DNS answer is the metadata address (checked on every connection)', async () => {
    const guard = createTargetGuard(['innocent.example'], [], (_host, _family, callback) =>
      callback(null, [{ address: '169.254.169.254', family: 4 }]),
    );
    expect(() => guard.checkUrl(new URL('http://innocent.example/'))).not.toThrow();
    const error = await new Promise<Error | null>((resolve) => guard.lookup('innocent.example', {}, resolve));
    expect(error).toBeInstanceOf(TargetRefusedError);
    expect(error?.message).toMatch(/metadata address \(169\.254\.169\.254\)/);
  });

  it('refuses a host that is not on the allowlist', () => {
    const guard = createTargetGuard(['127.0.0.1'], ['api.example.com']);
    expect(() => guard.checkUrl(new URL('http://evil.example/'))).toThrow(/not an allowed target/);
    expect(guard.redirectRefusal(new URL('https://api.example.com/v1'))).toBeUndefined();
    expect(guard.redirectRefusal(new URL('file:///etc/passwd'))).toMatch(/cannot be proxied/);
  });
});

describe('redirects and request targets through the proxy', () => {
  let upstream: Upstream;
  let proxy: RunningProxy;
  beforeAll(async () => {
    upstream = await startUpstream((req, res) => {
      const to = new URL(req.url ?? '/', 'http://x').searchParams.get('to');
      res.writeHead(to ? 302 : 200, to ? { location: to } : {});
      res.end('upstream body');
    });
    proxy = await startProxy({ target: upstream.url, allow: ['api.example.com'] });
  });
  afterAll(async () => {
    await proxy.close();
    await upstream.close();
  });

  it('answers 502 instead of passing on a redirect to http://169.254.169.254/', async () => {
    const url = `${proxy.url}/go?to=${encodeURIComponent('http://169.254.169.254/latest/meta-data/')}`;
    const viaFetch = await fetchOutcome(url, { redirect: 'manual' });
    const viaNode = await nodeRequest(url);
    for (const outcome of [viaFetch, viaNode]) {
      expect(outcome.ok && outcome.status).toBe(502);
      const error = outcome.ok ? JSON.parse(outcome.body.toString()).error : undefined;
      expect(error).toMatchObject({
        code: 'REDIRECT_REFUSED',
        message: expect.stringMatching(/metadata address/),
      });
    }
    expect(viaNode.ok && viaNode.headers.location).toBeUndefined();
  });

  it('answers 502 for a redirect to a host off the allowlist, passes one to an allowed host', async () => {
    const off = await nodeRequest(`${proxy.url}/go?to=${encodeURIComponent('https://elsewhere.example/')}`);
    expect(off.ok && off.status).toBe(502);
    const on = await nodeRequest(`${proxy.url}/go?to=${encodeURIComponent('https://api.example.com/next')}`);
    expect(on.ok && [on.status, on.headers.location]).toEqual([302, 'https://api.example.com/next']);
  });

  it('refuses absolute-form request targets (it is not an open forward proxy)', async () => {
    const { port } = new URL(proxy.url);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, path: 'http://169.254.169.254/', agent: false },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(400);
  });
});

describe('the control API accepts only local, same-origin JSON callers', () => {
  let proxy: RunningProxy;
  let upstream: Upstream;
  beforeAll(async () => {
    upstream = await startUpstream((_req, res) => res.end());
    proxy = await startProxy({ target: upstream.url });
  });
  afterAll(async () => {
    await proxy.close();
    await upstream.close();
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const outcome = await nodeRequest(`${proxy.controlUrl}/phases`, {
      headers: { host: `evil.example:${new URL(proxy.controlUrl).port}` },
    });
    expect(outcome.ok && outcome.status).toBe(403);
  });

  it('refuses a cross-origin caller and a form-encoded body', async () => {
    const crossOrigin = await nodeRequest(`${proxy.controlUrl}/phases`, {
      headers: { origin: 'http://evil.example' },
    });
    expect(crossOrigin.ok && crossOrigin.status).toBe(403);
    const form = await nodeRequest(`${proxy.controlUrl}/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'faults=[]',
    });
    expect(form.ok && form.status).toBe(415);
  });

  it('serves a loopback caller', async () => {
    const outcome = await nodeRequest(`${proxy.controlUrl}/phases`);
    expect(outcome.ok && outcome.status).toBe(200);
  });
});

describe('faultline serve input limits and authentication', () => {
  let server: RunningServer;
  const TOKEN_ENV = 'FAULTLINE_TEST_SERVE_TOKEN';
  beforeAll(async () => {
    process.env[TOKEN_ENV] = 'serve-token-0123456789';
    server = await startServer({ authEnv: TOKEN_ENV, maxBodyBytes: 64 * 1024 });
  });
  afterAll(async () => {
    await server.close();
    delete process.env[TOKEN_ENV];
  });
  const auth = () => ({
    authorization: `Bearer ${process.env[TOKEN_ENV]}`,
    'content-type': 'application/json',
  });

  it('answers 413 to an oversized body, declared or chunked, and keeps serving', async () => {
    const big = JSON.stringify({ text: 'x'.repeat(200 * 1024) });
    const declared = await fetchOutcome(`${server.url}/api/analyze`, {
      method: 'POST',
      headers: auth(),
      body: big,
    });
    expect(declared.ok && declared.status).toBe(413);
    const chunk = Buffer.alloc(16 * 1024, 'y');
    const chunked = await nodeRequest(`${server.url}/api/analyze`, {
      method: 'POST',
      headers: auth(),
      body: Array.from({ length: 20 }, () => chunk),
    });
    expect(chunked.ok && chunked.status).toBe(413);
    const after = await fetchOutcome(`${server.url}/api/analyze`, {
      ...jsonPost({ text: 'ok then' }),
      headers: auth(),
    });
    expect(after.ok && after.status).toBe(200);
  });

  it('answers clean 4xx to bad input: invalid JSON, wrong media type, wrong method, unknown route', async () => {
    const post = (body: string, type = 'application/json') =>
      fetchOutcome(`${server.url}/api/analyze`, {
        method: 'POST',
        headers: { ...auth(), 'content-type': type },
        body,
      });
    const statusOf = async (pending: ReturnType<typeof fetchOutcome>) => {
      const outcome = await pending;
      return outcome.ok ? outcome.status : outcome.code;
    };
    expect(await statusOf(post('{"text":'))).toBe(400);
    expect(await statusOf(post('text=hi', 'application/x-www-form-urlencoded'))).toBe(415);
    expect(await statusOf(post('{"nottext":1}'))).toBe(400);
    expect(
      await statusOf(fetchOutcome(`${server.url}/api/analyze`, { method: 'PUT', headers: auth() })),
    ).toBe(405);
    expect(
      await statusOf(fetchOutcome(`${server.url}/api/nope`, { method: 'POST', headers: auth(), body: '{}' })),
    ).toBe(404);
  });

  it('requires the Bearer token from the environment, except on /api/health', async () => {
    const body = JSON.stringify({ text: 'Socrates is mortal.' });
    const none = await fetchOutcome(`${server.url}/api/analyze`, { method: 'POST', body });
    const wrong = await fetchOutcome(`${server.url}/api/analyze`, {
      method: 'POST',
      headers: { authorization: 'Bearer not-the-token' },
      body,
    });
    const right = await fetchOutcome(`${server.url}/api/analyze`, { method: 'POST', headers: auth(), body });
    const health = await fetchOutcome(`${server.url}/api/health`);
    expect([none, wrong, right, health].map((outcome) => outcome.ok && outcome.status)).toEqual([
      401, 401, 200, 200,
    ]);
    expect(none.ok && none.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('refuses to start when the token variable is not set, naming the variable', async () => {
    const attempt = startServer({ authEnv: 'FAULTLINE_TEST_UNSET_VARIABLE' });
    await expect(attempt).rejects.toBeInstanceOf(FaultlineError);
    await expect(attempt).rejects.toThrow(/FAULTLINE_TEST_UNSET_VARIABLE/);
  });
});

describe('start-up errors are one line a person can act on', () => {
  it('a port in use', async () => {
    const first = await startServer();
    try {
      await expect(startServer({ port: first.port })).rejects.toThrow(
        /the port is in use\. Pick another --port/,
      );
    } finally {
      await first.close();
    }
  });
});
