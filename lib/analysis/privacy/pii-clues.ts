import { LexemeNumbers } from '../text/lexemes.js';
import type { Token } from '../text/tokenize.js';
import type { PiiClues } from './redact-pii.js';
import { GIVEN_NAME_CUE, SPELLED_EMAIL_CUE_WORDS } from './word-identifiers.js';

// Per distinct word, whether a word identifier's cue needs it: worked out once per word, so most comments
// skip the cue patterns, which scan the whole text (~4% of the analysis of a survey comment).
const isCueWord = new LexemeNumbers(({ surface }) =>
  SPELLED_EMAIL_CUE_WORDS.has(surface) || GIVEN_NAME_CUE.test(surface) ? 1 : 0,
);

/**
 * The clues of `text` from its tokens. Every letter and digit of a text stands in a token, except in
 * handles, URLs and hashtags: then the digits are counted in the text itself, and words are left to the
 * patterns.
 */
export function piiClues(text: string, tokens: readonly Token[]): PiiClues {
  let digits = 0;
  if (text.includes('@') || text.includes('://') || text.includes('www.')) {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code >= 0x30 && code <= 0x39) digits++;
    }
    return { digits, wordCues: true };
  }
  let cueWords = 0;
  for (const token of tokens) {
    digits += token.lexeme.digits;
    cueWords |= isCueWord.get(token.lexeme);
  }
  return { digits, wordCues: digits > 0 || cueWords !== 0 || text.includes('#') };
}
