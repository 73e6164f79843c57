import { describe, expect, it } from 'vitest';
import { finished, runCli, startCli, waitForOutput } from '../cli/cli-process.ts';
import { nodeRequest } from './support/clients.ts';
import { rawConnect } from './support/raw-socket.ts';

const TOKEN_ENV = 'FAULTLINE_TEST_FLAGS_TOKEN';

const oneLine = async (args: string[]) => {
  const run = await runCli(args);
  expect(run.code).toBe(2);
  const lines = run.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  return lines[0];
};

describe('serve and proxy limit and auth flags on the command line', { timeout: 30_000 }, () => {
  it('serve --auth-env … --no-metrics-auth opens /metrics only; --header-timeout reaches the server', async () => {
    const serve = startCli(
      ['serve', '--port', '0', '--auth-env', TOKEN_ENV, '--no-metrics-auth', '--header-timeout', '200ms'],
      { env: { [TOKEN_ENV]: 'flags-token-0123456789' } },
    );
    try {
      const printed = await waitForOutput(serve, /faultline serve: http:\S+/);
      const url = /faultline serve: (http:\/\/\S+)/.exec(printed)?.[1] ?? '';
      const metrics = await nodeRequest(`${url}/metrics`);
      const api = await nodeRequest(`${url}/api/analyze`, { method: 'POST', body: '{}' });
      expect([metrics.ok && metrics.status, api.ok && api.status]).toEqual([200, 401]);
      const stalled = await rawConnect(url);
      stalled.socket.write('GET /api/health HTTP/1.1\r\n');
      expect(await stalled.closedWithin(4000)).toMatch(/^HTTP\/1\.1 408 /);
    } finally {
      serve.kill('SIGINT');
      await finished(serve);
    }
  });

  it('a limit out of range: one line naming the flag and its range, exit 2', async () => {
    expect(await oneLine(['serve', '--port', '0', '--max-connections', '100000'])).toBe(
      'faultline: Invalid server limit: --max-connections must be a whole number from 1 to 65535 (got 100000).',
    );
    expect(
      await oneLine(['proxy', '--target', 'http://127.0.0.1:9', '--port', '0', '--idle-timeout', '1h']),
    ).toBe('faultline: Invalid server limit: --idle-timeout must be a duration from 100ms to 10m (got 1h).');
  });

  it('--metrics-auth without --auth-env: one line, exit 2', async () => {
    expect(await oneLine(['serve', '--port', '0', '--metrics-auth'])).toBe(
      'faultline: --metrics-auth needs --auth-env: name the environment variable holding the token /metrics should require.',
    );
  });

  it('proxy --target at the metadata address inside NAT64: one line, exit 2', async () => {
    expect(await oneLine(['proxy', '--target', 'http://[64:ff9b::a9fe:a9fe]', '--port', '0'])).toMatch(
      /^faultline: Refused target http:\/\/\[64:ff9b::a9fe:a9fe\]: .*metadata address .*169\.254\.169\.254/,
    );
  });
});
