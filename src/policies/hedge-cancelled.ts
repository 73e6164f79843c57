/** Why a hedge aborts the attempts that lost: the winner answered. Not a failure of the backend's. */
export class HedgeCancelledError extends Error {
  override readonly name = 'HedgeCancelledError';
  readonly isHedgeCancelled = true;
  constructor() {
    // A simulated outcome, made by the thousand: no stack (see errors/stackless.ts).
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super('another hedged attempt answered first');
    Error.stackTraceLimit = limit;
  }
}

/** Whether `signal` was aborted by a hedge whose other attempt won (brand check, not instanceof). */
export function lostToHedge(signal: AbortSignal | undefined): boolean {
  const reason: unknown = signal?.aborted ? signal.reason : undefined;
  return typeof reason === 'object' && reason !== null && 'isHedgeCancelled' in reason;
}
