import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningProxy, startProxy } from '../../src/http/proxy.ts';
import { clearSecrets, registerSecret } from '../../src/logging/secrets.ts';
import { harSchema } from '../../src/record/har.ts';
import { readRecording } from '../../src/record/read-recording.ts';
import { type Recorder, startRecording } from '../../src/record/recorder.ts';
import { finished, startCli, waitForOutput } from '../cli/cli-process.ts';
import { startUpstream, type Upstream } from '../http/support/upstream.ts';

const SECRET = 'sk-live-0123456789';
let dir: string;
let upstream: Upstream;
let proxy: RunningProxy;
let recorder: Recorder;
let file: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'faultline-record-'));
  file = join(dir, 'traffic.har');
  registerSecret(SECRET);
  upstream = await startUpstream((req, res) => {
    if (req.url?.startsWith('/reset')) {
      req.socket.resetAndDestroy();
    } else if (req.url?.startsWith('/limited')) {
      res.writeHead(429, { 'retry-after': '3', 'content-type': 'application/json' });
      res.end('{"error":"slow down"}');
    } else {
      res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'session=abc123' });
      res.end(JSON.stringify({ echo: req.url, note: `token ${SECRET}` }));
    }
  });
  recorder = await startRecording(file, { bodies: true });
  proxy = await startProxy({ target: upstream.url, observe: recorder.observe });
});
afterAll(async () => {
  await proxy.close();
  await recorder.close();
  await upstream.close();
  clearSecrets();
  await rm(dir, { recursive: true, force: true });
});

describe('faultline proxy --record', () => {
  it('writes valid HAR 1.2 after every exchange, with secrets redacted and failures named', async () => {
    const ok = await fetch(`${proxy.url}/api/items/42?token=abc123&page=2`, {
      headers: { authorization: 'Bearer abcdefgh12345', 'x-trace': SECRET },
    });
    await ok.text();
    const limited = await fetch(`${proxy.url}/limited`);
    await limited.text();
    const reset = await fetch(`${proxy.url}/reset`);
    await reset.text();
    // No close yet: the file on disk must already parse as complete HAR.
    await expect.poll(async () => (await readHar()).log.entries.length).toBe(3);
    const har = await readHar();
    expect(har.log.version).toBe('1.2');
    const [first, second, third] = har.log.entries;
    const text = JSON.stringify(har);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('abcdefgh12345');
    expect(text).not.toContain('abc123');
    expect(first?.request.headers.find((h) => h.name === 'authorization')?.value).toBe('[REDACTED]');
    expect(first?.request.queryString).toContainEqual({ name: 'page', value: '2' });
    expect(first?.response.status).toBe(200);
    expect(first?.response.content.mimeType).toBe('application/json');
    expect(first?.response.headers.find((h) => h.name === 'set-cookie')?.value).toBe('[REDACTED]');
    expect(first?.response.content.text).toContain('/api/items/42');
    expect(first?.response.content.size).toBe(first?.response.bodySize);
    expect(first?.response.bodySize).toBeGreaterThan(10);
    expect(first?.timings.wait).toBeGreaterThan(0);
    expect(first?.time).toBeCloseTo((first?.timings.wait ?? 0) + (first?.timings.receive ?? 0), 2);
    expect(second?.response.status).toBe(429);
    expect(third?.response.status).toBe(502);
    expect(third?._faultline?.upstreamError).toBe('ECONNRESET');

    const exchanges = await readRecording(file);
    expect(exchanges.map((e) => [e.path, e.status, e.failure, e.retryAfterMs])).toEqual([
      ['/api/items/42', 200, undefined, undefined],
      ['/limited', 429, undefined, 3000],
      ['/reset', 502, 'reset', undefined],
    ]);
  });

  async function readHar() {
    return harSchema.parse(JSON.parse(await readFile(file, 'utf8')));
  }
});

describe('reading recordings made elsewhere', () => {
  it('reads a devtools-style HAR with a failed request and an HTTP-date Retry-After', async () => {
    const path = join(dir, 'devtools.har');
    const entry = (at: string, url: string, status: number, extra: object = {}) => ({
      startedDateTime: at,
      time: 120.5,
      request: {
        method: 'get',
        url,
        httpVersion: 'h2',
        headers: [],
        queryString: [],
        cookies: [],
        headersSize: -1,
        bodySize: 0,
      },
      response: {
        status,
        statusText: '',
        httpVersion: 'h2',
        headers: [],
        cookies: [],
        content: { size: 0, mimeType: '' },
        redirectURL: '',
        headersSize: -1,
        bodySize: -1,
        ...extra,
      },
      cache: {},
      timings: { blocked: -1, dns: -1, connect: -1, send: 0, wait: 100, receive: 20.5, ssl: -1 },
      _initiator: { type: 'script' },
    });
    const har = {
      log: {
        version: '1.2',
        creator: { name: 'WebInspector', version: '537.36' },
        pages: [{ id: 'page_1' }],
        entries: [
          entry('2026-03-01T10:00:01.000Z', 'https://example.com/b', 503, {
            headers: [{ name: 'Retry-After', value: 'Sun, 01 Mar 2026 10:00:31 GMT' }],
          }),
          entry('2026-03-01T10:00:00.000Z', 'https://example.com/a?x=1', 200),
          entry('2026-03-01T10:00:02.000Z', 'https://example.com/c', 0, {
            _error: 'net::ERR_CONNECTION_RESET',
          }),
          entry('2026-03-01T10:00:03.000Z', 'https://example.com/d', 0, {
            _error: 'net::ERR_CONNECTION_REFUSED',
          }),
        ],
      },
    };
    await writeFile(path, JSON.stringify(har));
    const exchanges = await readRecording(path);
    expect(exchanges).toEqual([
      { startedMs: 0, method: 'GET', path: '/a', status: 200, durationMs: 120.5 },
      { startedMs: 1000, method: 'GET', path: '/b', status: 503, durationMs: 120.5, retryAfterMs: 30_000 },
      { startedMs: 2000, method: 'GET', path: '/c', status: 0, durationMs: 120.5, failure: 'reset' },
      { startedMs: 3000, method: 'GET', path: '/d', status: 0, durationMs: 120.5, failure: 'refused' },
    ]);
  });

  it('reads JSON lines and names the line and field of a bad one', async () => {
    const path = join(dir, 'access.jsonl');
    await writeFile(
      path,
      [
        '{"time":"2026-03-01T10:00:00.000Z","method":"POST","path":"/api/x?y=1","status":200,"durationMs":12}',
        '',
        '{"time":1772359200500,"method":"GET","path":"/api/y","status":504,"durationMs":1000}',
      ].join('\n'),
    );
    expect(await readRecording(path)).toEqual([
      { startedMs: 0, method: 'POST', path: '/api/x', status: 200, durationMs: 12 },
      { startedMs: 500, method: 'GET', path: '/api/y', status: 504, durationMs: 1000, failure: 'timeout' },
    ]);
    await writeFile(
      path,
      '{"time":1,"method":"GET","path":"/a","status":200,"durationMs":1}\n{"time":2,"method":"GET","path":"/a","status":"ok","durationMs":1}\n',
    );
    await expect(readRecording(path)).rejects.toThrow(/access\.jsonl:2 at status: /);
  });

  it('refuses a file that is not HAR, naming the field', async () => {
    const path = join(dir, 'bad.har');
    await writeFile(path, JSON.stringify({ log: { entries: [{ startedDateTime: 'x' }] } }));
    await expect(readRecording(path)).rejects.toThrow(/bad\.har at log\.entries\.0\.time/);
  });
});

describe('the proxy command', () => {
  it('leaves a valid HAR when stopped with SIGTERM', async () => {
    const path = join(dir, 'cli.har');
    const child = startCli([
      'proxy',
      '--target',
      upstream.url,
      '--port',
      '0',
      '--record',
      path,
      '--log-level',
      'silent',
    ]);
    const done = finished(child);
    const banner = await waitForOutput(child, /faultline proxy: (http:\/\/\S+)/);
    const url = /faultline proxy: (http:\/\/\S+)/.exec(banner)?.[1] ?? '';
    for (let i = 0; i < 5; i++) await (await fetch(`${url}/ok/${i}`)).text();
    child.kill('SIGTERM');
    const run = await done;
    expect(run.stdout).toContain('recorded 5 exchanges');
    const har = harSchema.parse(JSON.parse(await readFile(path, 'utf8')));
    expect(har.log.entries.map((e) => new URL(e.request.url).pathname)).toEqual([
      '/ok/0',
      '/ok/1',
      '/ok/2',
      '/ok/3',
      '/ok/4',
    ]);
  }, 20_000);
});
