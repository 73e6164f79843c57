import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/rng/rng.ts';
import { createRequestSource } from '../../src/workload/request-source.ts';
import { workloadSchema } from '../../src/workload/schema.ts';

const workload = workloadSchema.parse({
  model: 'closed',
  requests: 1,
  mix: [{ endpoint: '/api/analyze', weight: 3 }, { endpoint: '/api/health' }],
  corpus: { size: 5, zipf: 1, language: 'en' },
});

describe('createRequestSource', () => {
  it('hands out one shared, deep-frozen object per (endpoint, text), drawn by the mix weights', () => {
    const next = createRequestSource(workload, createRng(9));
    const drawn = Array.from({ length: 4000 }, next);
    const distinct = new Set(drawn);
    // At most 5 texts for the POST endpoint plus the one GET request.
    expect(distinct.size).toBeLessThanOrEqual(6);
    for (const request of distinct) {
      expect(Object.isFrozen(request)).toBe(true);
      if (request.body !== undefined) expect(Object.isFrozen(request.body)).toBe(true);
    }
    const health = drawn.filter((r) => r.method === 'GET').length / drawn.length;
    // Weight 1 in 4; binomial sd over 4000 draws ≈ 0.0068, so 4 sd ≈ 0.03.
    expect(Math.abs(health - 0.25)).toBeLessThan(0.03);
    const contents = new Set([...distinct].map((r) => `${r.method} ${r.path} ${JSON.stringify(r.body)}`));
    expect(contents.size).toBe(distinct.size);
  });

  it('a corpus larger than the shipped texts has that many distinct texts (generated variants)', () => {
    const big = workloadSchema.parse({
      model: 'closed',
      requests: 1,
      corpus: { size: 1000, zipf: 0, language: 'any' },
    });
    const next = createRequestSource(big, createRng(3));
    // Uniform over 1000 texts: 20 000 draws miss a given text with probability e^-20.
    const texts = new Set(Array.from({ length: 20_000 }, () => JSON.stringify(next().body)));
    expect(texts.size).toBe(1000);
  });
});
