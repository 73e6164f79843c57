import type { Language } from './response-schemas.ts';
import { words } from './words.ts';

export type Sentiment = 'positive' | 'negative' | 'neutral';

/** Small hand-picked lexicons: the rule is meant to be read, not to rival a trained model. */
const POSITIVE: Readonly<Record<Language, ReadonlySet<string>>> = {
  en: new Set(
    'good great excellent benefit benefits better best help helps improve improves safe success successful true right fair wise agree support hope love happy positive strong clear'.split(
      ' ',
    ),
  ),
  fr: new Set(
    'bon bonne bons bonnes excellent excellente bénéfice avantage meilleur meilleure aide améliore sûr succès vrai juste sage accord soutien espoir heureux positif fort clair'.split(
      ' ',
    ),
  ),
};
const NEGATIVE: Readonly<Record<Language, ReadonlySet<string>>> = {
  en: new Set(
    'bad terrible awful harm harms worse worst danger dangerous fail fails failure false wrong unfair stupid idiot idiots liar liars fool fools disaster ruin destroy hate fear weak corrupt'.split(
      ' ',
    ),
  ),
  fr: new Set(
    'mauvais mauvaise terrible affreux mal pire danger dangereux échec faux fausse injuste stupide idiot idiots menteur menteurs imbécile désastre ruine détruire haine peur faible corrompu'.split(
      ' ',
    ),
  ),
};

/** Positive minus negative lexicon words: more positive ones is positive, more negative ones negative. */
export function sentimentOf(text: string, language: Language): Sentiment {
  let score = 0;
  for (const word of words(text)) {
    if (POSITIVE[language].has(word)) score++;
    else if (NEGATIVE[language].has(word)) score--;
  }
  return score > 0 ? 'positive' : score < 0 ? 'negative' : 'neutral';
}

export type Complexity = 'low' | 'medium' | 'high';

/** Mean words per sentence, plus five per premise beyond the first: under 12 is low, under 22 medium. */
export function complexityOf(wordCount: number, sentenceCount: number, premiseCount: number): Complexity {
  const score = wordCount / Math.max(1, sentenceCount) + 5 * Math.max(0, premiseCount - 1);
  return score < 12 ? 'low' : score < 22 ? 'medium' : 'high';
}
