import { isAsciiDigitCode } from '../text/character-codes.js';

/**
 * A sorted list of words, each written as how many letters it shares with the word before it (one
 * digit, 0-9) and then the letters that differ: "Aaliyah Aaron Aarya" is "0Aaliyah2ron3ya". Sorted names
 * share their starts, and the list of given names takes a third of its plain size in a Lambda bundle.
 * Words hold letters only.
 */

const MOST_SHARED = 9;

/** The words, sorted, front-coded. */
export function frontCode(sortedWords: readonly string[]): string {
  let coded = '';
  let previous = '';
  for (const word of sortedWords) {
    let shared = 0;
    while (shared < MOST_SHARED && shared < word.length && word[shared] === previous[shared]) shared++;
    coded += `${shared}${word.slice(shared)}`;
    previous = word;
  }
  return coded;
}

/** The words of a front-coded list, in order. */
export function frontDecode(coded: string): string[] {
  const words: string[] = [];
  let previous = '';
  for (let at = 0; at < coded.length; ) {
    const shared = coded.charCodeAt(at) - 48;
    let end = at + 1;
    while (end < coded.length && !isAsciiDigitCode(coded.charCodeAt(end))) end++;
    previous = previous.slice(0, shared) + coded.slice(at + 1, end);
    words.push(previous);
    at = end;
  }
  return words;
}
