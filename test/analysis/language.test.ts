import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/analysis/language.ts';

describe('detectLanguage', () => {
  it.each([
    ['The weather is fine and the trains are on time.', 'en'],
    ['Il fait beau et les trains sont à l’heure.', 'fr'],
    ["L'homme qu'il a vu n'est pas venu.", 'fr'],
    ["They don't think it will rain.", 'en'],
  ])('%s -> %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it('follows the majority of function words when a text mixes languages', () => {
    expect(detectLanguage('Le chat et le chien sont dans la maison, the end.')).toBe('fr');
    expect(detectLanguage('The cat and the dog are in the house, c’est la vie.')).toBe('en');
  });

  it('breaks a tie with French accents, else English', () => {
    expect(detectLanguage('Café crème')).toBe('fr');
    expect(detectLanguage('Hello world')).toBe('en');
  });
});
