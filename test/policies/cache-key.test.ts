import { describe, expect, it } from 'vitest';
import type { BackendRequest } from '../../src/backend/contract.ts';
import { cacheKey } from '../../src/policies/cache-key.ts';

const text = 'Everyone believes it, so it must be true.';

describe('cacheKey', () => {
  it('gives a deep-frozen request the same key as an equal fresh one, however often it is asked', () => {
    const frozen: BackendRequest = Object.freeze({
      method: 'POST',
      path: '/api/analyze',
      body: Object.freeze({ text }),
    });
    const fresh = { method: 'POST' as const, path: '/api/analyze', body: { text } };
    expect(cacheKey(frozen)).toBe(cacheKey(fresh));
    expect(cacheKey(frozen)).toBe(cacheKey(frozen));
  });

  it('hashes a request that is not frozen every time, so a changed body gets a new key', () => {
    const body = { text };
    const request: BackendRequest = { method: 'POST', path: '/api/analyze', body };
    const before = cacheKey(request);
    body.text = 'A different argument.';
    expect(cacheKey(request)).not.toBe(before);
  });

  it('does not trust a frozen request whose body is still mutable', () => {
    const body = { text };
    const request: BackendRequest = Object.freeze({ method: 'POST', path: '/api/analyze', body });
    const before = cacheKey(request);
    body.text = 'A different argument.';
    expect(cacheKey(request)).not.toBe(before);
  });

  it('tells a { text } body from any other body, even one carrying the same text', () => {
    const key = (body: unknown) => cacheKey({ method: 'POST', path: '/api/analyze', body });
    expect(key({ text })).toBe(key({ text: `${text}` }));
    expect(key({ text })).not.toBe(key({ text: 'Another argument.' }));
    expect(key({ text })).not.toBe(key(text));
    expect(key({ text })).not.toBe(key({ text, language: 'en' }));
    expect(key({ text: 1 })).not.toBe(key({ text: '1' }));
    expect(key({ text: 1 })).toBe(key({ text: 1 }));
  });
});
