import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeAnswers } from '../../src/topology/merge-answers.ts';
import { deepFreeze } from '../../src/util/deep-freeze.ts';

const answers = (values: readonly unknown[]) => values.map((value, i) => ({ name: `b${i}`, value }));

describe('mergeAnswers', () => {
  it('unites lists by content, takes the majority string and the median number', () => {
    const merged = mergeAnswers(
      answers([
        { fallacies: [{ type: 'ad-hominem' }], verdict: 'weak', score: 1 },
        { fallacies: [{ type: 'ad-hominem' }, { type: 'straw-man' }], verdict: 'weak', score: 5 },
        { fallacies: [], verdict: 'sound', score: 3 },
      ]),
      [],
    );
    expect(merged).toEqual({
      fallacies: [{ type: 'ad-hominem' }, { type: 'straw-man' }],
      verdict: 'weak',
      score: 3,
      sources: { answered: ['b0', 'b1', 'b2'], failed: [] },
    });
  });

  it('merges one shared frozen body exactly as it merges equal copies of it', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 1, max: 4 }), (json, copies) => {
        const shared = deepFreeze(structuredClone(json));
        const viaShared = mergeAnswers(answers(Array.from({ length: copies }, () => shared)), []);
        // Distinct copies never take the shared-body shortcut: the general path is the reference.
        const viaCopies = mergeAnswers(
          answers(Array.from({ length: copies }, () => structuredClone(json))),
          [],
        );
        expect(viaShared).toEqual(viaCopies);
        // Asked again, the remembered merge gives the same answer.
        expect(mergeAnswers(answers([shared, shared]), [])).toEqual(
          mergeAnswers(answers([structuredClone(json), structuredClone(json)]), []),
        );
      }),
    );
  });

  it('drops repeated list items inside a single shared body too', () => {
    const item = { type: 'ad-hominem', span: [0, 4] };
    const body = deepFreeze({ fallacies: [item, { ...item }, item] });
    expect(mergeAnswers(answers([body, body]), [])).toEqual({
      fallacies: [item],
      sources: { answered: ['b0', 'b1'], failed: [] },
    });
  });
});
