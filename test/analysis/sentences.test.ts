import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/analysis/sentences.ts';

const texts = (text: string) => splitSentences(text).map((s) => s.text);

describe('splitSentences', () => {
  it('splits at terminal punctuation and reports offsets into the text', () => {
    const text = 'It rained.  The match was cancelled! Why?';
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.text)).toEqual(['It rained.', 'The match was cancelled!', 'Why?']);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(sentences[1]?.start).toBe(12);
  });

  it('does not split after abbreviations, inside numbers or before a lower-case word', () => {
    expect(texts('Dr. Smith paid 1.5 euros. M. Dupont paid more.')).toEqual([
      'Dr. Smith paid 1.5 euros.',
      'M. Dupont paid more.',
    ]);
    expect(texts('Some fruits, e.g. apples, keep well.')).toEqual(['Some fruits, e.g. apples, keep well.']);
  });

  it('keeps closing quotes with their sentence and French spacing before "?"', () => {
    expect(texts('He said "stop." She left. Vraiment ? Oui.')).toEqual([
      'He said "stop."',
      'She left.',
      'Vraiment ?',
      'Oui.',
    ]);
  });

  it('keeps a last sentence without punctuation and yields one sentence for any non-blank text', () => {
    expect(texts('First one. Second one')).toEqual(['First one.', 'Second one']);
    expect(texts('...')).toEqual(['...']);
  });
});
