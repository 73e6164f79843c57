import { matchSpans } from './pattern.ts';
import type { Finding, Language } from './response-schemas.ts';
import { rulesFor } from './rules/catalogue.ts';
import type { CompiledRule } from './rules/rule.ts';
import type { Span } from './span.ts';

/** Every rule of the language that matches, one finding per distinct span, in text order. */
export function detectFallacies(text: string, language: Language): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rulesFor(language)) {
    for (const { span, cues } of ruleSpans(rule, text)) findings.push(toFinding(rule, text, span, cues));
  }
  return findings.sort((a, b) => a.start - b.start || a.end - b.end || compare(a.rule, b.rule));
}

/**
 * A rule's matches across its cues, with overlapping ones merged: two cues on one phrase are one
 * finding, and `cues` counts the distinct cues that matched it.
 */
function ruleSpans(rule: CompiledRule, text: string): { span: Span; cues: number }[] {
  const spans = rule.patterns.flatMap((pattern, cue) =>
    matchSpans(pattern, text).map((span) => ({ ...span, cue })),
  );
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: { span: Span; cueSet: Set<number> }[] = [];
  for (const { cue, ...span } of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start < last.span.end) {
      last.span = { start: last.span.start, end: Math.max(last.span.end, span.end) };
      last.cueSet.add(cue);
    } else merged.push({ span, cueSet: new Set([cue]) });
  }
  return merged.map(({ span, cueSet }) => ({ span, cues: cueSet.size }));
}

function toFinding(rule: CompiledRule, text: string, span: Span, cues: number): Finding {
  return {
    rule: rule.id,
    name: rule.name,
    start: span.start,
    end: span.end,
    excerpt: text.slice(span.start, span.end),
    explanation: rule.explanation,
    type: rule.id,
    confidence: 1 - 0.5 ** (cues + 1),
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
