import { CallError } from '../errors/call-errors.ts';
import type { AttemptFn, ResilientClient } from '../policies/stack.ts';

export interface Leg {
  readonly name: string;
  readonly client: ResilientClient;
}

/**
 * Primary, then secondary, and so on: each backend behind its own retry/breaker/timeout, so an open
 * breaker on the primary sends traffic straight to the next one. Fails with the last backend's code.
 */
export function failoverAttempt(legs: readonly Leg[]): AttemptFn {
  return async (request) => {
    let lastCode = 'UNKNOWN';
    for (const leg of legs) {
      const outcome = await leg.client.execute(request);
      if (outcome.kind !== 'failed') return outcome.value;
      lastCode = outcome.code ?? 'UNKNOWN';
    }
    throw new CallError('exhausted', lastCode, `all ${legs.length} backends failed (last: ${lastCode})`);
  };
}
