import type { Span } from './span.ts';

/**
 * Compiles a cue written the way it reads: a space stands for any run of whitespace and an apostrophe
 * for either ' or ’ (outside character classes), and the cue must start and end on word boundaries.
 * JavaScript's \b only knows ASCII letters, so the boundaries are Unicode lookarounds (a cue ending in
 * an apostrophe, like "qu'", may run into the next word). Write no trailing or optional spaces (" ?").
 */
export function compileCue(source: string): RegExp {
  let body = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] ?? '';
    if (ch === '\\') {
      body += ch + (source[i + 1] ?? '');
      i++;
    } else if (inClass) {
      inClass = ch !== ']';
      body += ch;
    } else if (ch === '[') {
      inClass = true;
      body += ch;
    } else {
      body += ch === ' ' ? '\\s+' : ch === "'" ? "['’]" : ch;
    }
  }
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?:(?<=['’])|(?![\\p{L}\\p{N}]))`, 'giu');
}

/** Every non-empty match of a global regex, as [start, end) pairs. */
export function matchSpans(pattern: RegExp, text: string): Span[] {
  const spans: Span[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    spans.push({ start: match.index, end: match.index + match[0].length });
  }
  return spans;
}
