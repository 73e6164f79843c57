import { deriveTexts } from './derive.ts';
import { HANDWRITTEN_EN } from './handwritten-en.ts';
import { HANDWRITTEN_FR } from './handwritten-fr.ts';
import type { LabelledText } from './labelled-text.ts';
import { ENGLISH_TEMPLATES } from './templates-en.ts';
import { FRENCH_TEMPLATES } from './templates-fr.ts';
import { ENGLISH_TOPICS } from './topic-en.ts';
import { FRENCH_TOPICS } from './topic-fr.ts';

/** One text of the shipped corpus: the body of an analysis request. */
export interface CorpusText {
  readonly id: string;
  readonly language: 'en' | 'fr';
  readonly text: string;
}

/** A corpus text with the fallacies it was written to contain (for tests of the analyser). */
export interface LabelledCorpusText extends CorpusText {
  readonly fallacies: readonly string[];
}

export type CorpusLanguage = 'en' | 'fr' | 'any';

function languageCorpus(
  language: 'en' | 'fr',
  handwritten: readonly LabelledText[],
  derived: readonly (LabelledText & { readonly key: string })[],
): LabelledCorpusText[] {
  const own = handwritten.map((entry, i) => ({
    id: `${language}-h${String(i + 1).padStart(2, '0')}`,
    ...entry,
  }));
  const made = derived.map(({ key, ...entry }) => ({ id: `${language}-${key}`, ...entry }));
  return [...own, ...made].map(({ id, text, fallacies }) => ({ id, language, text, fallacies }));
}

/** Alternates the languages so that the most popular ranks of a Zipf draw hold both. */
function interleave<T>(a: readonly T[], b: readonly T[]): T[] {
  const mixed: T[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (i < a.length) mixed.push(a[i] as T);
    if (i < b.length) mixed.push(b[i] as T);
  }
  return mixed;
}

const EN = languageCorpus('en', HANDWRITTEN_EN, deriveTexts(ENGLISH_TOPICS, ENGLISH_TEMPLATES));
const FR = languageCorpus('fr', HANDWRITTEN_FR, deriveTexts(FRENCH_TOPICS, FRENCH_TEMPLATES));

const LABELLED: Readonly<Record<CorpusLanguage, readonly LabelledCorpusText[]>> = {
  en: Object.freeze(EN),
  fr: Object.freeze(FR),
  any: Object.freeze(interleave(EN, FR)),
};

const PLAIN: Readonly<Record<CorpusLanguage, readonly CorpusText[]>> = {
  en: plain(LABELLED.en),
  fr: plain(LABELLED.fr),
  any: plain(LABELLED.any),
};

function plain(texts: readonly LabelledCorpusText[]): readonly CorpusText[] {
  return Object.freeze(texts.map(({ id, language, text }) => Object.freeze({ id, language, text })));
}

/**
 * The shipped corpus in a stable order: hand-written texts first, then texts derived from topic
 * fragments; `any` alternates English and French. Each call returns the same frozen array.
 */
export function loadCorpus(language: CorpusLanguage): readonly CorpusText[] {
  return PLAIN[language];
}

/** The corpus with its labels, in the same order as loadCorpus. */
export function loadLabelledCorpus(language: CorpusLanguage): readonly LabelledCorpusText[] {
  return LABELLED[language];
}
