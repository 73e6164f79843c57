import {
  BrokenCircuitError,
  BulkheadRejectedError,
  IsolatedCircuitError,
  TaskCancelledError,
} from 'cockatiel';
import { describe, expect, it } from 'vitest';
import {
  CallError,
  errorCode,
  HttpStatusError,
  MalformedBodyError,
  NetworkError,
} from '../../src/errors/call-errors.ts';
import { inCategory, isRetryable } from '../../src/policies/classify.ts';
import type { Retryable } from '../../src/policies/schema.ts';

const ALL: readonly Retryable[] = ['5xx', '429', '4xx', 'network', 'timeout', 'malformed'];
const categoriesOf = (error: unknown) => ALL.filter((category) => inCategory(error, category));

describe('inCategory', () => {
  it.each([
    [new HttpStatusError(500), ['5xx']],
    [new HttpStatusError(503, 1000), ['5xx']],
    [new HttpStatusError(599), ['5xx']],
    [new HttpStatusError(429, 2000), ['429', '4xx']],
    [new HttpStatusError(404), ['4xx']],
    [new HttpStatusError(400), ['4xx']],
    [new HttpStatusError(302), []],
    [new NetworkError('ECONNRESET'), ['network']],
    [new NetworkError('ETIMEDOUT'), ['network']],
    [new MalformedBodyError('truncated'), ['malformed']],
    [new CallError('timeout', 'TIMEOUT', 'slow'), ['timeout']],
    [new CallError('hang', 'HANG', 'no answer'), ['timeout']],
    [new TaskCancelledError('Operation timed out after 5ms'), ['timeout']],
    [new BrokenCircuitError(), []],
    [new BulkheadRejectedError(1, 0), []],
    [new Error('something else'), []],
    ['a string', []],
    [undefined, []],
  ])('%s falls in %j', (error, expected) => {
    expect(categoriesOf(error)).toEqual(expected);
  });
});

describe('isRetryable', () => {
  it('is true when any listed category matches', () => {
    expect(isRetryable(new HttpStatusError(429), ['4xx'])).toBe(true);
    expect(isRetryable(new HttpStatusError(429), ['5xx', '429'])).toBe(true);
    expect(isRetryable(new HttpStatusError(404), ['5xx', '429', 'network', 'timeout'])).toBe(false);
    expect(isRetryable(new NetworkError('ECONNREFUSED'), [])).toBe(false);
  });
});

describe('errorCode of policy rejections', () => {
  it('names cockatiel errors by their flags (their name is plain "Error")', () => {
    expect(errorCode(new TaskCancelledError())).toBe('TIMEOUT');
    expect(errorCode(new BrokenCircuitError())).toBe('BREAKER_OPEN');
    expect(errorCode(new IsolatedCircuitError())).toBe('BREAKER_OPEN');
    expect(errorCode(new BulkheadRejectedError(2, 1))).toBe('BULKHEAD_FULL');
  });
});
