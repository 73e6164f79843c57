import { describe, expect, it } from 'vitest';
import { BoundedMemo } from '../../src/analysis/bounded-memo.ts';

describe('BoundedMemo', () => {
  it('never holds more than its capacity and forgets the least recently used entry first', () => {
    const memo = new BoundedMemo<string, number>(2);
    memo.set('a', 1);
    memo.set('b', 2);
    expect(memo.get('a')).toBe(1); // a is now more recent than b
    memo.set('c', 3);
    expect(memo.size).toBe(2);
    expect(memo.get('b')).toBeUndefined();
    expect(memo.get('a')).toBe(1);
    expect(memo.get('c')).toBe(3);
  });

  it('replaces the value of a key set twice without growing', () => {
    const memo = new BoundedMemo<string, number>(2);
    memo.set('a', 1);
    memo.set('a', 2);
    expect(memo.size).toBe(1);
    expect(memo.get('a')).toBe(2);
  });

  it('rejects a capacity below 1', () => {
    expect(() => new BoundedMemo(0)).toThrow(RangeError);
  });
});
