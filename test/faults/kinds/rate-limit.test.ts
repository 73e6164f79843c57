import { describe, expect, it } from 'vitest';
import type { FaultEffect } from '../../../src/faults/effect.ts';
import { createRng } from '../../../src/rng/rng.ts';
import { alwaysPlan, effectsAt, failed } from '../plan-helpers.ts';

const burst = (n: number, t: number) => Array<number>(n).fill(t);
const retryAfter = (effect: FaultEffect | undefined) =>
  effect?.failure?.type === 'status' ? effect.failure.retryAfterMs : undefined;

describe('rate-limit', () => {
  it('allows `limit` calls per window, then answers 429 with the wait for the next token', () => {
    const plan = alwaysPlan({ kind: 'rate-limit', limit: 5, window: '1s' });
    const effects = effectsAt(plan, burst(6, 0), createRng(1));
    expect(effects.map(failed)).toEqual([false, false, false, false, false, true]);
    // 5 tokens per 1000 ms: one every 200 ms.
    expect(effects[5]?.failure).toEqual({ type: 'status', status: 429, retryAfterMs: 200 });
    expect(retryAfter(plan.effectFor({ method: 'GET', path: '/' }, 'primary', 50, createRng(1)))).toBe(150);
    // After a whole window the bucket is full again, and holds no more than `limit`.
    expect(effectsAt(plan, burst(6, 5000), createRng(1)).map(failed)).toEqual([
      false,
      false,
      false,
      false,
      false,
      true,
    ]);
  });

  it('under constant pressure lets through exactly `limit` per window', () => {
    const plan = alwaysPlan({ kind: 'rate-limit', limit: 5, window: '1s' });
    const times = Array.from({ length: 10_000 }, (_, i) => i);
    const effects = effectsAt(plan, times, createRng(1));
    for (let window = 1; window < 10; window++) {
      const passed = effects.slice(window * 1000, (window + 1) * 1000).filter((e) => !failed(e)).length;
      expect(passed).toBe(5);
    }
  });

  it('uses the configured Retry-After when given', () => {
    const plan = alwaysPlan({ kind: 'rate-limit', limit: 1, window: '1m', retryAfter: '2s' });
    const effects = effectsAt(plan, burst(2, 0), createRng(1));
    expect(retryAfter(effects[1])).toBe(2000);
  });

  it('keeps one bucket per backend', () => {
    const plan = alwaysPlan({ kind: 'rate-limit', limit: 2, window: '1s' });
    const rng = createRng(1);
    expect(effectsAt(plan, burst(3, 0), rng, 'a').map(failed)).toEqual([false, false, true]);
    expect(effectsAt(plan, burst(3, 0), rng, 'b').map(failed)).toEqual([false, false, true]);
  });
});
