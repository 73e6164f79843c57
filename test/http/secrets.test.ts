import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../../plugins/http/index.ts';
import type { BackendRequest } from '../../src/backend/contract.ts';
import { createRealClock } from '../../src/clock/real-clock.ts';
import { startProxy } from '../../src/http/proxy.ts';
import { startServer } from '../../src/http/server.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { redact } from '../../src/logging/redact.ts';
import { clearSecrets } from '../../src/logging/secrets.ts';
import { createRng } from '../../src/rng/rng.ts';
import { fetchOutcome } from './support/clients.ts';

const KEY_ENV = 'FAULTLINE_TEST_SECRET_KEY';
const KEY = `sk-live-${randomBytes(16).toString('hex')}`;

afterAll(() => {
  delete process.env[KEY_ENV];
  clearSecrets();
});

describe('an API key set in the environment', () => {
  it('appears in no log line and no error, whatever path it travels', async () => {
    process.env[KEY_ENV] = KEY;
    const lines: string[] = [];
    const logger = createLogger({
      level: 'trace',
      destination: { write: (line: string) => void lines.push(line) },
    });
    const errors: unknown[] = [];
    const clock = createRealClock();
    const ctx = { clock, rng: createRng(1), signal: new AbortController().signal };
    const analyze: BackendRequest = { method: 'POST', path: '/api/analyze', body: { text: 'so it goes' } };

    const server = await startServer({ authEnv: KEY_ENV, logger, seed: 1 });
    const proxy = await startProxy({ target: server.url, logger, seed: 1 });
    const viaProxy = await plugin.create(plugin.options.parse({ url: proxy.url, apiKeyEnv: KEY_ENV }), {
      clock,
      rng: createRng(1),
      baseDir: '.',
    });
    expect((await viaProxy.call(analyze, ctx)).status).toBe(200);
    // The key in a query string and in a wrong header: both end up in the server's request log.
    await fetchOutcome(`${server.url}/api/analyze?token=${KEY}`, { method: 'POST', body: '{}' });
    await fetchOutcome(`${server.url}/api/analyze`, {
      method: 'POST',
      headers: { authorization: `Basic ${KEY}` },
    });
    // A library error that echoes the header it was given, logged and thrown.
    const echoed = new Error(`invalid header value "Bearer ${KEY}"`);
    logger.error(
      { err: echoed, req: { headers: { authorization: `Bearer ${KEY}`, 'x-api-key': KEY } } },
      'failed',
    );
    errors.push(redact(echoed.message));

    await server.close();
    errors.push(
      await viaProxy.call(analyze, ctx).then(
        (response) => response.body,
        (error: unknown) => error,
      ),
    );
    await proxy.close();
    errors.push(await viaProxy.call(analyze, ctx).catch((error: unknown) => error));
    await viaProxy.close?.();

    const logged = lines.join('');
    expect(lines.length).toBeGreaterThan(5);
    expect(logged).toContain('[REDACTED]');
    expect(logged).not.toContain(KEY);
    for (const error of errors) {
      const text = error instanceof Error ? `${error.message}\n${error.stack}` : JSON.stringify(error);
      expect(text).not.toContain(KEY);
    }
  });
});
