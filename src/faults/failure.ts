import type { EffectFailure } from './effect.ts';
import type { Failure, NetworkFailure } from './schema.ts';

const HANG: EffectFailure = Object.freeze({ type: 'hang' });

export function statusFailure(status: number, retryAfterMs?: number): EffectFailure {
  return Object.freeze(
    retryAfterMs === undefined ? { type: 'status', status } : { type: 'status', status, retryAfterMs },
  );
}

export function networkFailure(error: NetworkFailure): EffectFailure {
  return error === 'hang' ? HANG : Object.freeze({ type: 'network', error });
}

/** The effect of a scenario's `failure:` block (fail-first, flapping, degradation). */
export function toEffectFailure(failure: Failure): EffectFailure {
  return 'network' in failure
    ? networkFailure(failure.network)
    : statusFailure(failure.status, failure.retryAfter);
}
