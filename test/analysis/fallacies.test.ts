import { describe, expect, it } from 'vitest';
import { detectFallacies } from '../../src/analysis/fallacies.ts';
import type { Language } from '../../src/analysis/response-schemas.ts';
import { FALLACY_IDS, type FallacyId } from '../../src/analysis/rules/rule.ts';

/** One sentence per rule and language, written for this test (not taken from the corpus). */
const POSITIVE: Record<FallacyId, Record<Language, string>> = {
  'ad-hominem': {
    en: 'She is a complete fool, so her plan for the harbour cannot work.',
    fr: 'Vous êtes un incompétent, donc votre rapport ne vaut rien.',
  },
  'appeal-to-authority': {
    en: 'According to a famous footballer, this supplement doubles your energy.',
    fr: 'Selon une célèbre actrice, ce complément double votre énergie.',
  },
  'slippery-slope': {
    en: 'Banning plastic straws is the first step towards banning all plastic.',
    fr: "Interdire les pailles en plastique, c'est le premier pas vers l'interdiction de tout le plastique.",
  },
  'straw-man': {
    en: 'In other words, you want every child to grow up without discipline.',
    fr: 'Autrement dit, vous voulez que les enfants grandissent sans aucune discipline.',
  },
  'false-dilemma': {
    en: 'We have only two choices: raise the fares or close the line.',
    fr: "Nous n'avons que deux choix : augmenter les tarifs ou fermer la ligne.",
  },
  'hasty-generalization': {
    en: 'We tried one vegan restaurant and it was bland, so vegan food is always bland.',
    fr: "Nous avons essayé un restaurant végétalien et c'était fade, donc la cuisine végétalienne est toujours fade.",
  },
  'appeal-to-popularity': {
    en: 'Everybody is doing it, so it cannot be that bad.',
    fr: "La majorité des électeurs pense que ce candidat est honnête, alors il l'est sûrement.",
  },
  'circular-reasoning': {
    en: 'This newspaper is reliable because it is reliable.',
    fr: "Ce journal est fiable parce qu'il est fiable.",
  },
};

const NEUTRAL: Record<Language, string> = {
  en: 'The committee met on Tuesday and approved the budget for the new school year.',
  fr: "Le comité s'est réuni mardi et a approuvé le budget de la nouvelle année scolaire.",
};

const rulesFound = (text: string, language: Language) => [
  ...new Set(detectFallacies(text, language).map((finding) => finding.rule)),
];

describe('detectFallacies', () => {
  for (const id of FALLACY_IDS) {
    for (const language of ['en', 'fr'] as const) {
      it(`finds ${id} in its ${language} example and nothing else`, () => {
        expect(rulesFound(POSITIVE[id][language], language)).toEqual([id]);
      });
    }
  }

  it.each(['en', 'fr'] as const)('finds nothing in a neutral %s text', (language) => {
    expect(detectFallacies(NEUTRAL[language], language)).toEqual([]);
  });

  it('cites each match by offsets into the input, with the matched words as excerpt', () => {
    const text = POSITIVE['ad-hominem'].en;
    const [finding] = detectFallacies(text, 'en');
    expect(finding).toMatchObject({ rule: 'ad-hominem', start: 0, end: 'She is a complete fool'.length });
    expect(finding?.excerpt).toBe('She is a complete fool');
    expect(text.slice(finding?.start, finding?.end)).toBe(finding?.excerpt);
  });

  it('moves the cited span with the text: a prefix shifts offsets by its length', () => {
    const text = POSITIVE['circular-reasoning'].fr;
    const before = detectFallacies(text, 'fr')[0];
    const after = detectFallacies(`Franchement, ${text}`, 'fr')[0];
    expect(after?.start).toBe((before?.start ?? 0) + 'Franchement, '.length);
    expect(after?.excerpt).toBe(before?.excerpt);
  });

  it('reports two occurrences of a rule as two findings, in text order', () => {
    const text = 'He is a liar. And his brother? He is a crook.';
    const findings = detectFallacies(text, 'en');
    expect(findings.map((f) => f.excerpt)).toEqual(['He is a liar', 'He is a crook']);
  });

  it('merges two cues of one rule on the same words into one finding', () => {
    // "with us or against us" is both an either/or cue and the with-us-or-against-us cue.
    const findings = detectFallacies('You are either with us or against us.', 'en');
    expect(findings).toHaveLength(1);
    expect(findings[0]?.excerpt).toBe('You are either with us or against us');
  });

  it('orders findings of different rules by where they start', () => {
    const text = 'Everyone knows it is true. You are a liar if you deny it.';
    expect(rulesFound(text, 'en')).toEqual(['appeal-to-popularity', 'ad-hominem']);
  });

  it("applies only the text's language rules", () => {
    expect(detectFallacies(POSITIVE['straw-man'].fr, 'en')).toEqual([]);
    expect(detectFallacies(POSITIVE['straw-man'].en, 'fr')).toEqual([]);
  });

  it('matches typographic apostrophes and irregular spacing like straight ones', () => {
    expect(rulesFound('Ce journal est fiable parce qu’il  est fiable.', 'fr')).toEqual([
      'circular-reasoning',
    ]);
  });
});
