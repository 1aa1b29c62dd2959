import { frontCode, frontDecode } from '../privacy/front-coding.js';

/**
 * A table of words and their stems in the form `vocabulary-stems.json` keeps it: the words sorted and
 * front-coded (see `front-coding.ts`), and per word how its stem is made from it, "=" for the word
 * itself, "2" for the word less its last two letters ("waited" -> "wait"), "1:i" for the word less one
 * letter and then "i" ("happy" -> "happi"). Half the size of a JSON object of the same pairs, which
 * every Lambda bundle carries.
 */
export interface StemTable {
  words: string;
  stems: string;
}

/** How `stem` is made from `word` (see `StemTable`). */
function stemCode(word: string, stem: string): string {
  if (word === stem) return '=';
  let shared = 0;
  while (shared < word.length && shared < stem.length && word[shared] === stem[shared]) shared++;
  const dropped = word.length - shared;
  return shared === stem.length ? `${dropped}` : `${dropped}:${stem.slice(shared)}`;
}

/** The table of the pairs, the words in sorted order. */
export function writeStemTable(stems: ReadonlyMap<string, string>): StemTable {
  const words = [...stems.keys()].sort();
  return {
    words: frontCode(words),
    stems: words.map((word) => stemCode(word, stems.get(word) as string)).join(' '),
  };
}

/** The pairs of a table. */
export function readStemTable(table: StemTable): Map<string, string> {
  const words = frontDecode(table.words);
  const codes = table.stems.split(' ');
  const stems = new Map<string, string>();
  words.forEach((word, i) => {
    const code = codes[i] as string;
    if (code === '=') {
      stems.set(word, word);
      return;
    }
    const colon = code.indexOf(':');
    const dropped = Number(colon < 0 ? code : code.slice(0, colon));
    stems.set(word, word.slice(0, word.length - dropped) + (colon < 0 ? '' : code.slice(colon + 1)));
  });
  return stems;
}
