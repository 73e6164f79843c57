import { describe, expect, it } from 'vitest';
import { isFaultlineError } from '../../src/errors/faultline-error.ts';
import { MAX_TOTAL_CALLS } from '../../src/scenario/limits.ts';
import { type Scenario, scenarioSchema } from '../../src/scenario/schema.ts';
import { checkSemantics, estimateCalls } from '../../src/scenario/semantic-checks.ts';

const scenario = (extra: object): Scenario =>
  scenarioSchema.parse({ name: 's', workload: { model: 'open', rate: 10, duration: '1m' }, ...extra });

function refusal(s: Scenario, options = {}): { code: string; message: string } | undefined {
  try {
    checkSemantics(s, 's.yaml', options);
    return undefined;
  } catch (error) {
    if (!isFaultlineError(error)) throw error;
    return { code: error.code, message: error.message };
  }
}

describe('checkSemantics', () => {
  it('accepts a well-formed scenario', () => {
    expect(
      refusal(
        scenario({
          phases: [
            { name: 'a', from: '10s', to: '20s' },
            { name: 'b', from: '20s' },
          ],
        }),
      ),
    ).toBe(undefined);
  });

  it('refuses two phases of one name, at the second', () => {
    const s = scenario({
      phases: [
        { name: 'a', from: '0s' },
        { name: 'a', from: '10s' },
      ],
    });
    expect(refusal(s)).toMatchObject({
      code: 'SCENARIO_PHASES_INVALID',
      message: expect.stringContaining('phases[1].name'),
    });
  });

  it('refuses a phase that ends before or when it starts, and one that starts after the run', () => {
    expect(refusal(scenario({ phases: [{ name: 'a', from: '20s', to: '10s' }] }))?.message).toContain(
      'phases[0].to',
    );
    expect(refusal(scenario({ phases: [{ name: 'a', from: '20s', to: '20s' }] }))?.message).toContain(
      'phases[0].to',
    );
    expect(refusal(scenario({ phases: [{ name: 'a', from: '1m' }] }))?.message).toContain('phases[0].from');
    // A --duration that cuts the run short is the user's choice: hypotheses there get "no evidence".
    expect(refusal(scenario({ phases: [{ name: 'a', from: '30s' }] }), { durationMs: 10_000 })).toBe(
      undefined,
    );
  });

  it('refuses a hypothesis on a metric only an absent policy produces', () => {
    expect(refusal(scenario({ hypotheses: ['cache.hitRatio > 0.5'] }))?.code).toBe('SCENARIO_NO_EVIDENCE');
    const cached = scenario({ hypotheses: ['cache.hitRatio > 0.5'], policies: { cache: { ttl: '1m' } } });
    expect(refusal(cached)).toBe(undefined);
  });

  it('estimates backend calls as requests × attempts × backends, and refuses past the limit unless forced', () => {
    const retried = scenario({ policies: { retry: { maxAttempts: 3 } } });
    expect(estimateCalls(retried)).toBe(600 * 3);
    const huge = scenario({ workload: { model: 'open', rate: 1_000_000, duration: '8000h' } });
    expect(estimateCalls(huge)).toBeGreaterThan(MAX_TOTAL_CALLS);
    expect(refusal(huge)?.code).toBe('SCENARIO_TOO_MUCH_WORK');
    const warnings: string[] = [];
    expect(refusal(huge, { force: true, warn: (m: string) => warnings.push(m) })).toBe(undefined);
    expect(warnings).toHaveLength(1);
  });

  it('refuses an http backend on virtual time, not on the real clock', () => {
    const http = scenario({
      backends: { primary: { plugin: 'http', options: { url: 'http://127.0.0.1:9' } } },
    });
    expect(refusal(http)?.code).toBe('SCENARIO_NEEDS_REAL_TIME');
    expect(refusal(http, { realTime: true })).toBe(undefined);
    expect(refusal({ ...http, mode: 'real-time' })).toBe(undefined);
  });
});
