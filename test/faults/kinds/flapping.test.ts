import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/rng/rng.ts';
import { effectsAt, failed, planOf } from '../plan-helpers.ts';

describe('flapping', () => {
  it('alternates `up` then `down` from the phase start; calls while down fail', () => {
    const plan = planOf({
      name: 'flaky',
      from: '1s',
      faults: [{ kind: 'flapping', up: '100ms', down: '50ms', failure: { status: 502 } }],
    });
    // Period 150 ms from t=1000: up [1000,1100) down [1100,1150) up [1150,1250) down [1250,1300) ...
    const cases: [number, boolean][] = [
      [999, false],
      [1000, false],
      [1099, false],
      [1100, true],
      [1149, true],
      [1150, false],
      [1249, false],
      [1250, true],
      [1299, true],
      [1300, false],
      [1000 + 150 * 40 + 120, true],
    ];
    const effects = effectsAt(
      plan,
      cases.map(([t]) => t),
      createRng(1),
    );
    expect(effects.map(failed)).toEqual(cases.map(([, down]) => down));
    expect(effects[3]?.failure).toEqual({ type: 'status', status: 502 });
  });
});
