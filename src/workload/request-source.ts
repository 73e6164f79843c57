import type { BackendRequest } from '../backend/contract.ts';
import { zipfSampler } from '../rng/distributions.ts';
import type { Rng } from '../rng/rng.ts';
import { type CorpusText, loadCorpus } from './corpus/index.ts';
import type { Workload } from './schema.ts';

/**
 * Draws the next request: an endpoint by weight from the mix, a text by Zipf popularity from the
 * shipped corpus (rank 0 is the most popular), so cache hit ratios look like real traffic.
 */
export function createRequestSource(workload: Workload, rng: Rng): () => BackendRequest {
  const corpus = loadCorpus(workload.corpus.language);
  const size = workload.corpus.size ?? corpus.length;
  const pickText = zipfSampler(size, workload.corpus.zipf);
  const totalWeight = workload.mix.reduce((sum, entry) => sum + entry.weight, 0);
  const entries = workload.mix.map((entry) => ({
    ...entry,
    method: entry.method ?? (entry.endpoint === '/api/health' ? 'GET' : 'POST'),
  }));
  // Requests for the same (mix entry, text) are shared, deep-frozen objects: the cache keys on content (and
  // may memoise the key of a frozen request), and reuse keeps the hot loop free of allocation. Indexed by
  // position rather than by a string key, which would hash the whole text on every draw.
  const memo: (BackendRequest | undefined)[][] = entries.map(() => []);
  return () => {
    let roll = rng.next() * totalWeight;
    let index = entries.length - 1;
    for (let i = 0; i < entries.length; i++) {
      roll -= entries[i]?.weight ?? 0;
      if (roll < 0) {
        index = i;
        break;
      }
    }
    const entry = entries[index];
    const shared = memo[index];
    if (!entry || !shared) throw new Error('workload mix is empty');
    if (entry.method === 'GET') return shareAt(shared, 0, () => ({ method: 'GET', path: entry.endpoint }));
    const at = pickText(rng);
    return shareAt(shared, at, () => ({
      method: 'POST',
      path: entry.endpoint,
      body: { text: corpusText(corpus, at) },
    }));
  };
}

/**
 * Text number `index` of a corpus of any size: the shipped texts first, then numbered variants of them
 * (same argument, a distinct body), so `corpus.size: 1000` really has 1000 distinct texts to cache.
 */
export function corpusText(corpus: readonly CorpusText[], index: number): string {
  const base = corpus[index % corpus.length]?.text ?? '';
  const round = Math.floor(index / corpus.length);
  return round === 0 ? base : `${base} (variant ${round + 1})`;
}

/** The shared request at `index`, made (and frozen, body included) on first use. */
function shareAt(
  shared: (BackendRequest | undefined)[],
  index: number,
  make: () => BackendRequest,
): BackendRequest {
  let request = shared[index];
  if (!request) {
    request = make();
    if (request.body) Object.freeze(request.body);
    shared[index] = Object.freeze(request);
  }
  return request;
}
