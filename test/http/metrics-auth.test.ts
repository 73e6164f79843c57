import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isFaultlineError } from '../../src/errors/faultline-error.ts';
import { type RunningServer, startServer } from '../../src/http/server.ts';
import { nodeRequest } from './support/clients.ts';

const TOKEN_ENV = 'FAULTLINE_TEST_METRICS_TOKEN';
const TOKEN = 'metrics-token-9876543210';
const bearer = { authorization: `Bearer ${TOKEN}` };

const statusOf = async (url: string, headers: Record<string, string> = {}) => {
  const outcome = await nodeRequest(url, { headers });
  return outcome.ok ? outcome.status : outcome.code;
};

describe('serve --metrics-auth', () => {
  let guarded: RunningServer;
  let open: RunningServer;
  let noAuth: RunningServer;
  beforeAll(async () => {
    process.env[TOKEN_ENV] = TOKEN;
    [guarded, open, noAuth] = await Promise.all([
      startServer({ authEnv: TOKEN_ENV }),
      startServer({ authEnv: TOKEN_ENV, metricsAuth: false }),
      startServer(),
    ]);
  });
  afterAll(async () => {
    await Promise.all([guarded.close(), open.close(), noAuth.close()]);
    delete process.env[TOKEN_ENV];
  });

  it('with --auth-env, /metrics needs the token by default', async () => {
    expect(await statusOf(`${guarded.url}/metrics`)).toBe(401);
    expect(await statusOf(`${guarded.url}/metrics`, { authorization: 'Bearer wrong' })).toBe(401);
    const scraped = await nodeRequest(`${guarded.url}/metrics`, { headers: bearer });
    expect(scraped.ok && scraped.status).toBe(200);
    expect(scraped.ok && scraped.body.toString()).toMatch(/faultline_/);
  });

  it('--no-metrics-auth opens /metrics alone: the API still needs the token', async () => {
    expect(await statusOf(`${open.url}/metrics`)).toBe(200);
    expect(await statusOf(`${open.url}/api/analyze`)).toBe(401);
  });

  it('without --auth-env there is no token and /metrics is open', async () => {
    expect(await statusOf(`${noAuth.url}/metrics`)).toBe(200);
  });

  it('--metrics-auth without --auth-env is refused: there is no token to check', async () => {
    const attempt = startServer({ metricsAuth: true }).catch((error: unknown) => error);
    const error = await attempt;
    expect(isFaultlineError(error) && error.code).toBe('METRICS_AUTH_WITHOUT_TOKEN');
  });
});
