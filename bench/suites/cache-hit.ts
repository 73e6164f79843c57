/**
 * The cache hit path for 1 KB texts: a bare lru-cache get, the same awaited, sha256 of the body, faultline's
 * cache key, and a faultline cache hit end to end (key hashing included). Each call builds a fresh
 * request object, as a caller does, so the key is really computed; the simulation's reused, frozen
 * requests get their key memoised, shown apart.
 */
import * as crypto from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { BackendRequest } from '../../src/backend/contract.ts';
import { createRealClock } from '../../src/clock/real-clock.ts';
import { createCache } from '../../src/policies/cache.ts';
import { cacheKey } from '../../src/policies/cache-key.ts';
import { NO_EVENTS } from '../../src/policies/events.ts';
import { failWith, type Load } from '../../src/policies/outcome.ts';
import { cacheSchema } from '../../src/policies/schema.ts';
import { createRng } from '../../src/rng/rng.ts';
import { loadCorpus } from '../../src/workload/corpus/index.ts';
import { measurePerCall, type PerCallTask } from '../lib/measure.ts';
import type { Suite, Table, TargetCheck } from '../lib/types.ts';

const TEXT_BYTES = 1024;
const DISTINCT = 64;
const HIT_TARGET_NS = 2000;
const BACKEND_CALL_MS = 200;
const PATH = '/api/analyze';

/** 64 distinct texts of exactly 1 KB (1024 ASCII characters), cut from the shipped English corpus. */
function oneKilobyteTexts(): string[] {
  const all = loadCorpus('en')
    .map((entry) => entry.text)
    .join(' ')
    .replace(/[^\x20-\x7e]/g, ' ');
  return Array.from({ length: DISTINCT }, (_, i) => `${i} ${all}`.slice(0, TEXT_BYTES));
}

export const cacheHitSuite: Suite = {
  title: 'Cache hit path, 1 KB texts',
  async run(ctx) {
    const texts = oneKilobyteTexts();
    let next = 0;
    const text = () => texts[next++ & (DISTINCT - 1)] as string;
    const fresh = (): BackendRequest => ({ method: 'POST', path: PATH, body: { text: text() } });
    const frozen = texts.map((t) =>
      Object.freeze({ method: 'POST', path: PATH, body: Object.freeze({ text: t }) }),
    );

    const lru = new LRUCache<string, object>({ max: 1000 });
    const keys = texts.map((t) => `POST ${PATH} ${t.length}:${t.slice(0, 16)}`);
    for (const key of keys) lru.set(key, { ok: true });
    const lruKey = () => keys[next++ & (DISTINCT - 1)] as string;
    const asyncGet = async (key: string) => lru.get(key);

    const cache = createCache(cacheSchema.parse({ ttl: '1h', maxEntries: 1000 }), {
      clock: createRealClock(),
      rng: createRng(1),
      events: NO_EVENTS,
    });
    let loads = 0;
    const load: Load = async () => {
      loads++;
      return { ok: true };
    };
    for (const request of frozen) await cache.execute(request, load, failWith);
    const loadsBefore = loads;
    const hit = ctx.slow((request: BackendRequest) => cache.execute(request, load, failWith));

    const tasks: PerCallTask[] = [
      { name: 'lru-cache get (key ready)', call: () => lru.get(lruKey()), async: false },
      { name: 'lru-cache get, awaited', call: () => asyncGet(lruKey()), async: true },
      { name: 'sha256 of 1 KB (crypto.hash)', call: () => sha256(text()), async: false },
      { name: 'faultline cacheKey (fresh request)', call: ctx.slow(() => cacheKey(fresh())), async: false },
      { name: 'faultline cache hit (fresh request)', call: () => hit(fresh()), async: true },
      {
        name: 'faultline cache hit (reused frozen request)',
        call: () => hit(frozen[next++ & (DISTINCT - 1)] as BackendRequest),
        async: true,
      },
    ];
    ctx.log(`cache hit: ${tasks.length} rows`);
    const ns = await measurePerCall(tasks, {
      timeMs: ctx.quick ? 20 : 400,
      rounds: ctx.quick ? 1 : 3,
      batch: ctx.quick ? 10 : 200,
    });
    if (loads !== loadsBefore) throw new Error('cache-hit bench: a measured call missed the cache');

    const hitNs = ns.get('faultline cache hit (fresh request)') ?? Number.POSITIVE_INFINITY;
    const saves = (BACKEND_CALL_MS * 1e6) / hitNs;
    const table: Table = {
      id: 'hit-path',
      title: 'Per call, 1 KB texts, 64 distinct bodies',
      description: `ns per call (best of interleaved rounds). “fresh request” rows build a new request object per call, so JSON.stringify and sha256 run every time. Faster than the ${BACKEND_CALL_MS} ms backend call it saves: ×${Math.round(saves).toLocaleString('en-US')}.`,
      columns: [
        { key: 'perCall', label: 'per call', unit: 'ns', better: 'lower', chart: true },
        { key: 'savedVsBackend', label: `× faster than a ${BACKEND_CALL_MS} ms call`, unit: 'x' },
      ],
      rows: tasks.map((task) => {
        const value = ns.get(task.name) ?? 0;
        return {
          name: task.name,
          values: { perCall: value, savedVsBackend: (BACKEND_CALL_MS * 1e6) / value },
        };
      }),
    };
    const targets: TargetCheck[] = [
      {
        name: 'faultline cache hit, 1 KB text, key hashing included',
        target: `≤ ${HIT_TARGET_NS / 1000} µs, i.e. ≥ 100,000× faster than the ${BACKEND_CALL_MS} ms call`,
        measured: `${(hitNs / 1000).toFixed(2)} µs (×${Math.round(saves).toLocaleString('en-US')})`,
        met: hitNs <= HIT_TARGET_NS,
      },
    ];
    return { tables: [table], targets };
  },
};

const sha256 = (text: string) => crypto.hash('sha256', text, 'base64url');
