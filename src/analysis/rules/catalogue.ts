import type { Language } from '../response-schemas.ts';
import { ENGLISH_RULES } from './en.ts';
import { FRENCH_RULES } from './fr.ts';
import { type CompiledRule, compileRule } from './rule.ts';

// Compiled once at load: detection runs on every cache miss, so no regex is built per call.
const COMPILED: Readonly<Record<Language, readonly CompiledRule[]>> = {
  en: ENGLISH_RULES.map(compileRule),
  fr: FRENCH_RULES.map(compileRule),
};

export function rulesFor(language: Language): readonly CompiledRule[] {
  return COMPILED[language];
}
