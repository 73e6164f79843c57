import { describe, expect, it } from 'vitest';
import { compare } from '../../src/hypotheses/compare.ts';
import type { Operator } from '../../src/hypotheses/schema.ts';

describe('compare', () => {
  // [op, below, equal, above] for `actual op 10` with actual 9, 10, 11.
  const table: [Operator, boolean, boolean, boolean][] = [
    ['<', true, false, false],
    ['<=', true, true, false],
    ['>', false, false, true],
    ['>=', false, true, true],
    ['==', false, true, false],
    ['!=', true, false, true],
  ];
  it.each(table)('%s against 10 for 9, 10, 11', (op, below, equal, above) => {
    expect([compare(9, op, 10), compare(10, op, 10), compare(11, op, 10)]).toEqual([below, equal, above]);
  });
});
