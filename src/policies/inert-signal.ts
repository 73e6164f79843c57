const ignore = () => {};

/**
 * A signal nothing can abort, for the calls no policy cancels (stacks without a timeout or hedge, the
 * fallback's secondary call). A listener on it could never fire, so it keeps none: any number of calls
 * can share it without their listeners piling up, and a listener an attempt forgets to remove is not
 * held for the rest of the run. Sharing it spares each such call an AbortController of its own (the
 * largest part of what the stack added to a bare cockatiel retry). Its controller is dropped at once.
 */
export const INERT_SIGNAL: AbortSignal = inertSignal();

function inertSignal(): AbortSignal {
  const { signal } = new AbortController();
  // Not frozen: AbortSignal.any writes its bookkeeping onto its sources.
  Object.defineProperties(signal, {
    addEventListener: { value: ignore },
    removeEventListener: { value: ignore },
    onabort: { get: () => null, set: ignore },
  });
  return signal;
}
