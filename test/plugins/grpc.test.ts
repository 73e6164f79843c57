import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../../plugins/grpc/index.ts';
import type { Backend, BackendRequest, CallContext } from '../../src/backend/contract.ts';
import { createRealClock } from '../../src/clock/real-clock.ts';
import { isFaultlineError } from '../../src/errors/faultline-error.ts';
import { isGrpcStatusError } from '../../src/errors/grpc-status-error.ts';
import type { Fault } from '../../src/faults/schema.ts';
import { type RunningGrpcServer, startGrpcServer } from '../../src/grpc/server.ts';
import { clearSecrets } from '../../src/logging/secrets.ts';
import { isRetryable } from '../../src/policies/classify.ts';
import { createRng } from '../../src/rng/rng.ts';

const clock = createRealClock();
const ANALYZE: BackendRequest = {
  method: 'POST',
  path: '/api/analyze',
  body: { text: 'It rains, so it is wet.' },
};
const KEY_ENV = 'FAULTLINE_TEST_GRPC_PLUGIN_KEY';
const KEY = 'sk-test-grpc-0123456789abcdef';

const context = (signal = new AbortController().signal): CallContext => ({
  clock,
  rng: createRng(1),
  signal,
});

let server: RunningGrpcServer;
const opened: Backend[] = [];
async function open(options: Record<string, unknown>, allowInsecureHttp = false): Promise<Backend> {
  const created = await plugin.create(plugin.options.parse(options), {
    clock,
    rng: createRng(1),
    baseDir: '.',
    allowInsecureHttp,
  });
  opened.push(created);
  return created;
}
const keyed = () => open({ url: server.url, apiKeyEnv: KEY_ENV });
const only = (fault: Fault) => server.faults.setFaults([fault]);

beforeAll(async () => {
  process.env[KEY_ENV] = KEY;
  server = await startGrpcServer({ authEnv: KEY_ENV, seed: 2 });
});
afterEach(async () => {
  server.faults.setFaults([]);
  await Promise.all(opened.splice(0).map((backend) => backend.close?.()));
});
afterAll(async () => {
  delete process.env[KEY_ENV];
  clearSecrets();
  await server.close();
});

async function failure(backend: Backend, ctx = context()): Promise<Error> {
  try {
    await backend.call(ANALYZE, ctx);
  } catch (error) {
    return error as Error;
  }
  throw new Error('the call succeeded');
}

describe('grpc plugin', () => {
  it('calls the service with the key from the environment and returns a body that passes the shape check', async () => {
    const backend = await keyed();
    const response = await backend.call(ANALYZE, context());
    expect(response.status).toBe(200);
    expect(backend.validate?.(ANALYZE, response.body)).toBeUndefined();
    const health = await backend.call({ method: 'GET', path: '/api/health' }, context());
    expect(health.body).toEqual({ status: 'ok' });
  });

  it('without the key the call is UNAUTHENTICATED, and the key never shows in the error', async () => {
    const error = await failure(await open({ url: server.url }));
    expect(isGrpcStatusError(error) && error.code).toBe('GRPC_UNAUTHENTICATED');
    process.env.FAULTLINE_TEST_GRPC_WRONG_KEY = 'sk-wrong-key-0123456789';
    const wrong = await failure(await open({ url: server.url, apiKeyEnv: 'FAULTLINE_TEST_GRPC_WRONG_KEY' }));
    delete process.env.FAULTLINE_TEST_GRPC_WRONG_KEY;
    expect(wrong).toMatchObject({ code: 'GRPC_UNAUTHENTICATED' });
    expect(`${wrong.message} ${wrong.stack}`).not.toContain('sk-wrong-key');
  });

  it('refuses a missing key variable with one coded line', async () => {
    await expect(open({ url: server.url, apiKeyEnv: 'FAULTLINE_TEST_GRPC_UNSET' })).rejects.toSatisfy(
      (error: unknown) => isFaultlineError(error) && error.code === 'GRPC_API_KEY_MISSING',
    );
  });

  it('refuses plain-text grpc:// off loopback unless insecure transport is allowed', async () => {
    await expect(open({ url: 'grpc://10.1.2.3:50051' })).rejects.toSatisfy(
      (error: unknown) => isFaultlineError(error) && error.code === 'GRPC_INSECURE_URL',
    );
    await expect(open({ url: 'grpc://10.1.2.3:50051' }, true)).resolves.toBeDefined();
    await expect(open({ url: 'grpcs://10.1.2.3:50051' })).resolves.toBeDefined();
  });

  it('turns statuses into GrpcStatusError that retry and breaker classify like their HTTP statuses', async () => {
    const backend = await keyed();
    only({ kind: 'error', status: 503, rate: 1 });
    const unavailable = await failure(backend);
    expect(unavailable).toMatchObject({ kind: 'grpc', code: 'GRPC_UNAVAILABLE', status: 503 });
    expect(isRetryable(unavailable, ['5xx'])).toBe(true);
    expect(isRetryable(unavailable, ['4xx', '429', 'timeout', 'network'])).toBe(false);

    only({ kind: 'error', status: 429, retryAfter: 2500, rate: 1 });
    const exhausted = await failure(backend);
    expect(exhausted).toMatchObject({ code: 'GRPC_RESOURCE_EXHAUSTED', status: 429, retryAfterMs: 2500 });
    expect(isRetryable(exhausted, ['429'])).toBe(true);
    expect(isRetryable(exhausted, ['5xx'])).toBe(false);

    only({ kind: 'timeout', after: 20, rate: 1 });
    const deadline = await failure(backend);
    expect(deadline).toMatchObject({ code: 'GRPC_DEADLINE_EXCEEDED' });
    expect(isRetryable(deadline, ['timeout'])).toBe(true);
    expect(isRetryable(deadline, ['5xx'])).toBe(false);
  });

  it('reports a stream reset as ECONNRESET and a refused stream as ECONNREFUSED, as the HTTP plugin would', async () => {
    const backend = await keyed();
    only({ kind: 'network', error: 'reset', rate: 1 });
    expect(await failure(backend)).toMatchObject({ kind: 'network', code: 'ECONNRESET' });
    only({ kind: 'network', error: 'refused', rate: 1 });
    expect(await failure(backend)).toMatchObject({ kind: 'network', code: 'ECONNREFUSED' });
  });

  it('cancels the call when the signal aborts (the timeout policy’s deadline), freeing a hung call', async () => {
    const backend = await keyed();
    only({ kind: 'network', error: 'hang', rate: 1 });
    const controller = new AbortController();
    const pending = failure(backend, context(controller.signal));
    setTimeout(() => controller.abort(new Error('policy timeout')), 50);
    expect((await pending).message).toBe('policy timeout');
  });

  it('gives up after its own deadline option when nothing else does', async () => {
    const backend = await open({ url: server.url, apiKeyEnv: KEY_ENV, deadline: 80 });
    only({ kind: 'network', error: 'hang', rate: 1 });
    expect(await failure(backend)).toMatchObject({ kind: 'network', code: 'ETIMEDOUT' });
  });

  it('reports a server that is not there as ECONNREFUSED', async () => {
    const gone = await startGrpcServer();
    const url = gone.url;
    await gone.close();
    expect(await failure(await open({ url, deadline: 2000 }))).toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('answers a route the service has no RPC for as UNIMPLEMENTED, without calling', async () => {
    const backend = await keyed();
    await expect(
      backend.call({ method: 'POST', path: '/api/nothing', body: {} }, context()),
    ).rejects.toMatchObject({
      code: 'GRPC_UNIMPLEMENTED',
      status: 501,
    });
  });
});
