import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fault, faultSchema, type Phase, phaseSchema } from '../../src/faults/schema.ts';
import { type RunningProxy, startProxy } from '../../src/http/proxy.ts';
import { eventually, fetchOutcome, nodeRequest } from './support/clients.ts';
import { startUpstream, type Upstream } from './support/upstream.ts';

const faults = (...input: unknown[]): Fault[] => input.map((fault) => faultSchema.parse(fault));
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const BLOB = randomBytes(3 * 1024 * 1024 + 17);
const JSON_BODY = JSON.stringify({ status: 'ok', items: [1, 2, 3], note: 'déjà vu' });
const PHASES: Phase[] = [
  phaseSchema.parse({ name: 'calm', from: 0, to: '1h' }),
  phaseSchema.parse({ name: 'outage', from: '1h', to: '2h', faults: [{ kind: 'error', status: 503 }] }),
];

let upstream: Upstream;
let proxy: RunningProxy;

beforeAll(async () => {
  upstream = await startUpstream((req, res) => {
    if (req.url === '/blob') {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'x-upstream': 'yes' });
      res.end(BLOB);
    } else if (req.url === '/echo') {
      // Streams the request body straight back, chunked: both directions must stay byte-exact.
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      req.pipe(res);
    } else if (req.url === '/self-redirect') {
      res.writeHead(302, { location: `${upstream.url}/json` });
      res.end();
    } else {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON_BODY);
    }
  });
  proxy = await startProxy({ target: upstream.url, phases: PHASES, seed: 3 });
});
afterAll(async () => {
  await proxy.close();
  await upstream.close();
});

async function control(method: string, path: string, body?: unknown) {
  const res = await fetch(proxy.controlUrl + path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('pass-through with no fault in force', () => {
  it('a 3 MiB binary download arrives byte-exact through fetch and node:http', async () => {
    const viaFetch = await fetchOutcome(`${proxy.url}/blob`);
    const viaNode = await nodeRequest(`${proxy.url}/blob`);
    for (const outcome of [viaFetch, viaNode]) {
      if (!outcome.ok) throw new Error(outcome.code);
      expect(outcome.body.length).toBe(BLOB.length);
      expect(sha256(outcome.body)).toBe(sha256(BLOB));
    }
    expect(viaNode.ok && viaNode.headers['x-upstream']).toBe('yes');
  });

  it('a random binary upload streams up and back byte-exact (fixed length and chunked)', async () => {
    const upload = randomBytes(2 * 1024 * 1024 + 5);
    const viaFetch = await fetchOutcome(`${proxy.url}/echo`, { method: 'POST', body: upload });
    const chunks = [upload.subarray(0, 1000), upload.subarray(1000, 700_000), upload.subarray(700_000)];
    const viaNode = await nodeRequest(`${proxy.url}/echo`, { method: 'POST', body: chunks });
    for (const outcome of [viaFetch, viaNode]) {
      if (!outcome.ok) throw new Error(outcome.code);
      expect(sha256(outcome.body)).toBe(sha256(upload));
    }
  });

  it('keeps upstream connections alive across requests', async () => {
    const before = upstream.accepted();
    for (let i = 0; i < 20; i++) await fetchOutcome(`${proxy.url}/json`);
    expect(upstream.accepted() - before).toBeLessThanOrEqual(1);
  });

  it('rewrites a redirect to the upstream itself so the client comes back through the proxy', async () => {
    const outcome = await nodeRequest(`${proxy.url}/self-redirect`);
    expect(outcome.ok && outcome.status).toBe(302);
    expect(outcome.ok && outcome.headers.location).toBe('/json');
  });
});

describe('injection, and the control API that switches it at run time', () => {
  it('lists the scenario phases and starts on the timeline', async () => {
    const { status, body } = await control('GET', '/phases');
    expect(status).toBe(200);
    expect(body).toMatchObject({ mode: 'timeline', phases: ['calm', 'outage'], active: 'calm' });
  });

  it('pinning the outage phase injects its 503; restarting the timeline lifts it', async () => {
    expect((await control('POST', '/phase', { name: 'outage' })).body).toMatchObject({
      mode: 'pinned',
      active: 'outage',
    });
    const during = await nodeRequest(`${proxy.url}/json`);
    expect(during.ok && during.status).toBe(503);
    expect(during.ok && during.headers['x-faultline-fault']).toBe('error');
    await control('POST', '/restart');
    const after = await nodeRequest(`${proxy.url}/json`);
    expect(after.ok && after.body.toString()).toBe(JSON_BODY);
  });

  it('faults set by hand apply at once; DELETE /faults restores pass-through', async () => {
    await control('POST', '/faults', { faults: [{ kind: 'malformed', mode: 'truncated' }] });
    const damaged = await fetchOutcome(`${proxy.url}/json`);
    const bytes = Buffer.from(JSON_BODY);
    expect(damaged.ok && damaged.body.equals(bytes.subarray(0, Math.floor(bytes.length / 2)))).toBe(true);
    await control('POST', '/faults', { faults: [{ kind: 'error', status: 429, retryAfter: '3s' }] });
    const limited = await fetchOutcome(`${proxy.url}/blob`);
    expect(limited.ok && [limited.status, limited.headers.get('retry-after')]).toEqual([429, '3']);
    await control('DELETE', '/faults');
    const clean = await fetchOutcome(`${proxy.url}/blob`);
    expect(clean.ok && sha256(clean.body)).toBe(sha256(BLOB));
  });

  it('refuses an unknown phase and invalid faults with a 400 that says why, changing nothing', async () => {
    await control('POST', '/restart');
    const unknown = await control('POST', '/phase', { name: 'nope' });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('calm, outage');
    const invalid = await control('POST', '/faults', { faults: [{ kind: 'error', status: 200 }] });
    expect(invalid.status).toBe(400);
    expect((await control('GET', '/phases')).body.mode).toBe('timeline');
  });

  it('a reset through the proxy leaves no client connection open', async () => {
    // fetch's idle keep-alive connections from earlier tests stay open: count from them.
    const idle = await proxy.openConnections();
    proxy.faults.setFaults(faults({ kind: 'network', error: 'reset' }));
    const outcome = await nodeRequest(`${proxy.url}/json`);
    expect(outcome).toMatchObject({ ok: false, code: 'ECONNRESET' });
    await eventually(async () => (await proxy.openConnections()) === idle);
    proxy.faults.setFaults([]);
  });
});

describe('hang through the proxy', () => {
  it('holds the client until close, and close leaves no socket on either side', async () => {
    const hangingUpstream = await startUpstream((_req, res) => res.end('{}'));
    const hanging = await startProxy({ target: hangingUpstream.url, seed: 1 });
    hanging.faults.setFaults(faults({ kind: 'network', error: 'hang' }));
    const pending = [fetchOutcome(`${hanging.url}/x`), nodeRequest(`${hanging.url}/x`)];
    await eventually(async () => (await hanging.openConnections()) === 2);
    await hanging.close();
    expect(await hanging.openConnections()).toBe(0);
    expect((await Promise.all(pending)).map((outcome) => outcome.ok)).toEqual([false, false]);
    // The hung requests never reached the upstream, and nothing is left connected to it.
    expect(await hangingUpstream.openConnections()).toBe(0);
    await hangingUpstream.close();
  });
});
