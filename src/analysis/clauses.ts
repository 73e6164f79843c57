import { type IndicatorKind, indicatorPatterns, normaliseIndicator } from './indicators.ts';
import type { Language } from './response-schemas.ts';
import type { Sentence } from './sentences.ts';
import { type Span, trimSpan } from './span.ts';

/** A claim inside a sentence and the role its indicator word gives it. */
export interface Clause extends Span {
  readonly role: 'premise' | 'conclusion' | 'unmarked';
  readonly indicator: string | null;
  /** From a sentence ending in "?": rhetorical at best, so never taken as the conclusion by position. */
  readonly question: boolean;
}

type RawClause = Omit<Clause, 'question'>;

interface IndicatorHit extends Span {
  readonly kind: IndicatorKind;
  readonly word: string;
  /** Offset of the , ; : that precedes the indicator, when one does. */
  readonly punctuationAt: number | undefined;
}

const QUESTION_END = /\?["'»”’)\]]*$/u;

// A separator right before an indicator ("A, so B", "A; therefore B", "A, and so B").
const SEPARATOR_BEFORE = /[,;:–—]\s*(?:(?:and|but|et|mais)\s+)?$/iu;
// Only this many characters before an indicator are searched, so long sentences stay linear.
const SEPARATOR_WINDOW = 16;

/** Splits a sentence at its first usable indicator word into one or two clauses. */
export function sentenceClauses(text: string, sentence: Sentence, language: Language): Clause[] {
  const question = QUESTION_END.test(sentence.text);
  return splitAtIndicator(text, sentence, language).flatMap((clause) => {
    const { start, end } = trimSpan(text, clause, true);
    return end > start ? [{ ...clause, start, end, question }] : [];
  });
}

function splitAtIndicator(text: string, sentence: Sentence, language: Language): RawClause[] {
  const hit = firstIndicator(text, sentence, language);
  const whole: Span = { start: sentence.start, end: sentence.end };
  if (!hit) return [{ ...whole, role: 'unmarked', indicator: null }];
  const atStart = hit.start === sentence.start;
  const before: Span = { start: sentence.start, end: hit.punctuationAt ?? hit.start };
  const after: Span = { start: hit.end, end: sentence.end };
  if (hit.kind === 'premise') {
    if (!atStart) {
      return [
        { ...before, role: 'conclusion', indicator: null },
        { ...after, role: 'premise', indicator: hit.word },
      ];
    }
    // "Since A, B": the premise runs to the first comma, the conclusion follows it.
    const comma = text.indexOf(',', hit.end);
    if (comma < 0 || comma >= sentence.end) return [{ ...after, role: 'premise', indicator: hit.word }];
    return [
      { start: hit.end, end: comma, role: 'premise', indicator: hit.word },
      { start: comma + 1, end: sentence.end, role: 'conclusion', indicator: null },
    ];
  }
  if (atStart) return [{ ...after, role: 'conclusion', indicator: hit.word }];
  if (hit.punctuationAt === undefined) return [{ ...whole, role: 'conclusion', indicator: hit.word }];
  return [
    { ...before, role: 'premise', indicator: null },
    { ...after, role: 'conclusion', indicator: hit.word },
  ];
}

function firstIndicator(text: string, sentence: Sentence, language: Language): IndicatorHit | undefined {
  let first: IndicatorHit | undefined;
  for (const { kind, pattern } of indicatorPatterns(language)) {
    pattern.lastIndex = sentence.start;
    for (let match = pattern.exec(text); match && match.index < sentence.end; match = pattern.exec(text)) {
      const start = match.index;
      if (first && first.start <= start) break;
      const end = start + match[0].length;
      if (end > sentence.end) break;
      const punctuationAt = separatorBefore(text, sentence.start, start);
      if (kind === 'conclusion-leading' && start !== sentence.start && punctuationAt === undefined) continue;
      first = { start, end, kind, word: normaliseIndicator(match[0]), punctuationAt };
      break;
    }
  }
  return first;
}

/** Offset of the , ; : or dash just before `at` (possibly followed by "and"/"et"), if there is one. */
function separatorBefore(text: string, sentenceStart: number, at: number): number | undefined {
  const from = Math.max(sentenceStart, at - SEPARATOR_WINDOW);
  const separator = SEPARATOR_BEFORE.exec(text.slice(from, at));
  return separator ? from + separator.index : undefined;
}
