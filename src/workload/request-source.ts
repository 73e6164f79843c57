import type { BackendRequest } from '../backend/contract.ts';
import { zipfSampler } from '../rng/distributions.ts';
import type { Rng } from '../rng/rng.ts';
import { loadCorpus } from './corpus/index.ts';
import type { Workload } from './schema.ts';

/**
 * Draws the next request: an endpoint by weight from the mix, a text by Zipf popularity from the
 * shipped corpus (rank 0 is the most popular), so cache hit ratios look like real traffic.
 */
export function createRequestSource(workload: Workload, rng: Rng): () => BackendRequest {
  const corpus = loadCorpus(workload.corpus.language);
  const size = Math.min(workload.corpus.size ?? corpus.length, corpus.length);
  const pickText = zipfSampler(size, workload.corpus.zipf);
  const totalWeight = workload.mix.reduce((sum, entry) => sum + entry.weight, 0);
  const entries = workload.mix.map((entry) => ({
    ...entry,
    method: entry.method ?? (entry.endpoint === '/api/health' ? 'GET' : 'POST'),
  }));
  // Requests for the same (endpoint, text) are shared objects: the cache keys on content, and reuse keeps
  // the hot loop free of allocation.
  const memo = new Map<string, BackendRequest>();
  return () => {
    let roll = rng.next() * totalWeight;
    let entry = entries[entries.length - 1];
    for (const candidate of entries) {
      roll -= candidate.weight;
      if (roll < 0) {
        entry = candidate;
        break;
      }
    }
    if (!entry) throw new Error('workload mix is empty');
    if (entry.method === 'GET')
      return memoised(memo, `${entry.endpoint}`, () => ({ method: 'GET', path: entry.endpoint }));
    const text = corpus[pickText(rng)]?.text ?? '';
    return memoised(memo, `${entry.endpoint}\n${text}`, () => ({
      method: 'POST',
      path: entry.endpoint,
      body: { text },
    }));
  };
}

function memoised(
  memo: Map<string, BackendRequest>,
  key: string,
  make: () => BackendRequest,
): BackendRequest {
  let request = memo.get(key);
  if (!request) {
    request = make();
    memo.set(key, request);
  }
  return request;
}
