// The example of the README's "Property-based resilience testing" section, as it is printed there.

import * as fc from 'fast-check';
import { checkLaw, LAWS, type LawSubject, parsePolicies, scenarioArbitrary } from 'faultline/testing';
import pRetry from 'p-retry';
import { describe, expect, it } from 'vitest';

// Your own client, wrapped around the one call faultline simulates (backend, faults, virtual time).
const myClient: LawSubject = {
  name: 'p-retry, 3 attempts',
  createClient: ({ attempt }) => ({
    async execute(request) {
      const signal = new AbortController().signal;
      try {
        const value = await pRetry(() => attempt(request, signal), { retries: 2, minTimeout: 100 });
        return { kind: 'succeeded', value };
      } catch (error) {
        return { kind: 'failed', code: (error as { code?: string }).code ?? 'UNKNOWN' };
      }
    },
  }),
};

// What it claims to do, which the laws hold it to.
const claims = parsePolicies({ retry: { maxAttempts: 3 } });
const scenarios = scenarioArbitrary({ policies: fc.constant(claims) });

describe('my client under generated fault timelines', () => {
  for (const law of [LAWS.accounting, LAWS['max-attempts'], LAWS.amplification, LAWS.determinism]) {
    it(law.statement, async () => {
      const report = await checkLaw(law, myClient, scenarios, { runs: 200 });
      expect(report.status, report.status === 'broken' ? report.violation.message : '').toBe('held');
    });
  }
});
