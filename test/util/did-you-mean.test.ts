import { describe, expect, it } from 'vitest';
import { didYouMean } from '../../src/util/did-you-mean.ts';

const METRIC_NAMES = ['availability', 'errorRate', 'latency.p50', 'latency.p99', 'breaker.openTime'];

describe('didYouMean', () => {
  it.each([
    ['availabilty', 'availability'], // one deletion
    ['latncy.p99', 'latency.p99'],
    ['ErrorRate', 'errorRate'], // case only
    ['latency.p9', 'latency.p99'],
    ['p99', 'latency.p99'], // last dotted part
    ['openTime', 'breaker.openTime'],
  ])('suggests %s → %s', (input, expected) => {
    expect(didYouMean(input, METRIC_NAMES)).toBe(expected);
  });

  it('suggests nothing when no option is close', () => {
    expect(didYouMean('throughput', METRIC_NAMES)).toBeUndefined();
    expect(didYouMean('', METRIC_NAMES)).toBeUndefined();
    expect(didYouMean('x', [])).toBeUndefined();
  });

  it('breaks ties by the order of the options', () => {
    expect(didYouMean('latency.p5', ['latency.p50', 'latency.p99'])).toBe('latency.p50');
    expect(didYouMean('ab', ['ac', 'ad'])).toBe('ac');
  });
});
