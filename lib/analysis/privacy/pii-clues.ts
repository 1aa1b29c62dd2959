import { LexemeNumbers } from '../text/lexemes.js';
import { AT_SIGN, COLON, HASH_SIGN, mayHoldMark, UNKNOWN_MARKS } from '../text/text-marks.js';
import type { Token } from '../text/tokenize.js';
import { mayBeGivenName } from './bare-given-names.js';
import {
  GIVEN_NAME_CUE,
  INTRODUCED_NAME_BEFORE_WORDS,
  SIGNED_OFF_NAME_CUE_WORDS,
  TITLED_NAME_BEFORE_WORDS,
} from './given-names.js';
import {
  ACCOUNT_HANDLE_CUE_WORDS,
  CARD_SECURITY_CODE_CUE_WORDS,
  SECRET_CUE_WORDS,
} from './labelled-identifiers.js';
import { countDigits, type PiiClues, type WordClues } from './redact-pii.js';
import { MIN_SPOKEN_WORDS, SPOKEN_DIGITS, SPOKEN_REPEATS } from './spoken-numbers.js';
import { SPELLED_EMAIL_CUE_WORDS, STREET_TYPE_WORDS } from './word-identifiers.js';

// Per distinct word, which word-identifier cues need it (as bits): worked out once per word,
// so most comments skip the cue patterns, which scan the whole text (~4% of a survey comment's analysis).
const SPELLED_EMAIL = 1;
const NAME = 2;
const SPOKEN_DIGIT = 4;
// A run of a-z and 0-9 in the word (between apostrophes, or the whole word) is a street type.
const STREET_TYPE = 8;
// The word holds an apostrophe or a character beyond ASCII: a street type in it need not start it.
const NOT_PLAIN = 16;
const SIGN_OFF = 32;
const ACCOUNT_HANDLE = 64;
const CARD_SECURITY_CODE = 128;
// "is", "I'm", "am", "name's": a capitalised word after one may be a name the customer introduces.
const INTRO = 256;
// "Mrs", "Dr", "wife", "son": a capitalised word after one may be a person's name.
const TITLE = 512;
const SECRET = 1024;
// A listed given name, once capitalised (see `BARE_GIVEN_NAME`).
const GIVEN_NAME_WORD = 2048;
// Above the cue bits, the word's digits (see `digitsIn`): every word's are counted, and the lexeme
// itself, loaded for them, cost more than this number's read.
const DIGITS_SHIFT = 16;
// This many digits or more do not fit: the lexeme is read for them.
const MANY_DIGITS = 0x7fff;
const cueBitsOf = new LexemeNumbers(
  ({ surface, digits }) =>
    (Math.min(digits, MANY_DIGITS) << DIGITS_SHIFT) |
    (SPELLED_EMAIL_CUE_WORDS.has(surface) ? SPELLED_EMAIL : 0) |
    (GIVEN_NAME_CUE.test(surface) ? NAME : 0) |
    (SIGNED_OFF_NAME_CUE_WORDS.has(surface) ? SIGN_OFF : 0) |
    (ACCOUNT_HANDLE_CUE_WORDS.has(surface) ? ACCOUNT_HANDLE : 0) |
    (CARD_SECURITY_CODE_CUE_WORDS.has(surface) ? CARD_SECURITY_CODE : 0) |
    (INTRODUCED_NAME_BEFORE_WORDS.has(surface) ? INTRO : 0) |
    (TITLED_NAME_BEFORE_WORDS.has(surface) ? TITLE : 0) |
    (SECRET_CUE_WORDS.has(surface) ? SECRET : 0) |
    (mayBeGivenName(surface) ? GIVEN_NAME_WORD : 0) |
    (Object.hasOwn(SPOKEN_DIGITS, surface) || Object.hasOwn(SPOKEN_REPEATS, surface) ? SPOKEN_DIGIT : 0) |
    (surface.match(/[a-z0-9]+/g)?.some((run) => STREET_TYPE_WORDS.has(run)) ? STREET_TYPE : 0) |
    (/[^a-z0-9]/.test(surface) ? NOT_PLAIN : 0),
);

/** The digits of the token's word, from its `cueBitsOf` bits. */
function digitsIn(token: Token, bits: number): number {
  const digits = bits >>> DIGITS_SHIFT;
  return digits === MANY_DIGITS ? token.lexeme.digits : digits;
}

const UPPER_A = 0x41;
const UPPER_Z = 0x5a;

/** Whether the token is written with a capital first letter (A-Z). */
function startsCapitalised(text: string, token: Token): boolean {
  const first = text.charCodeAt(token.start);
  return first >= UPPER_A && first <= UPPER_Z;
}

/** Whether the token starts with a capital letter, of any alphabet. */
function startsWithCapital(text: string, token: Token): boolean {
  const first = text.charCodeAt(token.start);
  if (first < 0x80) return first >= UPPER_A && first <= UPPER_Z;
  const letter = String.fromCodePoint(text.codePointAt(token.start) ?? first);
  return letter !== letter.toLowerCase();
}

/**
 * Whether the token may hold a street type as `STREET_ADDRESS_CUE` matches it, capitalised with a word
 * boundary either side: a plain word must be one and start with a capital in the text; in any other
 * word (an apostrophe, a letter beyond ASCII) the type may stand after the word's start, and is let be.
 */
function mayBeStreetType(text: string, token: Token, bits: number): boolean {
  if ((bits & STREET_TYPE) === 0) return false;
  return (bits & NOT_PLAIN) !== 0 || startsCapitalised(text, token);
}

/**
 * The words' clues of a text that holds no cue word, shared by every such text and never changed: its
 * fields in the order `piiClues` writes them, so that every reading of word clues has one shape.
 */
const NO_WORD_CLUES: Readonly<WordClues> = {
  spelledEmail: false,
  name: false,
  signOff: false,
  introducedName: false,
  titledName: false,
  bareName: false,
  accountHandle: false,
  cardSecurityCode: false,
  secret: false,
  spokenDigits: false,
  street: false,
};

/**
 * The clues of `text` from its tokens. Every letter and digit of a text stands in a token, except in
 * handles, URLs and hashtags: then the digits of handles and URLs are counted in the text itself, and
 * the words are left to the cues.
 */
export function piiClues(text: string, tokens: readonly Token[], marks = UNKNOWN_MARKS): PiiClues {
  if (
    (mayHoldMark(marks, AT_SIGN) && text.includes('@')) ||
    (mayHoldMark(marks, COLON) && text.includes('://')) ||
    text.includes('www.')
  )
    return { digits: countDigits(text) };
  let digits = 0;
  let cueBits = 0;
  let street = false;
  let introducedName = false;
  let titledName = false;
  let bareName = false;
  let previousBits = 0;
  // Digit words in a row, and the longest such run: a spoken number needs MIN_SPOKEN_WORDS of them.
  let spokenRun = 0;
  let longestSpokenRun = 0;
  for (const token of tokens) {
    const bits = cueBitsOf.of(token);
    // Most words are no cue and hold no digit: after another such word, one changes nothing but the run
    // of spoken digits. Said once here, the module's constants below are not read for them.
    if (bits === 0 && previousBits === 0) {
      spokenRun = 0;
      continue;
    }
    digits += digitsIn(token, bits);
    cueBits |= bits;
    if (!street) street = mayBeStreetType(text, token, bits);
    if (!introducedName && (previousBits & INTRO) !== 0) introducedName = startsCapitalised(text, token);
    if (!titledName && (previousBits & TITLE) !== 0) titledName = startsCapitalised(text, token);
    if (!bareName && (bits & GIVEN_NAME_WORD) !== 0) bareName = startsWithCapital(text, token);
    previousBits = bits;
    spokenRun = bits & SPOKEN_DIGIT ? spokenRun + 1 : 0;
    if (spokenRun > longestSpokenRun) longestSpokenRun = spokenRun;
  }
  if (mayHoldMark(marks, HASH_SIGN) && text.includes('#')) return { digits };
  // Every clue below needs a cue word: most comments hold none, and share one reading of no clues.
  if (cueBits === 0) return { digits, words: NO_WORD_CLUES };
  return {
    digits,
    words: {
      spelledEmail: (cueBits & SPELLED_EMAIL) !== 0,
      name: (cueBits & NAME) !== 0,
      signOff: (cueBits & SIGN_OFF) !== 0,
      introducedName,
      titledName,
      bareName,
      accountHandle: (cueBits & ACCOUNT_HANDLE) !== 0,
      cardSecurityCode: (cueBits & CARD_SECURITY_CODE) !== 0,
      secret: (cueBits & SECRET) !== 0,
      spokenDigits: longestSpokenRun >= MIN_SPOKEN_WORDS,
      street,
    },
  };
}

/**
 * The clues of `text` (see `piiClues`) as clues of `original`, when `text` differs from it only where
 * `original` holds U+FFFD (the repairs of `normalizeText` put an apostrophe or a pound sign there);
 * else undefined. Neither is a letter, digit, space or a cue's punctuation, like U+FFFD itself, so any
 * cue matching the original matches the text at the same place, and what the text's words rule out
 * the original's do too.
 */
export function cluesOfRepaired(original: string, text: string, clues: PiiClues): PiiClues | undefined {
  if (original.length !== text.length) return undefined;
  for (let i = 0; i < text.length; i++) {
    const code = original.charCodeAt(i);
    if (code !== text.charCodeAt(i) && code !== 0xfffd) return undefined;
  }
  return clues;
}
