import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finished, startCli, waitForOutput } from '../cli/cli-process.ts';
import { nodeRequest } from './support/clients.ts';
import { startUpstream, type Upstream } from './support/upstream.ts';

/**
 * A slow upstream no longer holds a proxied request for undici's 300 s: --upstream-timeout bounds the wait
 * for the headers (then 504) and between body chunks (then the client's response is cut). A short value
 * here, so the test is fast; each check waits well past it and far short of 300 s.
 */
const WITHIN_MS = 5000;

let upstream: Upstream;
const held: ServerResponse[] = [];
beforeAll(async () => {
  upstream = await startUpstream((req, res) => {
    req.resume();
    held.push(res);
    // /headers never answers; /body sends its headers and a first chunk, then stalls.
    if (req.url === '/body') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('first chunk;');
    }
  });
});
afterAll(async () => {
  for (const res of held) res.destroy();
  await upstream.close();
});

describe('proxy --upstream-timeout cuts off a slow upstream', { timeout: 30_000 }, () => {
  it('504 when the headers do not come in time; a cut response when the body stalls', async () => {
    const proxy = startCli([
      'proxy',
      '--target',
      upstream.url,
      '--allow',
      '127.0.0.1',
      '--port',
      '0',
      '--control-port',
      '0',
      '--upstream-timeout',
      '300ms',
    ]);
    try {
      const printed = await waitForOutput(proxy, /faultline proxy: http:\S+/);
      const url = /faultline proxy: (http:\/\/\S+)/.exec(printed)?.[1] ?? '';
      const started = performance.now();
      const headers = await nodeRequest(`${url}/headers`);
      expect(headers.ok && headers.status).toBe(504);
      expect(headers.ok && headers.body.toString()).toContain('UPSTREAM_ETIMEDOUT');
      const body = await nodeRequest(`${url}/body`);
      // The headers went through, then the proxy gave up on the stalled body and closed the response.
      expect(body.ok).toBe(false);
      expect(performance.now() - started).toBeLessThan(2 * WITHIN_MS);
    } finally {
      proxy.kill('SIGINT');
      await finished(proxy);
    }
  });
});
