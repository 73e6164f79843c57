// A user's vitest suite using faultline/vitest and faultline/testing (copied into the consumer project as
// test/chaos.test.ts by test/consumer/consumer.test.ts).
import * as fc from 'fast-check';
import { checkLaw, LAWS, type LawSubject, parsePolicies, scenarioArbitrary } from 'faultline/testing';
import { useChaos } from 'faultline/vitest';
import { describe, expect, it } from 'vitest';

describe('a fetch client when the API answers 503', () => {
  const chaos = useChaos([{ kind: 'error', status: 503 }], { virtualTime: true });

  it('sees the 503 once per call', async () => {
    const status = await chaos.run(fetch(`${chaos.baseUrl}/api/health`).then((response) => response.status));
    expect(status).toBe(503);
    expect(chaos.stats.faultsByKind).toEqual({ error: 1 });
  });
});

// A client that tries three times, held to the laws for what it claims.
const threeTries: LawSubject = {
  name: 'three tries',
  createClient: ({ attempt }) => ({
    async execute(request) {
      const signal = new AbortController().signal;
      let code = 'UNKNOWN';
      for (let i = 0; i < 3; i++) {
        try {
          return { kind: 'succeeded', value: await attempt(request, signal) };
        } catch (error) {
          code = (error as { code?: string }).code ?? 'UNKNOWN';
        }
      }
      return { kind: 'failed', code };
    },
  }),
};

describe('the three-tries client under generated fault timelines', () => {
  const scenarios = scenarioArbitrary({
    policies: fc.constant(parsePolicies({ retry: { maxAttempts: 3 } })),
  });
  it('never makes more than three attempts per request', async () => {
    const report = await checkLaw(LAWS['max-attempts'], threeTries, scenarios, { runs: 25 });
    expect(report.status).toBe('held');
  });
});
