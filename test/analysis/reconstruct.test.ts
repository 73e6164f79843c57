import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/analysis/language.ts';
import { reconstructArgument } from '../../src/analysis/reconstruct.ts';
import { splitSentences } from '../../src/analysis/sentences.ts';

function reconstruct(text: string) {
  return reconstructArgument(text, splitSentences(text), detectLanguage(text));
}

/** premises and conclusion as [text, indicator] pairs, for compact expectations. */
function roles(text: string) {
  const argument = reconstruct(text);
  return {
    method: argument.method,
    premises: argument.premises.map((p) => [p.text, p.indicator]),
    conclusion: argument.conclusion ? [argument.conclusion.text, argument.conclusion.indicator] : null,
  };
}

describe('reconstructArgument', () => {
  it.each([
    [
      'All mammals breathe air. Whales are mammals. Therefore, whales breathe air.',
      [
        ['All mammals breathe air', null],
        ['Whales are mammals', null],
      ],
      ['whales breathe air', 'therefore'],
    ],
    ['We should ban cars because they pollute.', [['they pollute', 'because']], ['We should ban cars', null]],
    [
      'Since it rained, the match was cancelled.',
      [['it rained', 'since']],
      ['the match was cancelled', null],
    ],
    ['It rained, so the match was cancelled.', [['It rained', null]], ['the match was cancelled', 'so']],
    [
      'Socrates is a man. Socrates is thus mortal.',
      [['Socrates is a man', null]],
      ['Socrates is thus mortal', 'thus'],
    ],
    ['Il pleut, donc le match est annulé.', [['Il pleut', null]], ['le match est annulé', 'donc']],
    ['Le match est annulé car il pleut.', [['il pleut', 'car']], ['Le match est annulé', null]],
    ["Puisqu'il pleut, le match est annulé.", [['il pleut', "puisqu'"]], ['le match est annulé', null]],
    [
      'Le terrain est inondé. Par conséquent, le match est annulé.',
      [['Le terrain est inondé', null]],
      ['le match est annulé', 'par conséquent'],
    ],
  ])('%s', (text, premises, conclusion) => {
    expect(roles(text)).toMatchObject({ method: 'indicator', premises, conclusion });
  });

  it('takes the last marked conclusion and keeps earlier ones as intermediate premises', () => {
    expect(roles('The pitch is flooded because it rained. Therefore the match is off.')).toEqual({
      method: 'indicator',
      premises: [
        ['The pitch is flooded', null],
        ['it rained', 'because'],
      ],
      conclusion: ['the match is off', 'therefore'],
    });
  });

  it('falls back to the last claim that is not a question when no indicator marks a conclusion', () => {
    expect(roles('We must act now. Where will it end?')).toEqual({
      method: 'position',
      premises: [['Where will it end', null]],
      conclusion: ['We must act now', null],
    });
    expect(roles('It is Monday. The museum is closed.')).toMatchObject({
      method: 'position',
      conclusion: ['The museum is closed', null],
    });
  });

  it('does not read "so" as an inference in "so many" or "so that"', () => {
    expect(roles('So many people came that we ran out of chairs.').method).toBe('position');
  });

  it('reports no conclusion when only premises are stated', () => {
    expect(roles('Because it rained.')).toEqual({
      method: 'none',
      premises: [['it rained', 'because']],
      conclusion: null,
    });
  });

  it('gives offsets that slice the statement text out of the input', () => {
    const text = '  Since it rained , the match was cancelled .  ';
    const argument = reconstruct(text);
    for (const statement of [...argument.premises, argument.conclusion]) {
      expect(text.slice(statement?.start, statement?.end)).toBe(statement?.text);
    }
    expect(argument.premises[0]?.text).toBe('it rained');
  });
});
