// The example of the README's "Chaos for your own client" section, as it is printed there.

import { useChaos } from 'faultline/vitest';
import { describe, expect, it } from 'vitest';
import analyse from '../fixtures/clients/axios-client.ts'; // axios with axios-retry: 3 retries

const request = { method: 'POST', path: '/api/analyze', body: { text: 'Some text' } } as const;

describe('the analysis client when the API is down', () => {
  const chaos = useChaos([{ kind: 'error', status: 503 }], { virtualTime: true });

  it('tries 4 times, then gives up', async () => {
    const call = analyse(request, { baseUrl: chaos.baseUrl, signal: new AbortController().signal });
    await expect(chaos.run(call)).rejects.toThrow('503');
    expect(chaos.stats.callsByRoute).toEqual({ '/api/analyze': 4 });
    expect(chaos.stats.faultsByKind).toEqual({ error: 4 });
  });
});
