import { compileCue } from './pattern.ts';
import type { Language } from './response-schemas.ts';

/** Words that tell which claim supports which, as in textbook argument mapping (in compileCue notation). */
interface IndicatorWords {
  /** Mark a conclusion wherever they stand ("Socrates is therefore mortal"). */
  readonly conclusionAnywhere: readonly string[];
  /** Mark a conclusion only at the start of a sentence or after , ; : ("A, so B"): elsewhere they mean other things ("so many"). */
  readonly conclusionLeading: readonly string[];
  /** Introduce a premise: "B because A", "Since A, B". */
  readonly premise: readonly string[];
}

const WORDS: Readonly<Record<Language, IndicatorWords>> = {
  en: {
    conclusionAnywhere: ['therefore', 'thus', 'hence', 'consequently'],
    conclusionLeading: [
      // Not "so many", "so that"...: there "so" is an intensifier or a purpose, not an inference.
      'so(?! (?:many|much|few|far|long|that|called))',
      'it follows that',
      'which means that',
      'which means',
      'as a result',
      'that is why',
      "that's why",
      'which is why',
    ],
    premise: ['because', 'since', 'given that', 'for the reason that'],
  },
  fr: {
    conclusionAnywhere: ['donc', 'par conséquent', 'en conséquence'],
    conclusionLeading: [
      'ainsi',
      'alors',
      "c'est pourquoi",
      "c'est pour cela que",
      "c'est pour ça que",
      'dès lors',
      "il s'ensuit que",
      'de ce fait',
    ],
    premise: [
      'parce que',
      "parce qu'",
      'puisque',
      "puisqu'",
      'car',
      'étant donné que',
      "étant donné qu'",
      'vu que',
      "vu qu'",
    ],
  },
};

export type IndicatorKind = 'conclusion-anywhere' | 'conclusion-leading' | 'premise';

export interface IndicatorPatterns {
  readonly kind: IndicatorKind;
  readonly pattern: RegExp;
}

function alternation(words: readonly string[]): RegExp {
  // Longest first, so "parce que" wins over a shorter word it contains.
  const sorted = [...words].sort((a, b) => b.length - a.length);
  return compileCue(`(?:${sorted.join('|')})`);
}

const COMPILED: Readonly<Record<Language, readonly IndicatorPatterns[]>> = {
  en: compile(WORDS.en),
  fr: compile(WORDS.fr),
};

function compile(words: IndicatorWords): IndicatorPatterns[] {
  return [
    { kind: 'conclusion-anywhere', pattern: alternation(words.conclusionAnywhere) },
    { kind: 'conclusion-leading', pattern: alternation(words.conclusionLeading) },
    { kind: 'premise', pattern: alternation(words.premise) },
  ];
}

export function indicatorPatterns(language: Language): readonly IndicatorPatterns[] {
  return COMPILED[language];
}

/** The indicator as reported: lower case, single spaces, straight apostrophe. */
export function normaliseIndicator(raw: string): string {
  return raw.toLowerCase().replace(/\s+/gu, ' ').replace(/’/gu, "'");
}
