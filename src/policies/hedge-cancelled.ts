import { StacklessError } from '../errors/stackless.ts';

/**
 * Why a hedge aborts the attempts that lost: the winner answered. Not a failure of the backend's; built
 * without a stack (errors/stackless.ts).
 */
export class HedgeCancelledError extends StacklessError {
  override readonly name = 'HedgeCancelledError';
  readonly isHedgeCancelled = true;
  constructor() {
    super('another hedged attempt answered first');
  }
}

/** Whether `signal` was aborted by a hedge whose other attempt won (brand check, not instanceof). */
export function lostToHedge(signal: AbortSignal | undefined): boolean {
  const reason: unknown = signal?.aborted ? signal.reason : undefined;
  return typeof reason === 'object' && reason !== null && 'isHedgeCancelled' in reason;
}
