import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../../plugins/http/index.ts';
import { createRealClock } from '../../src/clock/real-clock.ts';
import { clearSecrets } from '../../src/logging/secrets.ts';
import { harSchema } from '../../src/record/har.ts';
import { readRecording } from '../../src/record/read-recording.ts';
import { createRng } from '../../src/rng/rng.ts';
import { startUpstream, type Upstream } from '../http/support/upstream.ts';

const KEY_ENV = 'FAULTLINE_TEST_RECORD_KEY';
const KEY = 'sk-test-record-0123456789';
const clock = createRealClock();
let dir: string;
let upstream: Upstream;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'faultline-http-record-'));
  process.env[KEY_ENV] = KEY;
  upstream = await startUpstream((req, res) => {
    if (req.url === '/api/reset') return req.socket.resetAndDestroy();
    res.writeHead(req.url === '/api/busy' ? 429 : 200, {
      'content-type': 'application/json',
      'retry-after': '2',
    });
    res.end('{"ok":true}');
  });
});
afterAll(async () => {
  delete process.env[KEY_ENV];
  clearSecrets();
  await upstream.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the http plugin with record', () => {
  it('writes each call as HAR, key redacted, resets noted, readable by fit', async () => {
    const options = plugin.options.parse({
      url: upstream.url,
      api: 'any',
      apiKeyEnv: KEY_ENV,
      record: 'calls.har',
    });
    const backend = await plugin.create(options, { clock, rng: createRng(1), baseDir: dir });
    const ctx = { clock, rng: createRng(1), signal: new AbortController().signal };
    await backend.call({ method: 'POST', path: '/api/analyze', body: { text: 'hi' } }, ctx);
    await backend.call({ method: 'GET', path: '/api/busy' }, ctx);
    await expect(backend.call({ method: 'GET', path: '/api/reset' }, ctx)).rejects.toThrow(/ECONNRESET/);
    await backend.close?.();

    const text = await readFile(join(dir, 'calls.har'), 'utf8');
    expect(text).not.toContain(KEY);
    const har = harSchema.parse(JSON.parse(text));
    expect(har.log.entries.map((e) => [e.request.method, e.response.status])).toEqual([
      ['POST', 200],
      ['GET', 429],
      ['GET', 0],
    ]);
    expect(har.log.entries[0]?.request.bodySize).toBe(JSON.stringify({ text: 'hi' }).length);
    expect(har.log.entries[0]?.request.headers).toContainEqual({
      name: 'authorization',
      value: '[REDACTED]',
    });
    const exchanges = await readRecording(join(dir, 'calls.har'));
    expect(exchanges.map((e) => [e.path, e.status, e.failure, e.retryAfterMs])).toEqual([
      ['/api/analyze', 200, undefined, 2000],
      ['/api/busy', 429, undefined, 2000],
      ['/api/reset', 0, 'reset', undefined],
    ]);
  });
});
