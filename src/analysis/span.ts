/** A half-open range [start, end) of the input text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

const SPACE = /\s/u;
const EDGE_PUNCTUATION = /[\s.!?…,;:]/u;

/** Narrows a span past surrounding whitespace, or whitespace and punctuation when `punctuation` is set. */
export function trimSpan(text: string, span: Span, punctuation = false): Span {
  const edge = punctuation ? EDGE_PUNCTUATION : SPACE;
  let { start, end } = span;
  while (start < end && edge.test(text[start] ?? '')) start++;
  while (end > start && edge.test(text[end - 1] ?? '')) end--;
  return { start, end };
}

/** True when the two spans share at least one character. */
export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}
