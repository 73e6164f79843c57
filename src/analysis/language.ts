import type { Language } from './response-schemas.ts';
import { words } from './words.ts';

// Frequent function words of each language, minus those both share ("a", "on", "en", "de", "as"...).
const ENGLISH = new Set(
  'the and is are was were of to in that it this these those you we they he she his her their our not be been will would with for because so therefore thus from have has had do does did but if or which who what can t ll re ve'.split(
    ' ',
  ),
);
const FRENCH = new Set(
  'le la les et est sont était des du un une que qui pas ne nous vous il elle ils elles pour avec dans car donc ce cette ces sur au aux mais je tu se sa son ses leur leurs été être y l qu c n j d'.split(
    ' ',
  ),
);
const FRENCH_LETTERS = /[àâæçéèêëîïôœùûüÿ]/iu;

/** English or French, by counting each language's function words; a tie goes to French only with accents. */
export function detectLanguage(text: string): Language {
  let english = 0;
  let french = 0;
  for (const word of words(text)) {
    if (ENGLISH.has(word)) english++;
    else if (FRENCH.has(word)) french++;
  }
  if (english !== french) return english > french ? 'en' : 'fr';
  return FRENCH_LETTERS.test(text) ? 'fr' : 'en';
}
