import type { FaultDecider, FaultOf } from '../decider.ts';
import { statusFailure } from '../failure.ts';

interface Bucket {
  /** Tokens held, scaled by `window` so refills and costs stay exact for whole-ms inputs. */
  level: number;
  lastMs: number;
}

/**
 * A token bucket per backend: holds `limit` tokens (full at the first call), refills `limit` per `window`
 * continuously; a call without a token gets 429 with the given Retry-After, else the wait for the next token.
 */
export function rateLimitDecider(fault: FaultOf<'rate-limit'>): FaultDecider {
  const { limit, window } = fault;
  // Scaled units: one token is `window` units and each ms adds `limit`, so no division on the hot path.
  const capacity = limit * window;
  const fixedFailure = fault.retryAfter === undefined ? undefined : statusFailure(429, fault.retryAfter);
  const buckets = new Map<string, Bucket>();
  return {
    addsDelay: false,
    apply(nowMs, _rng, draft, backendName) {
      let bucket = buckets.get(backendName);
      if (!bucket) {
        bucket = { level: capacity, lastMs: nowMs };
        buckets.set(backendName, bucket);
      }
      bucket.level = Math.min(capacity, bucket.level + Math.max(0, nowMs - bucket.lastMs) * limit);
      bucket.lastMs = Math.max(bucket.lastMs, nowMs);
      if (bucket.level >= window) {
        bucket.level -= window;
        return false;
      }
      draft.failure = fixedFailure ?? statusFailure(429, Math.ceil((window - bucket.level) / limit));
      return true;
    },
  };
}
