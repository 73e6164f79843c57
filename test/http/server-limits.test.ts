import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isFaultlineError } from '../../src/errors/faultline-error.ts';
import type { Phase } from '../../src/faults/schema.ts';
import { startProxy } from '../../src/http/proxy.ts';
import { startServer } from '../../src/http/server.ts';
import { resolveServerLimits, SERVER_LIMITS, type ServerLimitsInput } from '../../src/http/server-limits.ts';
import { formatDuration } from '../../src/util/duration.ts';
import { eventually, fetchOutcome, nodeRequest } from './support/clients.ts';
import { type RawClient, rawConnect } from './support/raw-socket.ts';
import { startUpstream, type Upstream } from './support/upstream.ts';

/** Short limits, so a test sees each deadline pass; far below Node's own (60 s headers, 300 s request, 5 s idle). */
const LIMITS: ServerLimitsInput = {
  headerTimeoutMs: '300ms',
  requestTimeoutMs: '600ms',
  idleTimeoutMs: '1s',
  maxConnections: 3,
};
/** How long a test waits for the server to act on a deadline: well past it, well short of Node's default. */
const WITHIN_MS = 4000;

interface Target {
  readonly url: string;
  openConnections(): Promise<number>;
  close(): Promise<void>;
}

let upstream: Upstream;
beforeAll(async () => {
  upstream = await startUpstream((req, res) => {
    req.resume();
    req.on('end', () => res.end('{"status":"ok"}'));
  });
});
afterAll(() => upstream.close());

const SERVERS: readonly [string, (limits: ServerLimitsInput, phases?: Phase[]) => Promise<Target>][] = [
  ['serve', (limits, phases) => startServer({ limits, phases })],
  ['proxy', (limits, phases) => startProxy({ target: upstream.url, limits, phases })],
];

describe.each(SERVERS)('%s holds clients to its own limits', { timeout: 10_000 }, (_name, start) => {
  let server: Target;
  beforeAll(async () => {
    server = await start(LIMITS);
  });
  afterAll(() => server.close());

  const post = (client: RawClient, head: string) =>
    client.socket.write(`POST /api/analyze HTTP/1.1\r\nHost: 127.0.0.1\r\n${head}`);

  it('cuts off a client that sends half its headers and stalls, with a 408', async () => {
    const client = await rawConnect(server.url);
    post(client, 'Content-Type: application/json\r\n');
    expect(await client.closedWithin(WITHIN_MS)).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('cuts off a client whose body stalls after the headers, with a 408', async () => {
    const client = await rawConnect(server.url);
    post(client, 'Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"text":"a slow');
    expect(await client.closedWithin(WITHIN_MS)).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('advertises the idle timeout and closes an idle keep-alive connection', async () => {
    const client = await rawConnect(server.url);
    client.socket.write('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    await eventually(() => /\r\n\r\n/.test(client.received()));
    expect(client.received()).toMatch(/^HTTP\/1\.1 200 /);
    expect(client.received()).toMatch(/\r\nKeep-Alive: timeout=1\r\n/i);
    await client.closedWithin(WITHIN_MS);
  });

  it('closes, unanswered, a connection over --max-connections, and takes one again when a slot frees', async () => {
    const idle = await server.openConnections();
    const held = await Promise.all(
      Array.from({ length: 3 - idle }, async () => {
        const client = await rawConnect(server.url);
        // A request under way (headers not finished), so the connection is not idle.
        client.socket.write('GET /api/health HTTP/1.1\r\n');
        return client;
      }),
    );
    await eventually(async () => (await server.openConnections()) === 3);
    const extra = await rawConnect(server.url);
    expect(await extra.closedWithin(WITHIN_MS)).toBe('');
    expect(await server.openConnections()).toBe(3);
    for (const client of held) client.socket.destroy();
    await eventually(async () => (await server.openConnections()) === idle);
    const after = await nodeRequest(`${server.url}/api/health`);
    expect(after.ok && after.status).toBe(200);
  });
});

describe.each(SERVERS)('%s: the limits never cut a delay the faults inject on purpose', (_name, start) => {
  it('a latency fault longer than every timeout still answers', async () => {
    const slow: Phase[] = [
      {
        name: 'slow',
        from: 0,
        faults: [{ kind: 'latency', rate: 1, distribution: { type: 'fixed', ms: 1500 } }],
      },
    ];
    const server = await start({ headerTimeoutMs: 200, requestTimeoutMs: 300, idleTimeoutMs: 200 }, slow);
    try {
      const outcome = await fetchOutcome(`${server.url}/api/health`);
      expect(outcome.ok && outcome.status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

describe('the limits are bounded', () => {
  const refusal = (input: ServerLimitsInput) => {
    try {
      resolveServerLimits(input);
    } catch (error) {
      if (isFaultlineError(error)) return `${error.code}: ${error.message}`;
      throw error;
    }
    return 'accepted';
  };

  it('fills in the defaults, and reads durations with units', () => {
    expect(resolveServerLimits({})).toEqual({
      headerTimeoutMs: SERVER_LIMITS.headerTimeoutMs.default,
      requestTimeoutMs: SERVER_LIMITS.requestTimeoutMs.default,
      idleTimeoutMs: SERVER_LIMITS.idleTimeoutMs.default,
      maxConnections: SERVER_LIMITS.maxConnections.default,
      upstreamTimeoutMs: SERVER_LIMITS.upstreamTimeoutMs.default,
    });
    expect(resolveServerLimits({ requestTimeoutMs: '2m', idleTimeoutMs: 250 })).toMatchObject({
      requestTimeoutMs: 120_000,
      idleTimeoutMs: 250,
    });
    // A request timeout below the header default, given alone, brings the header timeout down with it.
    expect(resolveServerLimits({ requestTimeoutMs: '2s' })).toMatchObject({
      headerTimeoutMs: 2000,
      requestTimeoutMs: 2000,
    });
  });

  it('refuses values out of range, naming the flag and the range', () => {
    expect(refusal({ headerTimeoutMs: '0ms' })).toBe(
      'SERVER_LIMIT_INVALID: Invalid server limit: --header-timeout must be a duration from 100ms to 10m (got 0ms).',
    );
    expect(refusal({ requestTimeoutMs: '2h' })).toMatch(
      /--request-timeout must be a duration from 100ms to 1h/,
    );
    expect(refusal({ idleTimeoutMs: 'soon' })).toMatch(/--idle-timeout must be a duration/);
    expect(refusal({ maxConnections: 0 })).toMatch(
      /--max-connections must be a whole number from 1 to 65535/,
    );
    expect(refusal({ maxConnections: 1e9 })).toMatch(/--max-connections/);
    expect(refusal({ upstreamTimeoutMs: '2h' })).toMatch(
      /--upstream-timeout must be a duration from 100ms to 1h \(got 2h\)/,
    );
    expect(refusal({ maxConnections: 2.5 })).toMatch(/--max-connections/);
    expect(refusal({ headerTimeoutMs: '20s', requestTimeoutMs: '10s' })).toMatch(
      /--header-timeout must not be longer than --request-timeout/,
    );
  });

  it('serve and proxy refuse to start with a limit out of range', async () => {
    await expect(startServer({ limits: { maxConnections: 0 } })).rejects.toThrow(/--max-connections/);
    await expect(startProxy({ target: upstream.url, limits: { idleTimeoutMs: '1h' } })).rejects.toThrow(
      /--idle-timeout/,
    );
  });

  it('the README states each flag with the default and range the code has', async () => {
    const readme = (await readFile(new URL('../../README.md', import.meta.url), 'utf8')).replace(/\s+/g, ' ');
    for (const [name, { flag, min, max, default: fallback }] of Object.entries(SERVER_LIMITS)) {
      const show = name === 'maxConnections' ? String : formatDuration;
      expect(readme).toContain(`\`${flag}\` (default ${show(fallback)}, ${show(min)}–${show(max)})`);
    }
  });
});
