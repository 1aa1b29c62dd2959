import { createRequire } from 'node:module';
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { describe, expect, it } from 'vitest';
import { porterStem } from '../../../../lib/analysis/text/porter-stem.js';

const require = createRequire(import.meta.url);

/** The English words of natural's part-of-speech lexicon, lower-cased, letters a-z only (tens of thousands). */
function englishWords(): string[] {
  const lexicon: Record<
    string,
    unknown
  > = require('natural/lib/natural/brill_pos_tagger/data/English/lexicon_from_posjs.json');
  return [...new Set(Object.keys(lexicon).map((word) => word.toLowerCase()))].filter((word) =>
    /^[a-z]+$/.test(word),
  );
}

// Every ending a rule of the stemmer looks at, and some that come close to one.
const ENDINGS = [
  's',
  'es',
  'ies',
  'sses',
  'ss',
  'ed',
  'eed',
  'ing',
  'ying',
  'at',
  'bl',
  'iz',
  'y',
  'ly',
  'ational',
  'tional',
  'enci',
  'anci',
  'izer',
  'abli',
  'bli',
  'alli',
  'entli',
  'eli',
  'ousli',
  'ization',
  'ation',
  'ator',
  'alism',
  'iveness',
  'fulness',
  'ousness',
  'aliti',
  'iviti',
  'biliti',
  'logi',
  'icate',
  'ative',
  'alize',
  'iciti',
  'ical',
  'ful',
  'ness',
  'al',
  'ance',
  'ence',
  'er',
  'ic',
  'able',
  'ible',
  'ant',
  'ement',
  'ment',
  'ent',
  'ou',
  'ism',
  'ate',
  'iti',
  'ous',
  'ive',
  'ize',
  'sion',
  'tion',
  'ion',
  'e',
  'le',
  'll',
  'ingly',
  'edly',
];

/** Letters drawn from a fixed seed, weighted towards vowels and y, where the stemmer's rules branch. */
function randomWords(count: number): string[] {
  const letters = 'aaeeiioouuyyybcdlllmnprssstttwxz';
  let seed = 17;
  const next = () => {
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) & 0x7fffffff;
    return seed;
  };
  return Array.from({ length: count }, () => {
    const length = 1 + (next() % 12);
    let word = '';
    for (let i = 0; i < length; i++) word += letters[next() % letters.length];
    return word;
  });
}

function differences(words: readonly string[]): string[] {
  return words
    .filter((word) => porterStem(word) !== PorterStemmer.stem(word))
    .map((word) => `${word}: ${porterStem(word)} (natural: ${PorterStemmer.stem(word)})`);
}

describe('porterStem', () => {
  // Half the list keeps the unit suite quick; the whole list, every ending on every word and every
  // string of up to 5 letters were compared once when this was written (3.2 million words, no difference).
  it('stems English words of a large word list as natural does', () => {
    const words = englishWords().filter((_, i) => i % 2 === 0);
    expect(words.length).toBeGreaterThan(20_000);
    expect(differences(words)).toEqual([]);
  });

  it('stems words built with every ending the rules look at as natural does', () => {
    const roots = englishWords().filter((_, i) => i % 200 === 1);
    const words = roots.flatMap((root) => ENDINGS.map((ending) => root + ending));
    expect(words.length).toBeGreaterThan(10_000);
    expect(differences(words)).toEqual([]);
  });

  it('stems random letter strings, short ones included, as natural does', () => {
    expect(differences(randomWords(10_000))).toEqual([]);
  });

  it.each([
    ['caresses', 'caress'],
    ['ponies', 'poni'],
    ['agreed', 'agre'],
    ['hopping', 'hop'],
    ['filing', 'file'],
    ['happy', 'happi'],
    ['relational', 'relat'],
    ['replacement', 'replac'],
    ['controlling', 'control'],
    ['go', 'go'],
  ])('stems %j to %j', (word, stem) => {
    expect(porterStem(word)).toBe(stem);
  });
});
