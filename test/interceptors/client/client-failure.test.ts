import { describe, expect, it } from 'vitest';
import type { CallContext } from '../../../src/backend/contract.ts';
import { createRealClock } from '../../../src/clock/real-clock.ts';
import { MalformedBodyError, NetworkError } from '../../../src/errors/call-errors.ts';
import type { CallScope } from '../../../src/interceptors/call-scope.ts';
import { readClientFailure } from '../../../src/interceptors/client/client-failure.ts';
import type { HttpAnswer } from '../../../src/interceptors/http-answer.ts';
import { createRng } from '../../../src/rng/rng.ts';

function scope(lastAnswer?: HttpAnswer, signal = new AbortController().signal): CallScope {
  const ctx: CallContext = { signal, clock: createRealClock(), rng: createRng(1) };
  return { ctx, lastAnswer };
}

const read = (error: unknown, lastAnswer?: HttpAnswer) => {
  try {
    return { response: readClientFailure(error, scope(lastAnswer)) };
  } catch (thrown) {
    return { thrown };
  }
};

describe('reading what a user client threw', () => {
  it('keeps the status and Retry-After of an axios error (err.response.status, AxiosHeaders-like get())', () => {
    const headers = { get: (name: string) => ({ 'retry-after': '3' })[name] };
    const error = Object.assign(new Error('Request failed with status code 503'), {
      code: 'ERR_BAD_RESPONSE',
      response: { status: 503, headers, data: { error: 'down' } },
    });
    expect(read(error).response).toEqual({
      status: 503,
      headers: { 'retry-after': '3' },
      body: { error: 'down' },
    });
  });

  it('keeps the status of a got error (err.response.statusCode, node headers)', () => {
    const error = Object.assign(new Error('Response code 429'), {
      code: 'ERR_NON_2XX_3XX_RESPONSE',
      response: {
        statusCode: 429,
        headers: { 'retry-after': '2', 'content-type': 'application/json' },
        body: '{}',
      },
    });
    expect(read(error).response).toEqual({
      status: 429,
      headers: { 'retry-after': '2', 'content-type': 'application/json' },
      body: '{}',
    });
  });

  it('keeps the status of a fetch Response attached to the error, or a status of its own', () => {
    const response = new Response('{}', { status: 502, headers: { 'retry-after': '1' } });
    expect(read(Object.assign(new Error('bad gateway'), { response })).response).toMatchObject({
      status: 502,
      headers: { 'retry-after': '1' },
    });
    expect(read(Object.assign(new Error('own'), { status: 404 })).response).toMatchObject({ status: 404 });
  });

  it('reads a body that did not parse as MALFORMED_BODY, whatever the library (even with a 200 attached)', () => {
    const fromFetch = new SyntaxError('Unexpected end of JSON input');
    const fromGot = Object.assign(new Error('Unexpected end'), {
      code: 'ERR_BODY_PARSE_FAILURE',
      response: { statusCode: 200 },
    });
    const wrapped = Object.assign(new Error('bad response'), { cause: new SyntaxError('x') });
    for (const error of [fromFetch, fromGot, wrapped]) {
      expect(read(error).thrown).toBeInstanceOf(MalformedBodyError);
    }
  });

  it('keeps a network code, looking through causes', () => {
    const undici = Object.assign(new TypeError('fetch failed'), {
      cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
    });
    expect(read(undici).thrown).toMatchObject({ code: 'ECONNRESET' });
    expect(read(undici).thrown).toBeInstanceOf(NetworkError);
    expect(read(Object.assign(new Error('x'), { code: 'ENOTFOUND' })).thrown).toMatchObject({
      code: 'ENOTFOUND',
    });
  });

  it('gives a code-less network error the code injected into the last exchange (msw cannot pass it on)', () => {
    const fromMsw = new TypeError('Failed to fetch');
    expect(read(fromMsw, { type: 'network-error', code: 'ECONNREFUSED' }).thrown).toMatchObject({
      code: 'ECONNREFUSED',
    });
    // The last exchange answered normally: the error is the client's own, and stays as it is.
    const own = new TypeError('Cannot read properties of undefined');
    expect(read(own, { type: 'response', status: 200, headers: {}, body: '{}' }).thrown).toBe(own);
  });

  it('rethrows the abort reason when the runner gave up on the call, whatever the client threw', () => {
    const controller = new AbortController();
    controller.abort(new Error('policy timeout'));
    expect(() => readClientFailure(new TypeError('aborted'), scope(undefined, controller.signal))).toThrow(
      'policy timeout',
    );
  });
});
