import { describe, expect, it } from 'vitest';
import { BreakerTimeline, MAX_LISTED_TRANSITIONS } from '../../src/metrics/breaker-timeline.ts';

describe('BreakerTimeline', () => {
  it('reports the open span a transition ends and whether it opened the breaker', () => {
    const breaker = new BreakerTimeline();
    expect(breaker.transition(0, 'closed')).toBeUndefined();
    expect(breaker.transition(100, 'open')).toEqual({ opened: true });
    expect(breaker.transition(150, 'open')).toBeUndefined();
    expect(breaker.transition(400, 'half-open')).toEqual({
      opened: false,
      endedSpan: { fromMs: 100, toMs: 400 },
    });
    expect(breaker.openSpanAt(1_000)).toBeUndefined();
    breaker.transition(500, 'open');
    expect(breaker.openSpanAt(1_000)).toEqual({ fromMs: 500, toMs: 1_000 });
  });

  it('stops listing transitions past the cap but keeps reporting every span', () => {
    const breaker = new BreakerTimeline();
    let openMs = 0;
    for (let i = 0; i < MAX_LISTED_TRANSITIONS; i++) {
      breaker.transition(i * 10, 'open');
      openMs += breaker.transition(i * 10 + 4, 'half-open')?.endedSpan ? 4 : 0;
    }
    expect(breaker.transitions()).toHaveLength(MAX_LISTED_TRANSITIONS);
    expect(openMs).toBe(4 * MAX_LISTED_TRANSITIONS);
  });
});
