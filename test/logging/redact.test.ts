import { afterEach, describe, expect, it } from 'vitest';
import { REDACTED, redact, redactValue } from '../../src/logging/redact.ts';
import { clearSecrets, registerSecret } from '../../src/logging/secrets.ts';

afterEach(() => clearSecrets());

describe('redact(text)', () => {
  it.each([
    ['GET /api?token=abc123&page=2', `GET /api?token=${REDACTED}&page=2`],
    ['https://h/x?api_key=K-1&key=k2#frag', `https://h/x?api_key=${REDACTED}&key=${REDACTED}#frag`],
    ['/cb?access_token=eyJhbGciOi.x.y', `/cb?access_token=${REDACTED}`],
    ['Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig', `Authorization: Bearer ${REDACTED}`],
    ['sent Basic dXNlcjpwYXNz to the API', `sent Basic ${REDACTED} to the API`],
    ['x-api-key: sk_live_123456', `x-api-key: ${REDACTED}`],
    ['{"apiKey":"sk_live_123456","n":1}', `{"apiKey":"${REDACTED}","n":1}`],
    ['cookie=session=abc; path=/', `cookie=${REDACTED}; path=/`],
    ['https://user:hunter22@db.example/x', `https://user:${REDACTED}@db.example/x`],
  ])('%s', (input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it('keeps ordinary text, key names and the name of the variable holding a key', () => {
    const text = 'apiKeyEnv: ANALYSIS_API_KEY; the key idea is a token of goodwill; /api/analyze?page=2';
    expect(redact(text)).toBe(text);
  });

  it('replaces registered secrets wherever they appear, even where no pattern would see them', () => {
    registerSecret('plain-looking-value-42');
    expect(redact('failed: plain-looking-value-42 rejected (plain-looking-value-42)')).toBe(
      `failed: ${REDACTED} rejected (${REDACTED})`,
    );
  });

  it('does not register values too short to be secrets (they would mangle every text)', () => {
    registerSecret('abc');
    expect(redact('abc abc')).toBe('abc abc');
  });
});

describe('redactValue(value)', () => {
  it('replaces credential fields at any depth and scrubs strings, leaving the rest', () => {
    const input = {
      req: {
        headers: { Authorization: 'Bearer abcdefgh', 'X-Api-Key': 'k', accept: 'json' },
        url: '/a?token=t0k',
      },
      res: { headers: { 'set-cookie': ['a=1', 'b=2'] } },
      list: [{ password: 'p' }, 'Bearer zyxwvuts'],
      count: 3,
    };
    expect(redactValue(input)).toEqual({
      req: {
        headers: { Authorization: REDACTED, 'X-Api-Key': REDACTED, accept: 'json' },
        url: `/a?token=${REDACTED}`,
      },
      res: { headers: { 'set-cookie': REDACTED } },
      list: [{ password: REDACTED }, `Bearer ${REDACTED}`],
      count: 3,
    });
  });

  it('turns errors into plain objects with scrubbed message and stack, and survives cycles', () => {
    registerSecret('sk-secret-value');
    const error = Object.assign(new Error('rejected key sk-secret-value'), { code: 'E_AUTH' });
    const cyclic: Record<string, unknown> = { error };
    cyclic.self = cyclic;
    const out = redactValue(cyclic) as { error: Record<string, unknown>; self: unknown };
    expect(out.error).toMatchObject({ type: 'Error', code: 'E_AUTH', message: `rejected key ${REDACTED}` });
    expect(String(out.error.stack)).not.toContain('sk-secret-value');
    expect(out.self).toBe('[Circular]');
  });
});
