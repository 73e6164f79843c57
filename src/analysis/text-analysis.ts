import { assessArgument } from './assessment.ts';
import { detectFallacies } from './fallacies.ts';
import { detectLanguage } from './language.ts';
import { reconstructArgument } from './reconstruct.ts';
import type { Argument, Assessment, Finding, Language } from './response-schemas.ts';
import { type Sentence, splitSentences } from './sentences.ts';
import { words } from './words.ts';

/** Everything the routes report about one text, computed once and projected per route. */
export interface TextAnalysis {
  readonly text: string;
  readonly language: Language;
  readonly sentences: readonly Sentence[];
  readonly wordCount: number;
  readonly fallacies: Finding[];
  readonly argument: Argument;
  readonly assessment: Assessment;
}

export function analyseText(text: string): TextAnalysis {
  const language = detectLanguage(text);
  const sentences = splitSentences(text);
  const fallacies = detectFallacies(text, language);
  const argument = reconstructArgument(text, sentences, language);
  return {
    text,
    language,
    sentences,
    wordCount: words(text).length,
    fallacies,
    argument,
    assessment: assessArgument(fallacies, argument),
  };
}
