import { matchSpans } from './pattern.ts';
import type { Finding, Language } from './response-schemas.ts';
import { rulesFor } from './rules/catalogue.ts';
import type { CompiledRule } from './rules/rule.ts';
import type { Span } from './span.ts';

/** Every rule of the language that matches, one finding per distinct span, in text order. */
export function detectFallacies(text: string, language: Language): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rulesFor(language)) {
    for (const span of ruleSpans(rule, text)) findings.push(toFinding(rule, text, span));
  }
  return findings.sort((a, b) => a.start - b.start || a.end - b.end || compare(a.rule, b.rule));
}

/** A rule's matches across its cues, with overlapping ones merged: two cues on one phrase are one finding. */
function ruleSpans(rule: CompiledRule, text: string): Span[] {
  const spans = rule.patterns.flatMap((pattern) => matchSpans(pattern, text));
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start < last.end)
      merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, span.end) };
    else merged.push(span);
  }
  return merged;
}

function toFinding(rule: CompiledRule, text: string, span: Span): Finding {
  return {
    rule: rule.id,
    name: rule.name,
    start: span.start,
    end: span.end,
    excerpt: text.slice(span.start, span.end),
    explanation: rule.explanation,
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
