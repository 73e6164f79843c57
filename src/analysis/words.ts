const WORD = /[\p{L}\p{N}]+/gu;

/** Lower-cased words; apostrophes split elisions and contractions ("l'homme" -> l, homme; "don't" -> don, t). */
export function words(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}
