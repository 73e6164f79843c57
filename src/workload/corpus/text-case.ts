/** The text with its first letter in upper case, for fragments that open a sentence. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const VOWEL_START = /^[aeiouyàâäéèêëîïôöûü]/iu;

/** French "que" before a phrase, elided before a vowel: "qu'une taxe", "que le maire". */
export function que(phrase: string): string {
  return VOWEL_START.test(phrase) ? `qu'${phrase}` : `que ${phrase}`;
}
