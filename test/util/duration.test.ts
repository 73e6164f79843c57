import { describe, expect, it } from 'vitest';
import { DURATION_PATTERN, durationSchema, parseDuration } from '../../src/util/duration.ts';
import { workloadSchema } from '../../src/workload/schema.ts';

describe('durations', () => {
  it.each([
    ['250ms', 250],
    ['1.5s', 1500],
    ['3m', 180_000],
    ['2h', 7_200_000],
    ['2m30s', 150_000],
    ['1h15m', 4_500_000],
    ['1h 15m 10s', 4_510_000],
    ['1s500ms', 1500],
    ['1m5ms', 60_005],
  ])('reads %s as %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
    expect(durationSchema.parse(text)).toBe(ms);
    expect(DURATION_PATTERN.test(text)).toBe(true);
  });

  it.each(['', 'm', '3', '5ms5s', '30s2m', '1h1h', '1.s', '-2s', '2 minutes'])('refuses %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
    expect(DURATION_PATTERN.test(text)).toBe(false);
    expect(() => durationSchema.parse(text)).toThrow(/duration such as/);
  });

  it('takes compound durations in scenario fields', () => {
    expect(workloadSchema.parse({ model: 'closed', clients: 1, duration: '2m30s' }).duration).toBe(150_000);
  });
});
