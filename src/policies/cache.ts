import { LRUCache } from 'lru-cache';
import type { BackendRequest } from '../backend/contract.ts';
import { cacheKey } from './cache-key.ts';
import type { PolicyEvent } from './events.ts';
import { type Load, type Recover, succeeded } from './outcome.ts';
import type { CacheConfig } from './schema.ts';
import type { Outcome, StackDeps } from './stack.ts';

const HIT: PolicyEvent = { type: 'cache-hit' };
const MISS: PolicyEvent = { type: 'cache-miss' };
const COALESCED: PolicyEvent = { type: 'cache-coalesced' };
const STALE: PolicyEvent = { type: 'cache-stale' };

interface Entry {
  readonly value: unknown;
  readonly storedAt: number;
}

export interface ResponseCache {
  /**
   * A fresh hit, or the outcome of an identical request already in flight, or `load` (whose success is
   * stored). When `load` fails: an expired entry still inside the stale-if-error window, else `recover`.
   */
  execute(request: BackendRequest, load: Load, recover: Recover): Promise<Outcome>;
}

/** Only successes are stored, so errors and fallback values are never served from the cache. */
export function createCache(config: CacheConfig, deps: StackDeps): ResponseCache {
  const { clock, events } = deps;
  const { ttl, coalesce } = config;
  const staleFor = config.staleIfError ?? 0;
  const entries = new LRUCache<string, Entry>({
    max: config.maxEntries,
    // Kept past `ttl` for the stale-if-error window; freshness is judged on storedAt below.
    ttl: ttl + staleFor,
    // lru-cache treats a start time of 0 as "no TTL", and the virtual clock starts at 0.
    perf: { now: () => clock.now() + 1 },
    // The default (1) caches "now" behind a timer, which would add timers to the simulation.
    ttlResolution: 0,
  });
  const inFlight = new Map<string, Promise<Outcome>>();

  const loadAndStore = async (key: string, request: BackendRequest, load: Load, recover: Recover) => {
    try {
      const value = await load(request);
      entries.set(key, { value, storedAt: clock.now() });
      return succeeded(value);
    } catch (error) {
      const entry = staleFor > 0 ? entries.get(key) : undefined;
      if (entry && clock.now() - entry.storedAt < ttl + staleFor) {
        events.emit(STALE);
        return succeeded(entry.value);
      }
      return recover(request, error);
    }
  };

  return {
    execute(request, load, recover) {
      const key = cacheKey(request);
      const entry = entries.get(key);
      if (entry && clock.now() - entry.storedAt < ttl) {
        events.emit(HIT);
        return Promise.resolve(succeeded(entry.value));
      }
      if (!coalesce) {
        events.emit(MISS);
        return loadAndStore(key, request, load, recover);
      }
      const pending = inFlight.get(key);
      if (pending) {
        events.emit(COALESCED);
        return pending;
      }
      events.emit(MISS);
      const outcome = loadAndStore(key, request, load, recover);
      inFlight.set(key, outcome);
      const settle = () => {
        if (inFlight.get(key) === outcome) inFlight.delete(key);
      };
      outcome.then(settle, settle);
      return outcome;
    },
  };
}
