import { describe, expect, it } from 'vitest';
import { detectFallacies } from '../../src/analysis/fallacies.ts';
import { detectLanguage } from '../../src/analysis/language.ts';
import { splitSentences } from '../../src/analysis/sentences.ts';
import { loadCorpus, loadLabelledCorpus } from '../../src/workload/corpus/index.ts';

describe('shipped corpus', () => {
  const all = loadCorpus('any');

  it('holds at least 200 distinct texts with unique ids, about half in each language', () => {
    expect(all.length).toBeGreaterThanOrEqual(200);
    expect(new Set(all.map((t) => t.text)).size).toBe(all.length);
    expect(new Set(all.map((t) => t.id)).size).toBe(all.length);
    const en = loadCorpus('en');
    const fr = loadCorpus('fr');
    expect(en.length + fr.length).toBe(all.length);
    expect(Math.abs(en.length - fr.length)).toBeLessThanOrEqual(all.length / 10);
    expect(en.every((t) => t.language === 'en')).toBe(true);
    expect(fr.every((t) => t.language === 'fr')).toBe(true);
  });

  it('mixes fallacious and sound texts', () => {
    const labelled = loadLabelledCorpus('any');
    const sound = labelled.filter((t) => t.fallacies.length === 0).length;
    expect(sound).toBeGreaterThan(labelled.length / 5);
    expect(labelled.length - sound).toBeGreaterThan(labelled.length / 2);
  });

  it('has texts of one to four sentences, each ending in punctuation', () => {
    for (const { text } of all) {
      const count = splitSentences(text).length;
      expect(count, text).toBeGreaterThanOrEqual(1);
      expect(count, text).toBeLessThanOrEqual(4);
      expect(text, text).toMatch(/[.!?]$/);
      expect(text, text).not.toMatch(/ {2}|(?<!\p{L})que [aeiouéè]/u);
    }
  });

  it('keeps a stable order: the same arrays on every call, English and French alternating in "any"', () => {
    expect(loadCorpus('any')).toBe(all);
    expect(all.slice(0, 4).map((t) => t.language)).toEqual(['en', 'fr', 'en', 'fr']);
    expect(all[0]?.id).toBe('en-h01');
    expect(Object.isFrozen(all)).toBe(true);
  });

  it('is read in its own language and found to contain exactly the fallacies it was written with', () => {
    for (const entry of loadLabelledCorpus('any')) {
      expect(detectLanguage(entry.text), entry.id).toBe(entry.language);
      const found = [...new Set(detectFallacies(entry.text, entry.language).map((f) => f.rule))].sort();
      expect(found, `${entry.id}: ${entry.text}`).toEqual([...entry.fallacies].sort());
    }
  });
});
