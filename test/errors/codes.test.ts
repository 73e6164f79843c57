import { describe, expect, it } from 'vitest';
import { ERROR_CODES, isErrorCode } from '../../src/errors/codes.ts';
import { FaultlineError, isFaultlineError, ScenarioError } from '../../src/errors/faultline-error.ts';

describe('error-code catalogue', () => {
  it('names every code in upper snake case with a meaning', () => {
    for (const [code, meaning] of Object.entries(ERROR_CODES)) {
      expect(code).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect(meaning.length).toBeGreaterThan(10);
    }
    expect(isErrorCode('SCENARIO_INVALID')).toBe(true);
    expect(isErrorCode('toString')).toBe(false);
  });

  it('recognises faultline errors by brand, also from another copy of the module', () => {
    expect(isFaultlineError(new ScenarioError('SCENARIO_INVALID', 'a.yaml', 'bad'))).toBe(true);
    expect(isFaultlineError(new Error('plain'))).toBe(false);
    // What an error thrown by a second install of faultline looks like from here: same brand, other class.
    const foreign = Object.assign(new Error('x'), { [Symbol.for('faultline.error')]: true, code: 'USAGE' });
    expect(foreign instanceof FaultlineError).toBe(false);
    expect(isFaultlineError(foreign)).toBe(true);
  });
});
