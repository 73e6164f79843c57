import { compileCue } from '../pattern.ts';
import type { Language } from '../response-schemas.ts';

export const FALLACY_IDS = [
  'ad-hominem',
  'appeal-to-authority',
  'slippery-slope',
  'straw-man',
  'false-dilemma',
  'hasty-generalization',
  'appeal-to-popularity',
  'circular-reasoning',
] as const;
export type FallacyId = (typeof FALLACY_IDS)[number];

/** A fallacy as data: surface cues that signal it in one language, and what it means, for the reader. */
export interface FallacyRule {
  readonly id: FallacyId;
  readonly name: string;
  readonly language: Language;
  /** Regex sources in the notation of compileCue (spaces match any whitespace, ' matches ’ too). */
  readonly cues: readonly string[];
  readonly explanation: string;
}

export interface CompiledRule extends FallacyRule {
  readonly patterns: readonly RegExp[];
}

export function compileRule(rule: FallacyRule): CompiledRule {
  return { ...rule, patterns: rule.cues.map(compileCue) };
}
