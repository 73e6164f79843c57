import { describe, expect, it } from 'vitest';
import { evaluateHypotheses } from '../../src/hypotheses/evaluate.ts';
import { createRecorder } from '../../src/metrics/streaming-recorder.ts';

/** A run of 10 requests in [0, 1000) ms, with a phase [5000, 10000) that none of them reaches. */
function figuresWithAnEmptyPhase() {
  const recorder = createRecorder({
    phases: [
      { name: 'busy', fromMs: 0, toMs: 5_000 },
      { name: 'empty', fromMs: 5_000, toMs: 10_000 },
    ],
    bucketMs: 1_000,
  });
  for (let i = 0; i < 10; i++)
    recorder.requestEnded({ startedAtMs: i * 100, endedAtMs: i * 100 + 10, kind: 'succeeded' });
  return recorder.figures(10_000);
}

describe('a hypothesis over a window without requests', () => {
  const figures = figuresWithAnEmptyPhase();

  it('is "no evidence", never a pass, whatever it asks', () => {
    const results = evaluateHypotheses(
      [
        { metric: 'availability', op: '>=', value: 0.99, phase: 'empty' },
        { metric: 'errorRate', op: '<=', value: 0, phase: 'empty' },
        { metric: 'requests.failed', op: '==', value: 0, phase: 'empty' },
      ],
      figures,
    );
    for (const result of results) expect(result).toMatchObject({ pass: false, noEvidence: true });
  });

  it('is judged as usual where requests were made', () => {
    const [busy] = evaluateHypotheses(
      [{ metric: 'availability', op: '>=', value: 0.99, phase: 'busy' }],
      figures,
    );
    expect(busy?.pass).toBe(true);
    expect(busy).not.toHaveProperty('noEvidence');
  });
});
