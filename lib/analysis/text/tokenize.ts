import {
  BARE_FORM_NEGATORS,
  BARE_FORM_NEGATORS_AFTER,
  EXCEPTIVE_BEFORE_BUT,
  JOINING_WORDS,
  NOT_NEGATING_AFTER,
} from '../lexicon/clause-words.js';
import { isAsciiDigitCode } from './character-codes.js';
import {
  asciiLexemeIdAt,
  beforeWith,
  CONTRAST_WORD,
  type Lexeme,
  type LexemeUse,
  lastWith,
  lexemeNumbered,
  lexemeOf,
  NEGATOR_WORD,
  newAsciiLexeme,
  SYMBOL_WORD,
  wordFlagsOf,
} from './lexemes.js';
import { isPrintableAscii } from './normalize-text.js';
import { hashtagWords, mayStartSocialPart, socialPartAt } from './social-parts.js';
import { markOfCode, UNKNOWN_MARKS } from './text-marks.js';

/**
 * A word of the comment, lower-cased, with its stem and where it stands in the original text. What is
 * the same for every token of a word (its surface, stem, negator flag) is read from its lexeme, so a
 * token holds only what is its own: the tokenizer makes one per word of every comment.
 */
export class Token implements LexemeUse {
  // Declared, not constructor parameter properties: with class fields (ES2022) those are emitted as field
  // definitions run before the constructor's assignments, so every token had its fields defined as
  // undefined and then written again, and V8 then knew nothing of what they hold (a number, a boolean),
  // which every step checks again on every read of a token's field.
  /**
   * Its lexeme's id, as the tokenizer found it: the steps read their per-word tables by it
   * (`LexemeNumbers.of`) without loading the lexeme.
   */
  declare readonly lexemeId: number;
  /** The word's entry in the table of distinct words, shared by every token of that word. */
  declare readonly lexeme: Lexeme;
  declare readonly start: number;
  declare readonly end: number;
  /** Index of the clause the word belongs to; clauses end at sentence punctuation and contrast words. */
  declare readonly clause: number;
  /** A negator stands within a few words before this one, in the same clause. */
  declare readonly negated: boolean;

  constructor(
    lexemeId: number,
    lexeme: Lexeme,
    start: number,
    end: number,
    clause: number,
    negated: boolean,
  ) {
    this.lexemeId = lexemeId;
    this.lexeme = lexeme;
    this.start = start;
    this.end = end;
    this.clause = clause;
    this.negated = negated;
  }

  /** Lower-cased surface form with typographic apostrophes folded to `'`. */
  get word(): string {
    return this.lexeme.word;
  }

  get stem(): string {
    return this.lexeme.stem;
  }

  /** The word negates ("not", "never", "didn't"). */
  get negator(): boolean {
    return this.lexeme.negator;
  }
}

// Negation reaches three words on, as in VADER, and never past the end of a clause.
const NEGATION_WINDOW = 3;

/**
 * Appends a token, marking negators and the words in their scope as it goes. `flags` are the lexeme's
 * (see `wordFlagsOf`).
 */
function pushToken(
  tokens: Token[],
  id: number,
  lexeme: Lexeme,
  flags: number,
  start: number,
  end: number,
  clause: number,
  negatorAt: number,
) {
  let negated = false;
  let reachEnds = false;
  if (
    (flags & SYMBOL_WORD) === 0 &&
    negatorAt >= 0 &&
    negatorAt >= tokens.length - NEGATION_WINDOW &&
    tokens[negatorAt]?.clause === clause
  ) {
    const next = negatorAt + 1 === tokens.length ? lexeme.word : (tokens[negatorAt + 1] as Token).word;
    negated = !NOT_NEGATING_AFTER.has(next);
    reachEnds = negated && saidAfterBareFormNegator(tokens, negatorAt, lexeme);
  }
  tokens.push(new Token(id, lexeme, start, end, clause, negated && !reachEnds));
  if (reachEnds) return -1;
  return (flags & NEGATOR_WORD) !== 0 ? tokens.length - 1 : negatorAt;
}

/** Whether a comma stands between token `at` and the one before it (tokens do not hold punctuation). */
export function commaBefore(text: string, tokens: readonly Token[], at: number): boolean {
  return text.slice((tokens[at - 1] as Token).end, (tokens[at] as Token).start).includes(',');
}

/**
 * Whether the word, a past tense joined by "and" or "then", follows a negator that takes a bare form
 * ("didn't listen and rushed me out"): it is said, and the negation's reach ends before it.
 */
function saidAfterBareFormNegator(tokens: readonly Token[], negatorAt: number, lexeme: Lexeme): boolean {
  const word = lexeme.word;
  if (word.length < 5 || !word.endsWith('ed')) return false;
  const before = tokens[tokens.length - 1];
  if (before === undefined || !JOINING_WORDS.has(before.word)) return false;
  const negator = (tokens[negatorAt] as Token).word;
  if (BARE_FORM_NEGATORS.has(negator)) return true;
  const auxiliary = tokens[negatorAt - 1];
  return negator === 'not' && auxiliary !== undefined && BARE_FORM_NEGATORS_AFTER.has(auxiliary.word);
}

// Words with inner apostrophes stay whole ("didn't", "i've") so negation and contractions survive;
// each emoji is a token of its own because customers use them as sentiment words. A currency sign
// stays with the amount after it ("£180", "$45"): a price is a word the theme cues can name (`MONEY`),
// and is no count of minutes or calls.
const WORD = /(?:[$£€](?=\p{N}))?[\p{L}\p{N}]+(?:['’][\p{L}]+)*|\p{Extended_Pictographic}/gu;
// Sentence punctuation, and contrast words that start a new clause, bound negation and cue windows.
const CLAUSE_BREAK = /[.!?;:\n()]/u;
// A comma ends a negation's reach, not its clause: "never a fuss, fair price".
const NEGATION_ENDS = /,/;

/** The word starts a contrasting clause ("but", "however"), given the tokens before it. */
function startsContrast(lexeme: Lexeme, flags: number, tokens: readonly Token[]): boolean {
  // Most words are no contrast word: neither the lexeme nor the tokens are read for them.
  if ((flags & CONTRAST_WORD) === 0 || tokens.length === 0) return false;
  return lexeme.word !== 'but' || !EXCEPTIVE_BEFORE_BUT.has((tokens[tokens.length - 1] as Token).word);
}

/** Porter stem of a lower-cased word (words that are not plain a-z are their own stem). */
export function stemWord(word: string): string {
  return lexemeOf(word).stem;
}

/** Splits text into tokens with offsets and clause numbers. */
export function tokenize(text: string): Token[] {
  return tokenizeAscii(text, false) ?? tokenizeUnicode(text);
}

/**
 * `tokenize(text)` when the text is printable ASCII, tabs and newlines with no `<` or `&` (what
 * `isPrintableAscii` tests, the text `normalizeText` leaves as it is), else undefined. Most comments
 * are: the tokenizer reads every character anyway, so this answers without a second scan, and stops
 * at the first character that says no.
 */
export function tokenizePrintable(text: string, read?: MarksRead): Token[] | undefined {
  return tokenizeAscii(text, true, read);
}

/** Where `tokenizePrintable` notes which marks the text may hold (see `text-marks.ts`). */
export interface MarksRead {
  marks: number;
}

/** Where the tokenizer stands: its tokens, clause, pending clause break and last negator. */
interface TokenizerState {
  tokens: Token[];
  clause: number;
  clauseBreak: boolean;
  negatorAt: number;
}

/** Appends a word (or emoji, emoticon, hashtag word) that starts a new clause after a pending break. */
function addWord(state: TokenizerState, lexeme: Lexeme, start: number, end: number) {
  addNumberedWord(state, lexeme.id, lexeme, start, end);
}

/** `addWord` for a word whose lexeme id the caller has (the ASCII path found it in the table). */
function addNumberedWord(state: TokenizerState, id: number, lexeme: Lexeme, start: number, end: number) {
  const flags = wordFlagsOf(id, lexeme);
  if (state.clauseBreak) state.clause++;
  state.clauseBreak = false;
  if (startsContrast(lexeme, flags, state.tokens)) state.clause++;
  state.negatorAt = pushToken(state.tokens, id, lexeme, flags, start, end, state.clause, state.negatorAt);
}

function lowerWord(text: string, start: number, end: number): string {
  return text.slice(start, end).toLowerCase().replaceAll('’', "'");
}

/**
 * Reads the social part at `at`, if one starts there, and returns where reading goes on (else -1).
 * Handles and URLs are stepped over; a hashtag gives its words; an emoticon is a token and ends its
 * clause, as the sentence punctuation it is made of would.
 */
function readSocialPart(state: TokenizerState, text: string, at: number): number {
  const part = socialPartAt(text, at);
  if (!part) return -1;
  if (part.kind === 'hashtag') {
    for (const [start, end] of hashtagWords(text, at + 1, part.end))
      addWord(state, lexemeOf(lowerWord(text, start, end)), start, end);
  } else if (part.kind === 'emoticon') {
    addWord(state, lexemeOf(lowerWord(text, at, part.end)), at, part.end);
    state.clauseBreak = true;
  }
  return part.end;
}

const WORD_AT = new RegExp(WORD.source, 'uy');
const CLAUSE_BREAK_AT = new RegExp(CLAUSE_BREAK.source, 'uy');

function tokenizeUnicode(text: string): Token[] {
  const state: TokenizerState = { tokens: [], clause: 0, clauseBreak: false, negatorAt: -1 };
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (mayStartSocialPart(text, i)) {
      const next = readSocialPart(state, text, i);
      if (next >= 0) {
        i = next;
        continue;
      }
    }
    WORD_AT.lastIndex = i;
    const match = WORD_AT.exec(text);
    if (match) {
      const end = i + match[0].length;
      addWord(state, lexemeOf(lowerWord(text, i, end)), i, end);
      i = end;
      continue;
    }
    CLAUSE_BREAK_AT.lastIndex = i;
    if (CLAUSE_BREAK_AT.test(text)) state.clauseBreak = true;
    else if (NEGATION_ENDS.test(text[i] as string)) state.negatorAt = -1;
    i += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
  }
  return state.tokens;
}

// Per UTF-16 code: the lower-cased code of an ASCII word character (a-z, A-Z, 0-9), else 0. Sized for
// every code so that a lookup never falls outside the array, which would slow every lookup down.
const wordCharacters = new Uint8Array(0x10000);
// Per ASCII code: 1 for sentence punctuation, 2 for a comma (see `NEGATION_ENDS`).
const clauseEnds = new Uint8Array(128);
// Per ASCII code: 1 for the codes `isPrintableAscii` allows (printable, tab, newline; not `<` or `&`).
const printableCodes = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  const character = String.fromCharCode(code);
  if (/[a-z0-9]/i.test(character)) wordCharacters[code] = character.toLowerCase().charCodeAt(0);
  if (CLAUSE_BREAK.test(character)) clauseEnds[code] = 1;
  else if (NEGATION_ENDS.test(character)) clauseEnds[code] = 2;
  if (isPrintableAscii(character)) printableCodes[code] = 1;
}
// Per ASCII code: 1 for a character that may start a social part (see `mayStartSocialPart`).
const socialStarts = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  const character = String.fromCharCode(code);
  if (mayStartSocialPart(`${character}${character === 'h' || character === 'H' ? 'tt' : 'ww'}`, 0))
    socialStarts[code] = 1;
}
const APOSTROPHE = 0x27;
const SPACE = 0x20;
const DOLLAR = 0x24;
const POUND = 0xa3;
const EURO = 0x20ac;

/** Whether the code at `at` is a currency sign with an ASCII digit right after it (see `WORD`). */
function currencyBeforeDigit(codes: Uint16Array, at: number): boolean {
  const code = codes[at] as number;
  const next = codes[at + 1] as number;
  return (code === DOLLAR || code === POUND || code === EURO) && isAsciiDigitCode(next);
}
const RIGHT_SINGLE_QUOTE = 0x2019;
const LOWER_A = 0x61;
// Punctuation beyond ASCII that phones and word processors put in plain English text; none is a letter,
// digit or emoji, so the fast path can step over it (and read ’ as an apostrophe inside a word). U+FFFD
// too: the survey-export damage `normalizeText` cannot place ("great service\uFFFD") is no word either,
// and sent the whole comment down the slower path.
const TYPOGRAPHIC_PUNCTUATION = new Set([
  0x2018, 0x2019, 0x201c, 0x201d, 0x2013, 0x2014, 0x2026, 0x2022, 0xa3, 0x20ac, 0xa0, 0xb0, 0xfffd,
]);

function isApostrophe(code: number): boolean {
  return code === APOSTROPHE || code === RIGHT_SINGLE_QUOTE;
}

/** Whether text[from, to) is all codes `isPrintableAscii` allows. */
function printableRun(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80 || printableCodes[code] === 0) return false;
  }
  return true;
}

// The text's UTF-16 codes, copied in one call (Buffer's utf16le write) and followed by a 0, which is no
// word character: the loop reads a typed array instead of asking the string for each code, and needs no
// check for the end of the text inside a word.
let textCodes = new Uint16Array(1024);
let textBytes = Buffer.from(textCodes.buffer);

/** The codes of `text` followed by a 0, in a shared array valid until the next call. */
function codesOf(text: string): Uint16Array {
  if (text.length >= textCodes.length) {
    textCodes = new Uint16Array(2 * text.length + 2);
    textBytes = Buffer.from(textCodes.buffer);
  }
  textBytes.write(text, 0, 'utf16le');
  textCodes[text.length] = 0;
  return textCodes;
}

/**
 * The same tokens as `tokenizeUnicode`, read a character code at a time: most comments are plain ASCII
 * (with curly quotes, dashes or a pound sign at most), and this is the single most frequent step of the
 * analysis. Undefined when the text holds any other character, or, when `printable`, any character
 * `isPrintableAscii` does not allow (see `tokenizePrintable`).
 */
function tokenizeAscii(text: string, printable: boolean, read?: MarksRead): Token[] | undefined {
  const state: TokenizerState = { tokens: [], clause: 0, clauseBreak: false, negatorAt: -1 };
  const codes = codesOf(text);
  // Read once: in the bundle a module's constants are variables, loaded and checked at every use.
  const words = wordCharacters;
  const social = socialStarts;
  const ends = clauseEnds;
  const allowed = printableCodes;
  const markOf = markOfCode;
  // Every character that is no word's nor the space after one is read below, and noted here.
  let marks = 0;
  // Where a currency sign stands right before the word being read, else -1.
  let currencyAt = -1;
  let i = 0;
  while (i < text.length) {
    const code = codes[i] as number;
    if (code >= 0x80) {
      if (printable || !TYPOGRAPHIC_PUNCTUATION.has(code)) return undefined;
      if (currencyBeforeDigit(codes, i)) currencyAt = i;
      i++;
      continue;
    }
    // Handles, URLs, hashtags and emoticons start with a few characters only; most text has none.
    if (social[code] === 1 && mayStartSocialPart(text, i)) {
      const next = readSocialPart(state, text, i);
      if (next >= 0) {
        // The part's characters are not read below: a URL's query may hold `&`, and any mark.
        if (printable && !printableRun(text, i, next)) return undefined;
        marks = UNKNOWN_MARKS;
        i = next;
        continue;
      }
    }
    if (words[code] === 0) {
      if (printable && allowed[code] === 0) return undefined;
      if (code === DOLLAR && currencyBeforeDigit(codes, i)) currencyAt = i;
      marks |= markOf[code] as number;
      const end = ends[code] as number;
      if (end === 1) state.clauseBreak = true;
      else if (end === 2) state.negatorAt = -1;
      i++;
      continue;
    }
    const start = i;
    // The word's key is packed as it is read, so known words need no string of their own.
    let last = 0;
    let before = 0;
    // Any word character to start with; inner apostrophes followed by letters stay in the word
    // ("didn't", "i've"), and after one only letters do.
    let least = 1;
    for (let at = code; ; at = codes[++i] as number) {
      let c = words[at] as number;
      if (c < least) {
        // A printable text holds no ’: the word then ends before it, and the loop above says no.
        const apostrophe = printable ? at === APOSTROPHE : isApostrophe(at);
        if (!apostrophe || (words[codes[i + 1] as number] as number) < LOWER_A) break;
        c = APOSTROPHE;
        least = LOWER_A;
      }
      before = beforeWith(last, before);
      last = lastWith(last, c);
    }
    if (currencyAt >= 0 && currencyAt === start - 1) {
      addWord(state, lexemeOf(lowerWord(text, currencyAt, i)), currencyAt, i);
      currencyAt = -1;
    } else {
      const id = asciiLexemeIdAt(text, start, i, last, before);
      if (id >= 0) addNumberedWord(state, id, lexemeNumbered(id), start, i);
      else addWord(state, newAsciiLexeme(text, start, i), start, i);
    }
    // Most words end at a space, which is printable, no word, clause end or social part: stepped over
    // here, it is not read again by the checks above.
    if (codes[i] === SPACE) i++;
  }
  if (read) read.marks = marks;
  return state.tokens;
}
