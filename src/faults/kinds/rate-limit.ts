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
  // Time is fractional (sub-ms), so a refill can land a rounding error short of a whole token: a caller that
  // waited exactly 1/rate (a client-side limiter at the same rate) must still find its token.
  const oneToken = window * (1 - 1e-9);
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
      if (bucket.level >= oneToken) {
        bucket.level = Math.max(0, bucket.level - window);
        return false;
      }
      draft.failure = fixedFailure ?? statusFailure(429, Math.ceil((window - bucket.level) / limit));
      return true;
    },
  };
}
