import { describe, expect, it } from 'vitest';
import { compileCue, matchSpans } from '../../src/analysis/pattern.ts';

describe('compileCue', () => {
  it('lets a space match any run of whitespace and an apostrophe match the typographic one', () => {
    const text = 'We can’t \n stop now';
    expect(matchSpans(compileCue("can't stop"), text)).toEqual([{ start: 3, end: text.indexOf(' now') }]);
  });

  it('leaves character classes as written', () => {
    expect(matchSpans(compileCue("a[ ']b"), "a'b a b a’b")).toEqual([
      { start: 0, end: 3 },
      { start: 4, end: 7 },
    ]);
  });

  it('only matches whole words, accented letters included (where \\b would not)', () => {
    const cue = compileCue('lan');
    expect(matchSpans(cue, 'élan lan lanterne')).toEqual([{ start: 5, end: 8 }]);
  });

  it('lets a cue that ends in an apostrophe run into the next word', () => {
    expect(matchSpans(compileCue("qu'"), "qu'il")).toEqual([{ start: 0, end: 3 }]);
  });

  it('is case-insensitive, Unicode included', () => {
    expect(matchSpans(compileCue('étant donné'), 'ÉTANT DONNÉ')).toHaveLength(1);
  });
});
