import { describe, expect, it } from 'vitest';
import { FaultlineError } from '../../src/errors/faultline-error.ts';
import { evaluateHypotheses, hypothesisName } from '../../src/hypotheses/evaluate.ts';
import { METRICS } from '../../src/hypotheses/schema.ts';
import type { RecorderFigures } from '../../src/metrics/figures.ts';
import { createRecorder } from '../../src/metrics/streaming-recorder.ts';

/**
 * 10 s run, phases warm [0, 5000) and outage [5000, 10000).
 * warm: 40 succeeded at 10 ms. outage: 5 succeeded, 3 fell back, 2 failed, each 200 ms.
 * 15 backend calls; breaker open [6000, 8000); cache 3 hits, 1 miss in warm.
 */
function knownFigures(): RecorderFigures {
  const recorder = createRecorder({
    phases: [
      { name: 'warm', fromMs: 0, toMs: 5_000 },
      { name: 'outage', fromMs: 5_000, toMs: 10_000 },
    ],
    bucketMs: 1_000,
  });
  for (let i = 0; i < 40; i++)
    recorder.requestEnded({ startedAtMs: i * 100, endedAtMs: i * 100 + 10, kind: 'succeeded' });
  const outage = [...Array(5).fill('succeeded'), ...Array(3).fill('fell-back'), 'failed', 'failed'] as const;
  outage.forEach((kind, i) => {
    const start = 5_000 + i * 100;
    recorder.requestEnded({ startedAtMs: start, endedAtMs: start + 200, kind, code: 'HTTP_503' });
  });
  for (let i = 0; i < 15; i++) {
    recorder.backendCall(5_000 + i, 'primary');
    recorder.backendReached(5_000 + i, 'primary');
  }
  recorder.policyEvent(6_000, { type: 'breaker-open' });
  recorder.policyEvent(8_000, { type: 'breaker-half-open' });
  for (const type of ['cache-hit', 'cache-hit', 'cache-hit', 'cache-miss'] as const)
    recorder.policyEvent(10, { type });
  return recorder.figures(10_000);
}

describe('evaluateHypotheses', () => {
  const figures = knownFigures();
  const actualOf = (metric: (typeof METRICS)[number], phase?: string) =>
    evaluateHypotheses([{ metric, op: '>=', value: 0, ...(phase && { phase }) }], figures)[0]?.actual;

  it('reads every metric from the whole run', () => {
    const expected: Record<(typeof METRICS)[number], number> = {
      availability: 48 / 50,
      successRate: 45 / 50,
      errorRate: 2 / 50,
      fallbackRate: 3 / 50,
      'latency.p50': 10,
      'latency.p90': 200,
      'latency.p95': 200,
      'latency.p99': 200,
      'latency.max': 200,
      'latency.mean': (40 * 10 + 10 * 200) / 50,
      backendCallsPerRequest: 15 / 50,
      'backend.calls': 15,
      'breaker.openTime': 2_000,
      'breaker.openRatio': 0.2,
      'breaker.opened': 1,
      'cache.hitRatio': 0.75,
      'requests.total': 50,
      'requests.failed': 2,
      throughput: 5,
    };
    for (const metric of METRICS) expect([metric, actualOf(metric)]).toEqual([metric, expected[metric]]);
  });

  it('reads from the named phase instead when one is given', () => {
    expect(actualOf('availability', 'outage')).toBe(0.8);
    expect(actualOf('successRate', 'outage')).toBe(0.5);
    expect(actualOf('breaker.openRatio', 'outage')).toBe(0.4);
    expect(actualOf('requests.total', 'warm')).toBe(40);
    expect(actualOf('latency.p99', 'warm')).toBe(10);
  });

  it('passes or fails each hypothesis with its operator and keeps the declared fields', () => {
    const results = evaluateHypotheses(
      [
        { metric: 'latency.p99', op: '<=', value: 150, phase: 'outage' },
        { name: 'mostly up', metric: 'availability', op: '>=', value: 0.95 },
        { metric: 'requests.failed', op: '==', value: 2 },
      ],
      figures,
    );
    expect(results).toEqual([
      {
        name: 'latency.p99 <= 150 (outage)',
        metric: 'latency.p99',
        op: '<=',
        value: 150,
        phase: 'outage',
        actual: 200,
        pass: false,
      },
      { name: 'mostly up', metric: 'availability', op: '>=', value: 0.95, actual: 0.96, pass: true },
      { name: 'requests.failed == 2', metric: 'requests.failed', op: '==', value: 2, actual: 2, pass: true },
    ]);
    expect(Object.keys(results[0] ?? {})).toEqual([
      'name',
      'metric',
      'op',
      'value',
      'phase',
      'actual',
      'pass',
    ]);
  });

  it('throws a FaultlineError naming the hypothesis, the phase and the known phases', () => {
    const evaluate = () =>
      evaluateHypotheses([{ metric: 'availability', op: '>', value: 0.9, phase: 'outgae' }], figures);
    expect(evaluate).toThrow(FaultlineError);
    expect(evaluate).toThrow(
      /"availability > 0\.9 \(outgae\)".*"outgae".*did you mean "outage".*Phases: warm, outage/,
    );
  });

  it('names a hypothesis from its parts unless it has a name', () => {
    expect(hypothesisName({ metric: 'errorRate', op: '<', value: 0.01 })).toBe('errorRate < 0.01');
    expect(hypothesisName({ name: 'fast', metric: 'errorRate', op: '<', value: 0.01 })).toBe('fast');
  });
});
