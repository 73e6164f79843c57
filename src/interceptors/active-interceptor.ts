import { FaultlineError } from '../errors/faultline-error.ts';

export type InterceptorKind = 'msw' | 'nock';

let active: InterceptorKind | undefined;

/**
 * Marks `kind` as the one interceptor of the process; the returned function releases it. msw and nock
 * both patch `http.request` and `fetch`, so with both active every request would pass through both:
 * refuse instead. `foreignActive` reports an interceptor faultline did not install (a nock loaded and
 * left active by the test itself).
 */
export function claimInterceptor(kind: InterceptorKind, foreignActive?: InterceptorKind): () => void {
  if (active === kind) {
    throw new FaultlineError(
      'INTERCEPTOR_ALREADY_INSTALLED',
      `faultline ${kind} chaos is already installed in this process: uninstall it before installing it again.`,
    );
  }
  const other = active ?? foreignActive;
  if (other) {
    throw new FaultlineError(
      'INTERCEPTORS_CONFLICT',
      `Cannot install ${kind} chaos while ${other} is active: both patch http.request and fetch, so every request would go through both. ` +
        (other === 'nock'
          ? 'nock activates itself when imported: call nock.restore() first, or use faultline/nock instead of faultline/msw.'
          : 'Uninstall the msw chaos first, or use one interceptor for the whole test file.'),
    );
  }
  active = kind;
  return () => {
    if (active === kind) active = undefined;
  };
}
