/**
 * The only door to time. Simulation uses the virtual clock, real-time runs the real one; nothing else
 * in faultline reads `Date`, `performance` or timers directly.
 */
export interface Clock {
  readonly kind: 'virtual' | 'real';
  /** Milliseconds since the run started. */
  now(): number;
  /** Resolves after `ms`; rejects with the signal's reason when aborted first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Runs `fn` after `ms`; returns a cancel function. */
  schedule(ms: number, fn: () => void): () => void;
}

/** Thrown by `sleep` when its signal aborts (the signal's own reason wins when it is an Error). */
export function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new DOMException('The operation was aborted', 'AbortError');
}
