import { request } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type RunningProxy, startProxy } from '../../src/http/proxy.ts';
import { type RunningWebSocketServer, startWebSocketServer } from '../../src/websocket/server.ts';

let upstream: RunningWebSocketServer;
let proxy: RunningProxy;
const viaProxy = () => `${proxy.url.replace(/^http/, 'ws')}/api/ws`;

beforeAll(async () => {
  upstream = await startWebSocketServer({ seed: 1 });
  proxy = await startProxy({ target: `http://127.0.0.1:${upstream.port}`, seed: 1 });
});
afterAll(async () => {
  await proxy.close();
  await upstream.close();
});
beforeEach(() => proxy.faults.setFaults([]));

function handshake(): Promise<{ ws?: WebSocket; status?: number; faults?: string; error?: string }> {
  const ws = new WebSocket(viaProxy());
  return new Promise((resolve) => {
    ws.once('open', () => resolve({ ws }));
    ws.once('unexpected-response', (_req, res) => {
      resolve({ status: res.statusCode, faults: res.headers['x-faultline-fault'] as string | undefined });
      res.resume();
      ws.terminate();
    });
    ws.once('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
  });
}

describe('faultline proxy passes WebSocket upgrades through', () => {
  it('tunnels the handshake and every message to the target', async () => {
    const { ws } = await handshake();
    expect(ws).toBeDefined();
    for (const id of [1, 2]) {
      const reply = new Promise<string>((resolve) => ws!.once('message', (data) => resolve(data.toString())));
      ws!.send(
        JSON.stringify({
          id,
          method: 'POST',
          path: '/api/analyze',
          body: { text: 'It rains, so it is wet.' },
        }),
      );
      expect(JSON.parse(await reply)).toMatchObject({ id, status: 200 });
    }
    ws!.terminate();
  });

  it('applies the scenario’s faults to the handshake: a status refuses it, marked as injected', async () => {
    proxy.faults.setFaults([{ kind: 'error', status: 503, rate: 1 }]);
    expect(await handshake()).toMatchObject({ status: 503, faults: 'error' });
  });

  it('a reset drops the connection before the upgrade', async () => {
    proxy.faults.setFaults([{ kind: 'network', error: 'reset', rate: 1 }]);
    const seen = await handshake();
    expect(seen.ws).toBeUndefined();
    expect(seen.error).toBe('ECONNRESET');
  });

  it('refuses other upgrades (h2c) with 501', async () => {
    const status = await new Promise<number | undefined>((resolve) => {
      const req = request(`${proxy.url}/`, { headers: { connection: 'Upgrade', upgrade: 'h2c' } });
      req.once('response', (res) => {
        res.resume();
        resolve(res.statusCode);
      });
      req.once('upgrade', (res, socket) => {
        socket.destroy();
        resolve(res.statusCode);
      });
      req.once('error', () => resolve(undefined));
      req.end();
    });
    expect(status).toBe(501);
  });

  it('ends open tunnels when the proxy closes', async () => {
    const own = await startProxy({ target: `http://127.0.0.1:${upstream.port}`, seed: 2 });
    const ws = new WebSocket(`${own.url.replace(/^http/, 'ws')}/api/ws`);
    await new Promise((resolve) => ws.once('open', resolve));
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    await own.close();
    expect(await closed).toBe(1006);
  });
});
