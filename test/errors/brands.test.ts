import { describe, expect, it } from 'vitest';
import {
  CallError,
  errorCode,
  HttpStatusError,
  isCallError,
  isHttpStatusError,
  isNetworkError,
  NetworkError,
} from '../../src/errors/call-errors.ts';
import { inCategory, isRetryable } from '../../src/policies/classify.ts';
import { installHint, missingPackage } from '../../src/util/missing-package.ts';

type CallErrors = typeof import('../../src/errors/call-errors.ts');

/** A second instance of the module, as when a plugin brings its own copy of faultline. */
async function secondCopy(): Promise<CallErrors> {
  const url = new URL('../../src/errors/call-errors.ts?second-copy', import.meta.url).href;
  return (await import(/* @vite-ignore */ url)) as CallErrors;
}

describe('call errors from another copy of faultline', () => {
  it('are classified by brand and kind, not by class', async () => {
    const copy = await secondCopy();
    expect(copy.HttpStatusError).not.toBe(HttpStatusError);
    const status = new copy.HttpStatusError(503, 2000);
    expect(status instanceof CallError).toBe(false);
    expect(isCallError(status)).toBe(true);
    expect(isHttpStatusError(status)).toBe(true);
    expect(inCategory(status, '5xx')).toBe(true);
    expect(inCategory(status, '4xx')).toBe(false);
    expect(errorCode(status)).toBe('HTTP_503');
    const reset = new copy.NetworkError('ECONNRESET');
    expect(isNetworkError(reset)).toBe(true);
    expect(isRetryable(reset, ['network'])).toBe(true);
    expect(isRetryable(reset, ['timeout'])).toBe(false);
  });

  it('an object without the brand is not a call error, whatever its fields', () => {
    const lookalike = Object.assign(new Error('x'), { kind: 'http', code: 'HTTP_503', status: 503 });
    expect(isCallError(lookalike)).toBe(false);
    expect(inCategory(lookalike, '5xx')).toBe(false);
    expect(isNetworkError(new NetworkError('EPIPE'))).toBe(true);
    expect(isHttpStatusError(new NetworkError('EPIPE'))).toBe(false);
  });
});

describe('missingPackage', () => {
  it('names the package an ESM import or a require could not find', () => {
    const esm = Object.assign(new Error("Cannot find package 'msw' imported from /app/x.js"), {
      code: 'ERR_MODULE_NOT_FOUND',
    });
    const cjs = Object.assign(new Error("Cannot find module '@scope/pkg/sub'\nRequire stack:"), {
      code: 'MODULE_NOT_FOUND',
    });
    expect(missingPackage(esm)).toBe('msw');
    expect(missingPackage(cjs)).toBe('@scope/pkg');
    expect(installHint('faultline check', 'fast-check')).toBe(
      'faultline check needs the fast-check package, which is not installed: npm install --save-dev fast-check',
    );
  });

  it('is undefined for a missing relative file or another failure', () => {
    const relative = Object.assign(new Error("Cannot find module './gone.js' imported from /app/x.js"), {
      code: 'ERR_MODULE_NOT_FOUND',
    });
    expect(missingPackage(relative)).toBeUndefined();
    expect(missingPackage(new Error("Cannot find package 'msw'"))).toBeUndefined();
  });
});
