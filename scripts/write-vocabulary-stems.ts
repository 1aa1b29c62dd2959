/**
 * Writes lib/analysis/text/vocabulary-stems.json: natural's Porter stem of every plain word the analysis
 * remembers while it loads (the words of its lexicons), so that a cold start reads them instead of
 * stemming them. Run by `npm run build:tables` after changing a word list;
 * `test/unit/analysis/text/vocabulary-stems.test.ts` fails until it is run.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import '../lib/analysis/analyze-feedback.js';
import { plainWordsRemembered } from '../lib/analysis/text/lexemes.js';
import { writeStemTable } from '../lib/analysis/text/stem-table.js';

const words = [...new Set(plainWordsRemembered())].sort();
const stems = writeStemTable(new Map(words.map((word) => [word, PorterStemmer.stem(word)])));
const target = fileURLToPath(new URL('../lib/analysis/text/vocabulary-stems.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(stems)}\n`);
console.log(`wrote ${target}: ${words.length} words`);
