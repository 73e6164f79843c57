import { type Span, trimSpan } from './span.ts';

export interface Sentence extends Span {
  readonly text: string;
}

// Terminal punctuation (with closing quotes or brackets) followed by whitespace or the end of the text.
const BOUNDARY = /[.!?…]+["'»”’)\]]*(?=\s|$)/gu;
const LAST_WORD = /([\p{L}.]+)$/u;
const LOWERCASE_START = /^\s*\p{Ll}/u;
// A full stop after these does not end a sentence ("Dr. Smith", "M. Dupont").
const ABBREVIATIONS = new Set([
  'dr',
  'mr',
  'mrs',
  'ms',
  'prof',
  'st',
  'vs',
  'etc',
  'e.g',
  'i.e',
  'm',
  'mme',
  'cf',
]);

/** Sentences of `text` with their offsets; a non-blank text always yields at least one. */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  BOUNDARY.lastIndex = 0;
  for (let match = BOUNDARY.exec(text); match; match = BOUNDARY.exec(text)) {
    const end = match.index + match[0].length;
    if (continuesSentence(text, start, match.index, match[0], end)) continue;
    push(sentences, text, { start, end });
    start = end;
  }
  push(sentences, text, { start, end: text.length });
  return sentences;
}

function continuesSentence(text: string, start: number, at: number, mark: string, end: number): boolean {
  if (LOWERCASE_START.test(text.slice(end, end + 8))) return true;
  if (mark !== '.') return false;
  const word = LAST_WORD.exec(text.slice(start, at))?.[1]?.toLowerCase();
  return word !== undefined && ABBREVIATIONS.has(word);
}

function push(sentences: Sentence[], text: string, span: Span): void {
  const { start, end } = trimSpan(text, span);
  if (end > start) sentences.push({ start, end, text: text.slice(start, end) });
}
