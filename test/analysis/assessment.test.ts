import { describe, expect, it } from 'vitest';
import { PENALTIES, VALID_THRESHOLD } from '../../src/analysis/assessment.ts';
import { analyseText } from '../../src/analysis/text-analysis.ts';

const assess = (text: string) => analyseText(text).assessment;

describe('assessArgument', () => {
  it('rates an explicit argument without fallacy as valid with full score', () => {
    expect(assess('It rained all night, so the pitch is flooded.')).toEqual({
      verdict: 'valid',
      score: 1,
      reasons: [],
    });
  });

  it('takes 0.3 off per distinct fallacy, counting a repeated one once', () => {
    const result = assess('He is a liar. He is a crook. Therefore his budget is wrong.');
    expect(result.verdict).toBe('fallacious');
    expect(result.score).toBe(0.7);
    expect(result.reasons.map((r) => r.code)).toEqual(['fallacy:ad-hominem']);
  });

  it('adds up penalties and floors the score at 0', () => {
    // Two fallacies (0.3 each) and a single claim with no premise (0.4): 1 - 0.6 - 0.4 = 0.
    const result = assess('Everyone knows he is a liar.');
    expect(result.reasons.map((r) => r.code).sort()).toEqual([
      'fallacy:ad-hominem',
      'fallacy:appeal-to-popularity',
      'unsupported',
    ]);
    expect(result.score).toBe(0);
  });

  it('marks a bare claim weak and an argument without indicator words valid but not perfect', () => {
    expect(assess('The museum is closed on Mondays.')).toMatchObject({
      verdict: 'weak',
      score: 1 - PENALTIES.unsupported,
    });
    const implicit = assess('It is Monday. The museum is closed.');
    expect(implicit.score).toBe(0.9);
    expect(implicit.score).toBeGreaterThanOrEqual(VALID_THRESHOLD);
    expect(implicit.verdict).toBe('valid');
  });

  it('penalises premises without a conclusion', () => {
    expect(assess('Because it rained.')).toMatchObject({ verdict: 'weak', score: 0.6 });
  });

  it('quotes the first excerpt of each fallacy in its reason', () => {
    expect(assess('You are a fool, so you are wrong.').reasons[0]?.message).toBe(
      'Ad hominem: "You are a fool"',
    );
  });
});
