import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Fault } from '../../src/faults/schema.ts';
import { type RunningWebSocketServer, startWebSocketServer } from '../../src/websocket/server.ts';

const TEXT = 'Everyone believes it, so it must be true.';
let server: RunningWebSocketServer;

beforeAll(async () => {
  server = await startWebSocketServer({ seed: 1 });
});
afterAll(() => server.close());
beforeEach(() => {
  server.faults.setFaults([]);
  server.handshakeFaults.setFaults([]);
});

type Seen =
  | {
      event: 'reply';
      reply: { id: number; status: number; retryAfterMs?: number; faults?: string[]; bodyText: string };
      ms: number;
    }
  | { event: 'close'; code: number; reason: string; ms: number }
  | { event: 'silence'; ms: number };

function open(): Promise<WebSocket> {
  const ws = new WebSocket(server.url);
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** Sends one request and reports the first thing that happens: a reply, a close, or nothing within `waitMs`. */
async function exchange(ws: WebSocket, waitMs = 1_000): Promise<Seen> {
  const started = performance.now();
  const ms = () => performance.now() - started;
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ event: 'silence', ms: ms() }), waitMs);
    ws.once('message', (data) => {
      clearTimeout(timer);
      resolve({ event: 'reply', reply: JSON.parse(data.toString()), ms: ms() });
    });
    ws.once('close', (code, reason) => {
      clearTimeout(timer);
      resolve({ event: 'close', code, reason: reason.toString(), ms: ms() });
    });
    ws.send(JSON.stringify({ id: 7, method: 'POST', path: '/api/analyze', body: { text: TEXT } }));
  });
}

async function once(fault: Fault): Promise<Seen> {
  server.faults.setFaults([fault]);
  const ws = await open();
  try {
    return await exchange(ws);
  } finally {
    ws.terminate();
  }
}

function handshake(): Promise<{ status?: number; retryAfter?: string; error?: string; ms: number }> {
  const started = performance.now();
  const ws = new WebSocket(server.url);
  return new Promise((resolve) => {
    const ms = () => performance.now() - started;
    ws.once('open', () => {
      resolve({ status: 101, ms: ms() });
      ws.terminate();
    });
    ws.once('unexpected-response', (_req, res) => {
      resolve({ status: res.statusCode, retryAfter: res.headers['retry-after'], ms: ms() });
      res.resume();
      ws.terminate();
    });
    ws.once('error', (error: NodeJS.ErrnoException) =>
      resolve({ error: error.code ?? error.message, ms: ms() }),
    );
  });
}

describe('WebSocket analysis sessions', () => {
  it('answer each message with the HTTP API’s status and body, matched by id', async () => {
    const { analysisRoute } = await import('../../src/analysis/router.ts');
    const seen = await once({ kind: 'latency', distribution: { type: 'fixed', ms: 0 }, rate: 0 });
    expect(seen.event).toBe('reply');
    if (seen.event !== 'reply') return;
    expect(seen.reply).toMatchObject({ id: 7, status: 200 });
    expect(JSON.parse(seen.reply.bodyText)).toEqual(
      analysisRoute('POST', '/api/analyze', { text: TEXT }).body,
    );
  });

  it('answer a malformed message with a 400 reply and keep the session', async () => {
    const ws = await open();
    const reply = new Promise<string>((resolve) => ws.once('message', (data) => resolve(data.toString())));
    ws.send('not json');
    expect(JSON.parse(await reply)).toMatchObject({ status: 400 });
    expect((await exchange(ws)).event).toBe('reply');
    ws.terminate();
  });
});

describe('WebSocket session limits', () => {
  it('answers 429 at once to a request beyond the in-flight bound, without processing it', async () => {
    const { MAX_IN_FLIGHT_PER_SESSION } = await import('../../src/websocket/server.ts');
    server.faults.setFaults([{ kind: 'latency', distribution: { type: 'fixed', ms: 2_000 }, rate: 1 }]);
    const ws = await open();
    const first = new Promise<{ id: number; status: number }>((resolve) =>
      ws.once('message', (data) => resolve(JSON.parse(data.toString()))),
    );
    for (let id = 1; id <= MAX_IN_FLIGHT_PER_SESSION + 1; id++) {
      ws.send(JSON.stringify({ id, method: 'POST', path: '/api/analyze', body: { text: TEXT } }));
    }
    expect(await first).toMatchObject({ id: MAX_IN_FLIGHT_PER_SESSION + 1, status: 429 });
    ws.terminate();
  });
});

describe('closing the WebSocket server', () => {
  it('ends handshakes held by a fault and open sessions, leaving no connection', async () => {
    const own = await startWebSocketServer({ seed: 1 });
    const session = new WebSocket(own.url);
    await new Promise((resolve) => session.once('open', resolve));
    own.handshakeFaults.setFaults([
      { kind: 'latency', distribution: { type: 'fixed', ms: 60_000 }, rate: 1, routes: ['/api/ws'] },
    ]);
    const held = new WebSocket(own.url);
    held.on('error', () => {});
    const heldClosed = new Promise((resolve) => held.once('close', resolve));
    const sessionClosed = new Promise<number>((resolve) => session.once('close', (code) => resolve(code)));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await own.close();
    expect(await sessionClosed).toBe(1006);
    await heldClosed;
    expect(await own.openConnections()).toBe(0);
  });
});

describe('WebSocket message faults, as a ws client sees them', () => {
  it('a 503 is a reply with status 503; the session stays open', async () => {
    const seen = await once({ kind: 'error', status: 503, rate: 1 });
    expect(seen).toMatchObject({ event: 'reply', reply: { id: 7, status: 503, faults: ['error'] } });
  });

  it('a 429 with retryAfter carries retryAfterMs', async () => {
    const seen = await once({ kind: 'error', status: 429, retryAfter: 1500, rate: 1 });
    expect(seen).toMatchObject({ event: 'reply', reply: { status: 429, retryAfterMs: 1500 } });
  });

  it('a delay holds the reply back', async () => {
    const seen = await once({ kind: 'latency', distribution: { type: 'fixed', ms: 150 }, rate: 1 });
    expect(seen).toMatchObject({ event: 'reply', reply: { status: 200 } });
    expect(seen.ms).toBeGreaterThanOrEqual(140);
  });

  it('a hang drops the message: no reply, no close', async () => {
    server.faults.setFaults([{ kind: 'network', error: 'hang', rate: 1 }]);
    const ws = await open();
    expect((await exchange(ws, 300)).event).toBe('silence');
    ws.terminate();
  });

  it('a reset is an abrupt close: 1006, no close frame', async () => {
    const seen = await once({ kind: 'network', error: 'reset', rate: 1 });
    expect(seen).toMatchObject({ event: 'close', code: 1006 });
  });

  it('a refusal closes the session with 1013 (try again later)', async () => {
    const seen = await once({ kind: 'network', error: 'refused', rate: 1 });
    expect(seen).toMatchObject({ event: 'close', code: 1013 });
  });

  it('a timeout replies 504 after the wait', async () => {
    const seen = await once({ kind: 'timeout', after: 120, rate: 1 });
    expect(seen).toMatchObject({ event: 'reply', reply: { status: 504 } });
    expect(seen.ms).toBeGreaterThanOrEqual(110);
  });

  it('a malformed fault corrupts bodyText', async () => {
    const seen = await once({ kind: 'malformed', mode: 'truncated', rate: 1 });
    expect(seen.event).toBe('reply');
    if (seen.event === 'reply') expect(() => JSON.parse(seen.reply.bodyText)).toThrow();
  });
});

describe('WebSocket handshake faults (faults routed to /api/ws), as a ws client sees them', () => {
  const onHandshake = (fault: Fault) => server.handshakeFaults.setFaults([{ ...fault, routes: ['/api/ws'] }]);

  it('a status refuses the upgrade with that status and Retry-After', async () => {
    onHandshake({ kind: 'error', status: 503, retryAfter: 2000, rate: 1 });
    expect(await handshake()).toMatchObject({ status: 503, retryAfter: '2' });
  });

  it('a refusal drops the connection before the upgrade', async () => {
    onHandshake({ kind: 'network', error: 'refused', rate: 1 });
    const seen = await handshake();
    expect(seen.status).toBeUndefined();
    expect(seen.error).toBeDefined();
  });

  it('a delay slows the handshake', async () => {
    onHandshake({ kind: 'latency', distribution: { type: 'fixed', ms: 150 }, rate: 1 });
    const seen = await handshake();
    expect(seen.status).toBe(101);
    expect(seen.ms).toBeGreaterThanOrEqual(140);
  });

  it('a hang leaves the session half-open: open, but no pong and no reply', async () => {
    onHandshake({ kind: 'network', error: 'hang', rate: 1 });
    const ws = await open();
    const pong = new Promise<boolean>((resolve) => {
      ws.once('pong', () => resolve(true));
      setTimeout(() => resolve(false), 300);
    });
    ws.ping();
    expect(await pong).toBe(false);
    expect((await exchange(ws, 200)).event).toBe('silence');
    ws.terminate();
  });

  it('a scenario’s faults reach the handshake only when routed to /api/ws', async () => {
    const scenarioServer = await startWebSocketServer({
      seed: 1,
      phases: [
        {
          name: 'both',
          from: 0,
          faults: [
            { kind: 'error', status: 503, rate: 1 },
            { kind: 'latency', distribution: { type: 'fixed', ms: 150 }, rate: 1, routes: ['/api/ws'] },
          ],
        },
      ],
    });
    try {
      const started = performance.now();
      const ws = new WebSocket(scenarioServer.url);
      await new Promise((resolve) => ws.once('open', resolve));
      expect(performance.now() - started).toBeGreaterThanOrEqual(140);
      expect(await exchange(ws)).toMatchObject({ event: 'reply', reply: { status: 503 } });
      ws.terminate();
    } finally {
      await scenarioServer.close();
    }
  });
});
