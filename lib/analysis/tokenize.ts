import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';

/** A word of the comment, lower-cased, with its stem and where it stands in the original text. */
export interface Token {
  /** Lower-cased surface form with typographic apostrophes folded to `'`. */
  word: string;
  stem: string;
  start: number;
  end: number;
  /** Index of the clause the word belongs to; clauses end at sentence punctuation and contrast words. */
  clause: number;
}

// Words with inner apostrophes stay whole ("didn't", "i've") so negation and contractions survive;
// each emoji is a token of its own because customers use them as sentiment words.
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*|\p{Extended_Pictographic}/gu;
// Sentence punctuation, and contrast words that start a new clause, bound negation and cue windows.
const CLAUSE_BREAK = /[.!?;:\n()]/u;
// "yet" is left out: in service text it mostly means "not yet", not "but".
const CONTRAST_WORDS = new Set(['but', 'however', 'although', 'though', 'whereas']);

const stemCache = new Map<string, string>();

/** Porter stem of a lower-cased word, memoised because comments reuse a small vocabulary. */
export function stemWord(word: string): string {
  let stem = stemCache.get(word);
  if (stem === undefined) {
    stem = /^[a-z]+$/.test(word) ? PorterStemmer.stem(word) : word;
    if (stemCache.size < 50_000) stemCache.set(word, stem);
  }
  return stem;
}

/** Splits text into tokens with offsets and clause numbers. */
export function tokenize(text: string): Token[] {
  return ASCII_ONLY.test(text) ? tokenizeAscii(text) : tokenizeUnicode(text);
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the whole ASCII range, control characters included
const ASCII_ONLY = /^[\u0000-\u007f]*$/;

function tokenizeUnicode(text: string): Token[] {
  const tokens: Token[] = [];
  let clause = 0;
  let last = 0;
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    if (CLAUSE_BREAK.test(text.slice(last, start))) clause++;
    const word = match[0].toLowerCase().replaceAll('’', "'");
    if (CONTRAST_WORDS.has(word) && tokens.length > 0) clause++;
    tokens.push({ word, stem: stemWord(word), start, end: start + match[0].length, clause });
    last = start + match[0].length;
  }
  return tokens;
}

const isLetter = (code: number) => (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a;
const isLetterOrDigit = (code: number) => isLetter(code) || (code >= 0x30 && code <= 0x39);
const APOSTROPHE = 0x27;
const CLAUSE_BREAK_CODES = new Set([...'.!?;:\n()'].map((character) => character.charCodeAt(0)));

/**
 * The same tokens as `tokenizeUnicode`, read a character code at a time: most comments are plain ASCII,
 * and this is the single most frequent step of the analysis.
 */
function tokenizeAscii(text: string): Token[] {
  const tokens: Token[] = [];
  let clause = 0;
  let clauseBreak = false;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (!isLetterOrDigit(code)) {
      if (CLAUSE_BREAK_CODES.has(code)) clauseBreak = true;
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && isLetterOrDigit(text.charCodeAt(i))) i++;
    // Inner apostrophes followed by letters stay in the word: "didn't", "i've".
    while (text.charCodeAt(i) === APOSTROPHE && isLetter(text.charCodeAt(i + 1))) {
      i++;
      while (i < text.length && isLetter(text.charCodeAt(i))) i++;
    }
    if (clauseBreak) clause++;
    clauseBreak = false;
    const word = text.slice(start, i).toLowerCase();
    if (CONTRAST_WORDS.has(word) && tokens.length > 0) clause++;
    tokens.push({ word, stem: stemWord(word), start, end: i, clause });
  }
  return tokens;
}
