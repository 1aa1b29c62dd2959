import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { negators } from './lexicon/cx-sentiment-lexicon.js';

/** A word of the comment, lower-cased, with its stem and where it stands in the original text. */
export interface Token {
  /** Lower-cased surface form with typographic apostrophes folded to `'`. */
  word: string;
  stem: string;
  start: number;
  end: number;
  /** Index of the clause the word belongs to; clauses end at sentence punctuation and contrast words. */
  clause: number;
  /** The word negates ("not", "never", "didn't"). */
  negator: boolean;
  /** A negator stands within a few words before this one, in the same clause. */
  negated: boolean;
}

// Negation reaches three words on, as in VADER, and never past the end of a clause.
const NEGATION_WINDOW = 3;
// "not only ... but", "no doubt", "nothing but trouble" do not negate what follows.
const NOT_NEGATING_AFTER = new Set(['only', 'doubt', 'but']);

function isNegator(word: string): boolean {
  return negators.has(word) || word.endsWith("n't");
}

/** Appends a token, marking negators and the words in their scope as it goes. */
function pushToken(
  tokens: Token[],
  word: string,
  start: number,
  end: number,
  clause: number,
  negatorAt: number,
) {
  let negated = false;
  if (
    negatorAt >= 0 &&
    negatorAt >= tokens.length - NEGATION_WINDOW &&
    tokens[negatorAt]?.clause === clause
  ) {
    const next = negatorAt + 1 === tokens.length ? word : (tokens[negatorAt + 1] as Token).word;
    negated = !NOT_NEGATING_AFTER.has(next);
  }
  const lexeme = lexemeOf(word);
  tokens.push({ word: lexeme.word, stem: lexeme.stem, start, end, clause, negator: lexeme.negator, negated });
  return lexeme.negator ? tokens.length - 1 : negatorAt;
}

// Words with inner apostrophes stay whole ("didn't", "i've") so negation and contractions survive;
// each emoji is a token of its own because customers use them as sentiment words.
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*|\p{Extended_Pictographic}/gu;
// Sentence punctuation, and contrast words that start a new clause, bound negation and cue windows.
const CLAUSE_BREAK = /[.!?;:\n()]/u;
// "yet" is left out: in service text it mostly means "not yet", not "but".
const CONTRAST_WORDS = new Set(['but', 'however', 'although', 'though', 'whereas']);
// "No choice but to", "nothing but trouble", "anything but easy": this "but" means "except", no contrast.
const EXCEPTIVE_BEFORE_BUT = new Set(['nothing', 'anything', 'choice', 'option', 'options', 'alternative']);

/** The word starts a contrasting clause ("but", "however"), given the word before it. */
function startsContrast(word: string, previous: Token | undefined): boolean {
  if (previous === undefined || !CONTRAST_WORDS.has(word)) return false;
  return word !== 'but' || !EXCEPTIVE_BEFORE_BUT.has(previous.word);
}

/** What is known of a word whatever comment it stands in. */
interface Lexeme {
  word: string;
  stem: string;
  negator: boolean;
}

const MAX_LEXEMES = 50_000;
// Comments reuse a small vocabulary: each word is stemmed once, and every token of it shares one string,
// which makes the later lookups by word (lexicon, cues, language) cheaper.
const lexemes = new Map<string, Lexeme>();

function lexemeOf(word: string): Lexeme {
  let lexeme = lexemes.get(word);
  if (lexeme === undefined) {
    lexeme = {
      word,
      stem: /^[a-z]+$/.test(word) ? PorterStemmer.stem(word) : word,
      negator: isNegator(word),
    };
    if (lexemes.size < MAX_LEXEMES) lexemes.set(word, lexeme);
  }
  return lexeme;
}

/** Porter stem of a lower-cased word (words that are not plain a-z are their own stem). */
export function stemWord(word: string): string {
  return lexemeOf(word).stem;
}

/** Splits text into tokens with offsets and clause numbers. */
export function tokenize(text: string): Token[] {
  return tokenizeAscii(text) ?? tokenizeUnicode(text);
}

function tokenizeUnicode(text: string): Token[] {
  const tokens: Token[] = [];
  let clause = 0;
  let last = 0;
  let negatorAt = -1;
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    if (CLAUSE_BREAK.test(text.slice(last, start))) clause++;
    const word = match[0].toLowerCase().replaceAll('’', "'");
    if (startsContrast(word, tokens[tokens.length - 1])) clause++;
    negatorAt = pushToken(tokens, word, start, start + match[0].length, clause, negatorAt);
    last = start + match[0].length;
  }
  return tokens;
}

// Character classes of ASCII, looked up by code.
const LETTER = 1;
const DIGIT = 2;
const UPPER = 4;
const CLAUSE_END = 8;
const asciiClasses = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  const character = String.fromCharCode(code);
  if (/[a-z]/.test(character)) asciiClasses[code] = LETTER;
  if (/[A-Z]/.test(character)) asciiClasses[code] = LETTER | UPPER;
  if (/[0-9]/.test(character)) asciiClasses[code] = DIGIT;
  if (CLAUSE_BREAK.test(character)) asciiClasses[code] = CLAUSE_END;
}
const APOSTROPHE = 0x27;

/** Class bits of the character at `i` (0 past the end and outside ASCII). */
function classAt(text: string, i: number): number {
  return asciiClasses[text.charCodeAt(i)] ?? 0;
}

/**
 * The same tokens as `tokenizeUnicode`, read a character code at a time: most comments are plain ASCII,
 * and this is the single most frequent step of the analysis. Undefined when the text is not ASCII.
 */
function tokenizeAscii(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  let clause = 0;
  let clauseBreak = false;
  let negatorAt = -1;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) return undefined;
    const kind = asciiClasses[code] as number;
    if ((kind & (LETTER | DIGIT)) === 0) {
      if (kind & CLAUSE_END) clauseBreak = true;
      i++;
      continue;
    }
    const start = i;
    let upper = 0;
    for (let c = kind; c & (LETTER | DIGIT); c = classAt(text, ++i)) upper |= c & UPPER;
    // Inner apostrophes followed by letters stay in the word: "didn't", "i've".
    while (text.charCodeAt(i) === APOSTROPHE && classAt(text, i + 1) & LETTER) {
      for (let c = classAt(text, ++i); c & LETTER; c = classAt(text, ++i)) upper |= c & UPPER;
    }
    if (clauseBreak) clause++;
    clauseBreak = false;
    const word = upper ? text.slice(start, i).toLowerCase() : text.slice(start, i);
    if (startsContrast(word, tokens[tokens.length - 1])) clause++;
    negatorAt = pushToken(tokens, word, start, i, clause, negatorAt);
  }
  return tokens;
}
