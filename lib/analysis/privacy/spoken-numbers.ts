/**
 * Numbers said digit by digit and written down in words, as call transcripts and voice notes give
 * them: "oh seven seven double oh nine oh oh one two three" is a phone number, "account number one
 * two three four five six seven eight" an account. Prose almost never strings five or more digit
 * words together, so such a run is read as the number it spells and checked like a written one.
 */

/** What each spoken digit stands for; "double" and "triple" repeat the digit after them. */
export const SPOKEN_DIGITS: Readonly<Record<string, string>> = {
  zero: '0',
  oh: '0',
  o: '0',
  nought: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
};
export const SPOKEN_REPEATS: Readonly<Record<string, number>> = { double: 2, triple: 3 };

/** Digit words in a row before a run may be a number: "triple seven double oh one" spells six. */
export const MIN_SPOKEN_WORDS = 5;
/** Digits a spoken run must spell to be redacted: seven, the shortest local phone number. */
export const MIN_SPOKEN_DIGITS = 7;

// Longest words first, so that "oh" is tried before "o".
const DIGIT_WORD = Object.keys(SPOKEN_DIGITS)
  .sort((a, b) => b.length - a.length)
  .join('|');
const SPOKEN_DIGIT = String.raw`(?:(?:${Object.keys(SPOKEN_REPEATS).join('|')})[\s-]+)?(?:${DIGIT_WORD})`;
// Words and separators are disjoint character classes, so the pattern never backtracks far.
const RUN = String.raw`\b${SPOKEN_DIGIT}(?:[\s,-]+${SPOKEN_DIGIT}){${MIN_SPOKEN_WORDS - 1},40}\b`;

/** A run of digit words; `spokenDigits` reads it and a detector decides what it is. */
export const SPOKEN_NUMBER = new RegExp(RUN, 'gi');
export const SPOKEN_NUMBER_CUE = new RegExp(RUN, 'i');

/** The digits a run of digit words spells: "oh seven double oh" is "0700". */
export function spokenDigits(run: string): string {
  let digits = '';
  let repeat = 1;
  for (const word of run.toLowerCase().split(/[\s,-]+/)) {
    const repeats = SPOKEN_REPEATS[word];
    if (repeats !== undefined) {
      repeat = repeats;
      continue;
    }
    digits += (SPOKEN_DIGITS[word] ?? '').repeat(repeat);
    repeat = 1;
  }
  return digits;
}
