import { type ChaosHandle, useChaos } from 'faultline/vitest';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FAILURE_LATENCY } from '../../plugins/mock-analysis/index.ts';
import { analysisRoute } from '../../src/analysis/router.ts';
import type { FaultInput } from '../../src/interceptors/chaos-source.ts';
import analyseWithAxios, { AXIOS_RETRIES } from '../fixtures/clients/axios-client.ts';
import analyseWithFetch from '../fixtures/clients/fetch-client.ts';
import analyseWithGot, { GOT_RETRY_LIMIT } from '../fixtures/clients/got-client.ts';

/*
 * Real, unmodified fetch, axios + axios-retry and got, their requests answered by msw and by nock under
 * injected faults, on the virtual clock. The counts are what each library's retry promises (axios-retry:
 * 3 retries, so 4 requests per call; got: limit 2, so 3), checked against the interception's stats.
 */

const BACKEND_MS = 50;
const TEXT = 'Everyone I know likes this film, so it must be good.';
const ANALYZE = { method: 'POST', path: '/api/analyze', body: { text: TEXT } } as const;
const CALLS = 5;

const CLIENTS = { fetch: analyseWithFetch, axios: analyseWithAxios, got: analyseWithGot } as const;
type ClientName = keyof typeof CLIENTS;

/** Requests per call each library makes against a route that always fails in a way it retries. */
const PER_CALL_WHEN_RETRIED: Record<ClientName, number> = {
  fetch: 1,
  axios: AXIOS_RETRIES + 1,
  got: GOT_RETRY_LIMIT + 1,
};

type Settled = { ok: true; value: unknown; atMs: number } | { ok: false; error: ErrorFields; atMs: number };
interface ErrorFields {
  readonly name?: string;
  readonly code?: string;
  readonly status?: number;
}

function chaosFor(interceptor: 'msw' | 'nock', faults: readonly FaultInput[]): ChaosHandle {
  return useChaos(faults, {
    interceptor,
    virtualTime: true,
    backend: { plugin: 'mock-analysis', options: { latency: { type: 'fixed', ms: BACKEND_MS } } },
  });
}

describe.each(['msw', 'nock'] as const)('real clients under %s', (interceptor) => {
  /** Starts one call of a client, recording how it ends and after how much (virtual) time. */
  function startCall(chaos: ChaosHandle, client: ClientName, signal = new AbortController().signal) {
    const started = chaos.clock.now();
    return CLIENTS[client](ANALYZE, { signal, baseUrl: chaos.baseUrl }).then(
      (value): Settled => ({ ok: true, value, atMs: chaos.clock.now() - started }),
      (error: unknown): Settled => ({
        ok: false,
        error: errorFields(error),
        atMs: chaos.clock.now() - started,
      }),
    );
  }

  /** One call, with virtual time moved as far as it needs. */
  const callWith = (chaos: ChaosHandle, client: ClientName) => chaos.run(startCall(chaos, client));

  describe('a route answering 503 to every request', () => {
    const chaos = chaosFor(interceptor, [{ kind: 'error', status: 503 }]);

    it.each(Object.keys(CLIENTS) as ClientName[])(
      '%s makes as many requests per call as its retry promises, all seen and failed',
      async (client) => {
        for (let i = 0; i < CALLS; i++) {
          const result = await callWith(chaos, client);
          expect(result).toMatchObject({ ok: false, error: { status: 503 } });
        }
        const expected = CALLS * PER_CALL_WHEN_RETRIED[client];
        expect(chaos.stats.calls).toBe(expected);
        expect(chaos.stats.callsByRoute).toEqual({ '/api/analyze': expected });
        expect(chaos.stats.faultsByKind).toEqual({ error: expected });
      },
    );
  });

  describe('a route answering 429 with Retry-After: 2s', () => {
    const chaos = chaosFor(interceptor, [{ kind: 'error', status: 429, retryAfter: '2s' }]);

    it('got waits exactly the Retry-After before each of its retries', async () => {
      const result = await callWith(chaos, 'got');
      expect(result).toMatchObject({ ok: false, error: { status: 429 } });
      // Each 429 comes back after mock-analysis's round trip for failures.
      expect(result.atMs).toBe(GOT_RETRY_LIMIT * 2000 + (GOT_RETRY_LIMIT + 1) * DEFAULT_FAILURE_LATENCY.ms);
      expect(chaos.stats.calls).toBe(GOT_RETRY_LIMIT + 1);
    });

    it('axios-retry waits at least the Retry-After before each of its retries', async () => {
      const result = await callWith(chaos, 'axios');
      expect(result.atMs).toBeGreaterThanOrEqual(AXIOS_RETRIES * 2000);
      expect(chaos.stats.calls).toBe(AXIOS_RETRIES + 1);
    });
  });

  describe('connections reset', () => {
    const chaos = chaosFor(interceptor, [{ kind: 'network', error: 'reset' }]);

    // msw can only fail a request with a bare network error: got, which retries by error code, gives up at
    // once, while axios-retry retries any response-less error. nock hands over the code itself.
    const expectations: Record<ClientName, { requests: number; code: string | undefined }> =
      interceptor === 'nock'
        ? {
            fetch: { requests: 1, code: 'ECONNRESET' },
            axios: { requests: AXIOS_RETRIES + 1, code: 'ECONNRESET' },
            got: { requests: GOT_RETRY_LIMIT + 1, code: 'ECONNRESET' },
          }
        : {
            fetch: { requests: 1, code: undefined },
            axios: { requests: AXIOS_RETRIES + 1, code: undefined },
            got: { requests: 1, code: 'ERR_GOT_REQUEST_ERROR' },
          };

    it.each(Object.keys(CLIENTS) as ClientName[])(
      '%s sees the reset as its library reports it',
      async (client) => {
        const result = await callWith(chaos, client);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error.code).toBe(expectations[client].code);
        expect(chaos.stats.calls).toBe(expectations[client].requests);
        expect(chaos.stats.faultsByKind).toEqual({ network: expectations[client].requests });
      },
    );
  });

  describe('2 s of added latency', () => {
    const chaos = chaosFor(interceptor, [{ kind: 'latency', distribution: { type: 'fixed', ms: 2000 } }]);

    it.each(Object.keys(CLIENTS) as ClientName[])(
      '%s gets the real answer after exactly the delay plus the backend time, in simulated time',
      async (client) => {
        const result = await callWith(chaos, client);
        expect(result).toMatchObject({
          ok: true,
          value: analysisRoute('POST', '/api/analyze', { text: TEXT }).body,
        });
        expect(result.atMs).toBe(2000 + BACKEND_MS);
      },
    );
  });

  describe('a hanging connection', () => {
    const chaos = chaosFor(interceptor, [{ kind: 'network', error: 'hang' }]);

    it('is still waiting after an hour, and ends when the client aborts', async () => {
      const controller = new AbortController();
      let ended = false;
      const call = startCall(chaos, 'fetch', controller.signal).finally(() => {
        ended = true;
      });
      await chaos.advance(3_600_000);
      expect(ended).toBe(false);
      chaos.clock.schedule(1000, () => controller.abort());
      const result = await chaos.run(call);
      expect(result).toMatchObject({ ok: false, error: { name: 'AbortError' } });
      expect(result.atMs).toBe(3_601_000);
      expect(chaos.stats.faultsByKind).toEqual({ network: 1 });
    });
  });

  describe('truncated bodies', () => {
    const chaos = chaosFor(interceptor, [{ kind: 'malformed', mode: 'truncated' }]);

    it('break the JSON parsing of fetch and got; axios hands over the raw text', async () => {
      expect(await callWith(chaos, 'fetch')).toMatchObject({ ok: false, error: { name: 'SyntaxError' } });
      expect(await callWith(chaos, 'got')).toMatchObject({
        ok: false,
        error: { code: 'ERR_BODY_PARSE_FAILURE' },
      });
      const viaAxios = await callWith(chaos, 'axios');
      expect(viaAxios.ok && typeof viaAxios.value).toBe('string');
      expect(chaos.stats.faultsByKind).toEqual({ malformed: 3 });
    });
  });
});

function errorFields(error: unknown): ErrorFields {
  const e = error as {
    name?: string;
    code?: string;
    status?: number;
    response?: { status?: number; statusCode?: number };
  };
  return { name: e.name, code: e.code, status: e.response?.status ?? e.response?.statusCode ?? e.status };
}
