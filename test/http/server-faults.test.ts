import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Fault } from '../../src/faults/schema.ts';
import { faultSchema } from '../../src/faults/schema.ts';
import { type RunningServer, startServer } from '../../src/http/server.ts';
import { eventually, fetchOutcome, jsonPost, nodeJsonPost, nodeRequest } from './support/clients.ts';
import { createInstantClock, type InstantClock } from './support/instant-clock.ts';

const TEXT = { text: 'All men are mortal. Socrates is a man, therefore Socrates is mortal.' };
const faults = (...input: unknown[]): Fault[] => input.map((fault) => faultSchema.parse(fault));

let server: RunningServer;
let clock: InstantClock;
let healthyBody: string;

/** The same request through fetch and node:http. */
async function bothClients(path = '/api/analyze') {
  const [viaFetch, viaNode] = await Promise.all([
    fetchOutcome(server.url + path, jsonPost(TEXT)),
    nodeRequest(server.url + path, nodeJsonPost(TEXT)),
  ]);
  return { viaFetch, viaNode };
}

beforeAll(async () => {
  clock = createInstantClock();
  server = await startServer({ clock, seed: 7 });
  const res = await fetch(`${server.url}/api/analyze`, jsonPost(TEXT));
  healthyBody = await res.text();
});
afterAll(() => server.close());

describe('faultline serve turns each fault into what a real client sees', () => {
  it('answers normally when no fault is in force', async () => {
    const { viaFetch, viaNode } = await bothClients();
    for (const outcome of [viaFetch, viaNode]) {
      expect(outcome.ok && outcome.status).toBe(200);
      if (outcome.ok) expect(JSON.parse(outcome.body.toString())).toEqual(JSON.parse(healthyBody));
    }
  });

  it('503 from an error fault, with the injected-fault body', async () => {
    server.faults.setFaults(faults({ kind: 'error', status: 503 }));
    const { viaFetch, viaNode } = await bothClients();
    for (const outcome of [viaFetch, viaNode]) {
      expect(outcome.ok && outcome.status).toBe(503);
      if (outcome.ok) expect(JSON.parse(outcome.body.toString()).error.code).toBe('FAULT_INJECTED');
    }
  });

  it('429 with Retry-After in whole seconds (1.5s rounds up to 2)', async () => {
    server.faults.setFaults(faults({ kind: 'error', status: 429, retryAfter: '1.5s' }));
    const { viaFetch, viaNode } = await bothClients();
    expect(viaFetch.ok && viaFetch.headers.get('retry-after')).toBe('2');
    expect(viaNode.ok && viaNode.headers['retry-after']).toBe('2');
    expect(viaFetch.ok && viaFetch.status).toBe(429);
  });

  it('a rate-limit fault lets `limit` calls through per window, then 429s', async () => {
    server.faults.setFaults(faults({ kind: 'rate-limit', limit: 2, window: '1m', retryAfter: '30s' }));
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const outcome = await fetchOutcome(`${server.url}/api/analyze`, jsonPost(TEXT));
      statuses.push(outcome.ok ? outcome.status : 0);
    }
    expect(statuses).toEqual([200, 200, 429, 429]);
  });

  it('a reset fault sends a TCP RST: both clients fail with ECONNRESET', async () => {
    server.faults.setFaults(faults({ kind: 'network', error: 'reset' }));
    const { viaFetch, viaNode } = await bothClients();
    expect(viaFetch).toMatchObject({ ok: false, code: 'ECONNRESET' });
    expect(viaNode).toMatchObject({ ok: false, code: 'ECONNRESET' });
  });

  it('a refused fault closes the accepted connection with no reply at all (an empty reply)', async () => {
    server.faults.setFaults(faults({ kind: 'network', error: 'refused' }));
    const { viaFetch, viaNode } = await bothClients();
    // undici: "other side closed"; node:http: "socket hang up".
    expect(viaFetch).toMatchObject({ ok: false, code: 'UND_ERR_SOCKET' });
    expect(viaNode).toMatchObject({ ok: false, code: 'ECONNRESET', message: 'socket hang up' });
  });

  it('a timeout fault waits `after` then answers 504, as a gateway that gave up', async () => {
    server.faults.setFaults(faults({ kind: 'timeout', after: '2s' }));
    clock.sleeps.length = 0;
    const { viaFetch, viaNode } = await bothClients();
    expect(viaFetch.ok && viaFetch.status).toBe(504);
    expect(viaNode.ok && viaNode.status).toBe(504);
    expect(clock.sleeps).toEqual([2000, 2000]);
  });

  it('a latency fault delays the answer by the sampled amount and leaves the body intact', async () => {
    server.faults.setFaults(faults({ kind: 'latency', distribution: { type: 'fixed', ms: 150 } }));
    clock.sleeps.length = 0;
    const outcome = await fetchOutcome(`${server.url}/api/analyze`, jsonPost(TEXT));
    expect(clock.sleeps).toEqual([150]);
    expect(outcome.ok && outcome.body.toString()).toBe(healthyBody);
  });

  it('truncated: a 200 whose body is the first half of the real answer, so JSON parsing fails', async () => {
    server.faults.setFaults(faults({ kind: 'malformed', mode: 'truncated' }));
    const { viaFetch, viaNode } = await bothClients();
    for (const outcome of [viaFetch, viaNode]) {
      if (!outcome.ok) throw new Error(`request failed: ${outcome.code}`);
      const text = outcome.body.toString();
      expect(outcome.status).toBe(200);
      expect(text).toBe(healthyBody.slice(0, Math.floor(healthyBody.length / 2)));
      expect(() => JSON.parse(text)).toThrow(SyntaxError);
    }
  });

  it('garbage: a 200 with an HTML error page instead of JSON', async () => {
    server.faults.setFaults(faults({ kind: 'malformed', mode: 'garbage' }));
    const { viaFetch } = await bothClients();
    expect(viaFetch.ok && viaFetch.body.toString()).toMatch(/^<html>/);
  });

  it('empty: a 200 with a zero-length body', async () => {
    server.faults.setFaults(faults({ kind: 'malformed', mode: 'empty' }));
    const { viaFetch, viaNode } = await bothClients();
    expect(viaFetch.ok && viaFetch.body.length).toBe(0);
    expect(viaNode.ok && viaNode.headers['content-length']).toBe('0');
  });

  it('faults limited to some routes leave the others alone', async () => {
    server.faults.setFaults(faults({ kind: 'error', status: 500, routes: ['/api/validate'] }));
    const hit = await fetchOutcome(`${server.url}/api/validate`, jsonPost(TEXT));
    const spared = await fetchOutcome(`${server.url}/api/analyze`, jsonPost(TEXT));
    expect(hit.ok && hit.status).toBe(500);
    expect(spared.ok && spared.status).toBe(200);
  });
});

describe('dribble mode', () => {
  it('sends the headers first and the body in pieces spread over the latency', async () => {
    const dribbleClock = createInstantClock();
    const dribbling = await startServer({ clock: dribbleClock, dribble: true, seed: 1 });
    try {
      dribbling.faults.setFaults(faults({ kind: 'latency', distribution: { type: 'fixed', ms: 100 } }));
      const outcome = await nodeRequest(`${dribbling.url}/api/analyze`, nodeJsonPost(TEXT));
      expect(outcome.ok && outcome.body.toString()).toBe(healthyBody);
      expect(dribbleClock.sleeps).toEqual(Array(10).fill(10));
    } finally {
      await dribbling.close();
    }
  });
});

describe('hang and reset leave no sockets behind', () => {
  it('a hung request holds its connection until close, then nothing stays open', async () => {
    const hanging = await startServer({ seed: 1 });
    hanging.faults.setFaults(faults({ kind: 'network', error: 'hang' }));
    const pending = [
      fetchOutcome(`${hanging.url}/api/analyze`, jsonPost(TEXT)),
      nodeRequest(`${hanging.url}/api/analyze`, nodeJsonPost(TEXT)),
    ];
    await eventually(async () => (await hanging.openConnections()) === 2);
    await hanging.close();
    expect(await hanging.openConnections()).toBe(0);
    expect((await Promise.all(pending)).map((outcome) => outcome.ok)).toEqual([false, false]);
  });

  it('reset connections are gone from the server at once', async () => {
    const resetting = await startServer({ seed: 1 });
    try {
      resetting.faults.setFaults(faults({ kind: 'network', error: 'reset' }));
      for (let i = 0; i < 5; i++) await fetchOutcome(`${resetting.url}/api/analyze`, jsonPost(TEXT));
      await eventually(async () => (await resetting.openConnections()) === 0);
    } finally {
      await resetting.close();
    }
    expect(await resetting.openConnections()).toBe(0);
  });
});
