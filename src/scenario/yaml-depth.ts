/**
 * An upper estimate of how deeply a YAML or JSON text nests, read in one pass before the parser sees it:
 * the parser recurses per level and holds every level in memory, so 400k levels would cost hundreds of
 * MB (and overflow the stack) before any error. Counts flow brackets outside quotes and comments, plus
 * block levels (a stack of indentations) and compact indicators (`- - x`, `? ? x`) on each line.
 */
export function estimateNesting(text: string, stopAbove: number): number {
  let deepest = 0;
  let flow = 0;
  const indents: number[] = [];
  let quote: '"' | "'" | undefined;
  let lineStart = true;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quote) {
      if (char === '\\' && quote === '"') i++;
      else if (char === quote) quote = undefined;
      continue;
    }
    if (lineStart && flow === 0) {
      lineStart = false;
      let indent = 0;
      while (text[i + indent] === ' ') indent++;
      const next = text[i + indent];
      if (next === '\n' || next === '#' || next === undefined) {
        i += indent - 1;
        continue;
      }
      while (indents.length > 0 && (indents.at(-1) as number) >= indent) indents.pop();
      indents.push(indent);
      let compact = 0;
      let at = i + indent;
      while ((text[at] === '-' || text[at] === '?') && (text[at + 1] === ' ' || text[at + 1] === '\t')) {
        compact++;
        at += 2;
        while (text[at] === ' ') at++;
      }
      deepest = Math.max(deepest, indents.length + compact);
      if (deepest > stopAbove) return deepest;
      i = at - 1;
      continue;
    }
    if (char === '\n') lineStart = true;
    else if ((char === '"' || char === "'") && startsScalar(text, i)) quote = char;
    else if (char === '#' && (i === 0 || /\s/.test(text[i - 1] as string))) {
      while (i < text.length && text[i] !== '\n') i++;
      lineStart = true;
    } else if (char === '[' || char === '{') {
      flow++;
      deepest = Math.max(deepest, indents.length + flow);
      if (deepest > stopAbove) return deepest;
    } else if ((char === ']' || char === '}') && flow > 0) flow--;
  }
  return deepest;
}

/** A quote opens a quoted scalar only where a value starts; an apostrophe inside plain text is text. */
function startsScalar(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  return i < 0 || ':-[{,?\n'.includes(text[i] as string);
}
