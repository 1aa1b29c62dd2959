import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { lexemeOf } from '../../../../lib/analysis/text/lexemes.js';
import { readStemTable } from '../../../../lib/analysis/text/stem-table.js';
import vocabularyStemsJson from '../../../../lib/analysis/text/vocabulary-stems.json' with { type: 'json' };

const vocabularyStems = readStemTable(vocabularyStemsJson);

// The words the analysis remembers while it loads, before any comment: read from fresh copies of its
// modules, since other test files in this worker may have fed the shared ones comments of their own.
let loadedVocabulary: string[] = [];
beforeAll(async () => {
  vi.resetModules();
  await import('../../../../lib/analysis/analyze-feedback.js');
  const { plainWordsRemembered } = await import('../../../../lib/analysis/text/lexemes.js');
  loadedVocabulary = plainWordsRemembered();
});

describe('vocabulary-stems.json', () => {
  it("holds natural's Porter stem of each word it lists", () => {
    const wrong = [...vocabularyStems].filter(([word, stem]) => PorterStemmer.stem(word) !== stem);
    expect(wrong).toEqual([]);
  });

  it('lists exactly the plain words the analysis remembers as it loads (else run `npm run build:tables`)', () => {
    expect(loadedVocabulary.length).toBeGreaterThan(500);
    expect([...new Set(loadedVocabulary)].sort()).toEqual([...vocabularyStems.keys()]);
  });

  it('leaves a word outside the vocabulary to the stemmer', () => {
    expect(vocabularyStems.has('gobbledygooking')).toBe(false);
    expect(lexemeOf('gobbledygooking').stem).toBe(PorterStemmer.stem('gobbledygooking'));
    expect(lexemeOf('constructor').stem).toBe(PorterStemmer.stem('constructor'));
  });
});
