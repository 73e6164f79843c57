import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/rng/rng.ts';
import { effectsAt, failed, planOf } from '../plan-helpers.ts';

describe('fail-first', () => {
  it('fails exactly the first `count` calls of its phase with its failure', () => {
    const plan = planOf({
      name: 'boot',
      from: 0,
      faults: [{ kind: 'fail-first', count: 3, failure: { network: 'refused' } }],
    });
    const effects = effectsAt(plan, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], createRng(1));
    expect(effects.map(failed)).toEqual([true, true, true, false, false, false, false, false, false, false]);
    expect(effects[0]?.failure).toEqual({ type: 'network', error: 'refused' });
  });

  it('defaults to 503 and counts per phase', () => {
    const fault = { kind: 'fail-first', count: 2 };
    const plan = planOf(
      { name: 'first', from: 0, to: 100, faults: [fault] },
      { name: 'second', from: 100, faults: [fault] },
    );
    const effects = effectsAt(plan, [0, 10, 20, 30, 100, 110, 120], createRng(1));
    expect(effects.map(failed)).toEqual([true, true, false, false, true, true, false]);
    expect(effects[0]?.failure).toEqual({ type: 'status', status: 503 });
  });
});
