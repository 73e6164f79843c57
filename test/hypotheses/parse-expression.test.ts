import { describe, expect, it } from 'vitest';
import { FaultlineError } from '../../src/errors/faultline-error.ts';
import { parseHypothesis } from '../../src/hypotheses/parse-expression.ts';
import { hypothesisSchema } from '../../src/hypotheses/schema.ts';

describe('parseHypothesis', () => {
  it.each([
    ['availability >= 0.99', { metric: 'availability', op: '>=', value: 0.99 }],
    ['latency.p99 < 800ms', { metric: 'latency.p99', op: '<', value: 800 }],
    ['latency.p99<1.5s', { metric: 'latency.p99', op: '<', value: 1_500 }],
    ['latency.p50 <= 0.3 s', { metric: 'latency.p50', op: '<=', value: 300 }],
    ['errorRate <= 1%', { metric: 'errorRate', op: '<=', value: 0.01 }],
    ['availability >= 99.9%', { metric: 'availability', op: '>=', value: 0.999 }],
    ['cache.hitRatio > 0.5 in warm', { metric: 'cache.hitRatio', op: '>', value: 0.5, phase: 'warm' }],
    [
      'breaker.openTime != 0 in deep outage',
      { metric: 'breaker.openTime', op: '!=', value: 0, phase: 'deep outage' },
    ],
    ['  requests.failed == 0  ', { metric: 'requests.failed', op: '==', value: 0 }],
    ['throughput > 1e2', { metric: 'throughput', op: '>', value: 100 }],
  ])('reads %j', (text, expected) => {
    const parsed = parseHypothesis(text);
    expect(parsed).toEqual(expected);
    expect(hypothesisSchema.parse(parsed)).toEqual(expected);
  });

  const failure = (text: string) => {
    try {
      parseHypothesis(text);
    } catch (error) {
      if (error instanceof FaultlineError) return { code: error.code, message: error.message };
      throw error;
    }
    throw new Error(`expected "${text}" to be rejected`);
  };

  it('names the unknown metric, suggests the closest one and lists the valid ones', () => {
    const { code, message } = failure('latncy.p99 < 800ms');
    expect(code).toBe('HYPOTHESIS_UNKNOWN_METRIC');
    expect(message).toContain('unknown metric "latncy.p99" (did you mean "latency.p99"?)');
    expect(message).toContain('availability, successRate, errorRate');
    expect(message).toContain('throughput');
    expect(failure('p99 < 800ms').message).toContain('did you mean "latency.p99"?');
    expect(failure('banana > 1').message).not.toContain('did you mean');
  });

  it('rejects text that is not "<metric> <op> <value>"', () => {
    for (const text of ['', 'availability', 'availability >=', 'availability >= high', '>= 0.9']) {
      expect(failure(text)).toMatchObject({ code: 'HYPOTHESIS_SYNTAX' });
    }
    expect(failure('availability >= 0.9 during warm').message).toMatch(/expected "<metric> <op> <value>/);
  });

  it('rejects unknown operators, hinting == for =', () => {
    expect(failure('availability = 1').message).toContain('unknown operator "=" (did you mean "=="?)');
    expect(failure('availability => 1')).toMatchObject({ code: 'HYPOTHESIS_SYNTAX' });
  });

  it('rejects units that do not fit the metric', () => {
    expect(failure('availability >= 800ms')).toMatchObject({ code: 'HYPOTHESIS_UNIT' });
    expect(failure('latency.p99 < 5%').message).toContain(
      '"%" does not fit latency.p99 (a time in ms): use ms or s',
    );
    expect(failure('requests.total > 5s').message).toContain('write a plain number');
  });

  it('catches a ratio written as a percentage without the % sign', () => {
    expect(failure('availability >= 99').message).toContain('write 0.99 or 99%');
  });
});
