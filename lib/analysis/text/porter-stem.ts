/**
 * The Porter stemmer exactly as natural 8.1.1 implements it (`natural/lib/natural/stemmers/porter_stemmer.js`,
 * MIT licence, (c) 2011 Chris Umbel), step for step, with its quirks kept (step 2 applies every rule
 * that fits, in turn; a measure can be fractional; step 4 tries only its longest suffix). Every stored
 * theme cue, lexicon entry and model feature is keyed by its stems, so a stem that differed by one letter
 * would change results: test/unit/analysis/porter-stem.test.ts compares the two on a large word list.
 *
 * Why not call natural: its steps run a dozen regular expressions and build strings per word, and the
 * code is cold in every fresh process and worker thread; a word stemmed the first time was a good part
 * of what a thread pays before it runs at full speed. Here the same steps read character codes.
 */

const A = 0x61;
const E = 0x65;
const I = 0x69;
const L = 0x6c;
const O = 0x6f;
const S = 0x73;
const U = 0x75;
const W = 0x77;
const X = 0x78;
const Y = 0x79;
const Z = 0x7a;

/** a, e, i, o, u (not y). */
function isVowel(code: number): boolean {
  return code === A || code === E || code === I || code === O || code === U;
}

// natural's `categorizeGroups` writes a word as groups: `[^aeiouy]+y` -> "CV", then `[aeiou]+` -> "V",
// then `[^V]+` -> "C". A run of consonants ending in y reads as consonant + vowel, a y after a vowel or at
// the start as a consonant, and the "V" of such a y stands on its own ("kya" gives "CVV"). The steps only
// ask a few things of that string, so it is not built: `scanGroups` packs them into one number.
const GROUPS_LENGTH = 0xffff;
const FIRST_IS_C = 1 << 16;
const LAST_IS_V = 1 << 17;
const V_COUNT_SHIFT = 18;

function scanGroups(token: string): number {
  let length = 0;
  let vowels = 0;
  let firstIsC = false;
  // What the last symbol was: 0 none, 1 a consonant group, 2 a vowel run, 3 the V of a y.
  let last = 0;
  const n = token.length;
  let i = 0;
  while (i < n) {
    const code = token.charCodeAt(i);
    if (code !== Y && !isVowel(code)) {
      // A maximal run of consonants other than y: with a y after it, the run and the y are "CV".
      let end = i + 1;
      while (end < n) {
        const next = token.charCodeAt(end);
        if (next === Y || isVowel(next)) break;
        end++;
      }
      if (last !== 1) {
        if (length === 0) firstIsC = true;
        length++;
      }
      if (end < n && token.charCodeAt(end) === Y) {
        length++;
        vowels++;
        last = 3;
        i = end + 1;
      } else {
        last = 1;
        i = end;
      }
    } else if (code === Y) {
      if (last !== 1) {
        if (length === 0) firstIsC = true;
        length++;
      }
      last = 1;
      i++;
    } else {
      if (last !== 2) {
        length++;
        vowels++;
      }
      last = 2;
      i++;
    }
  }
  return length | (firstIsC ? FIRST_IS_C : 0) | (last >= 2 ? LAST_IS_V : 0) | (vowels << V_COUNT_SHIFT);
}

/** natural's `measure`: the VC count, the groups less a leading C and a trailing V, halved; -1 for none. */
function measure(token: string | null): number {
  if (!token) return -1;
  const groups = scanGroups(token);
  let length = groups & GROUPS_LENGTH;
  if (groups & FIRST_IS_C) length--;
  if (length > 0 && groups & LAST_IS_V) length--;
  return length / 2;
}

/**
 * Whether the letter at `index` is a "V" in natural's `categorizeChars` (`[^aeiouy]y` -> "CV", then each
 * vowel "V", each other letter "C"): a vowel, or a y after a letter that is neither a vowel nor y.
 */
function isVowelChar(token: string, index: number): boolean {
  const code = token.charCodeAt(index);
  if (isVowel(code)) return true;
  if (code !== Y || index === 0) return false;
  const before = token.charCodeAt(index - 1);
  return before !== Y && !isVowel(before);
}

/** Whether the three letters from `start` read "CVC" in natural's `categorizeChars`. */
function isCvcAt(token: string, start: number): boolean {
  return !isVowelChar(token, start) && isVowelChar(token, start + 1) && !isVowelChar(token, start + 2);
}

/** natural's `endsWithDoublCons`: the last two letters the same, and not a, e, i, o, u. */
function endsWithDoubleConsonant(token: string): boolean {
  const n = token.length;
  if (n < 2) return false;
  const last = token.charCodeAt(n - 1);
  return last === token.charCodeAt(n - 2) && !isVowel(last);
}

/** natural's `attemptReplace` with a plain suffix: the token with `suffix` replaced, or null. */
function replaceSuffix(token: string, suffix: string, replacement: string): string | null {
  return token.endsWith(suffix) ? token.slice(0, token.length - suffix.length) + replacement : null;
}

/**
 * natural's `attemptReplacePatterns` with a measure: each rule whose suffix, taken off the original
 * token, leaves a measure above `threshold` is applied in turn to what the rules before it made.
 */
function replacePatterns(token: string, rules: ReadonlyArray<readonly [string, string]>, threshold: number) {
  let replaced = token;
  for (const [suffix, replacement] of rules) {
    if (measure(replaceSuffix(token, suffix, '')) > threshold)
      replaced = replaceSuffix(replaced, suffix, replacement) || replaced;
  }
  return replaced || token;
}

function step1a(token: string): string {
  if (token.endsWith('sses')) return token.slice(0, -2);
  if (token.endsWith('ies')) return token.slice(0, -2);
  const n = token.length;
  if (token.charCodeAt(n - 1) === S && token.charCodeAt(n - 2) !== S && n > 2) return token.slice(0, -1);
  return token;
}

const STEP_1B_RULES: ReadonlyArray<readonly [string, string]> = [
  ['at', 'ate'],
  ['bl', 'ble'],
  ['iz', 'ize'],
];

/** What is left once "ed" or "ing" is taken off, when it holds a vowel; null otherwise. */
function step1bRest(token: string): string | null {
  if (scanGroups(token) >> V_COUNT_SHIFT === 0) return null;
  let replaced = token;
  for (const [suffix, replacement] of STEP_1B_RULES)
    replaced = replaceSuffix(replaced, suffix, replacement) || replaced;
  if (replaced !== token) return replaced;
  const n = token.length;
  const last = token.charCodeAt(n - 1);
  if (endsWithDoubleConsonant(token) && last !== L && last !== S && last !== Z) return token.slice(0, -1);
  if (measure(token) === 1 && n >= 3 && isCvcAt(token, n - 3) && last !== W && last !== X && last !== Y)
    return `${token}e`;
  return token;
}

function step1b(token: string): string {
  if (token.endsWith('eed')) {
    if (measure(token.slice(0, -3)) > 0) return token.slice(0, -1);
    return token;
  }
  const stripped = token.endsWith('ed')
    ? token.slice(0, -2)
    : token.endsWith('ing')
      ? token.slice(0, -3)
      : '';
  // natural skips its callback when nothing is left ("ing" alone) and keeps the token.
  if (!stripped) return token;
  return step1bRest(stripped) || token;
}

function step1c(token: string): string {
  if (token.charCodeAt(token.length - 1) !== Y) return token;
  // A "V" among the groups before the last one.
  const groups = scanGroups(token);
  const vowelsBeforeLast = (groups >> V_COUNT_SHIFT) - (groups & LAST_IS_V ? 1 : 0);
  return vowelsBeforeLast > 0 ? `${token.slice(0, -1)}i` : token;
}

const STEP_2_RULES: ReadonlyArray<readonly [string, string]> = [
  ['ational', 'ate'],
  ['tional', 'tion'],
  ['enci', 'ence'],
  ['anci', 'ance'],
  ['izer', 'ize'],
  ['abli', 'able'],
  ['bli', 'ble'],
  ['alli', 'al'],
  ['entli', 'ent'],
  ['eli', 'e'],
  ['ousli', 'ous'],
  ['ization', 'ize'],
  ['ation', 'ate'],
  ['ator', 'ate'],
  ['alism', 'al'],
  ['iveness', 'ive'],
  ['fulness', 'ful'],
  ['ousness', 'ous'],
  ['aliti', 'al'],
  ['iviti', 'ive'],
  ['biliti', 'ble'],
  ['logi', 'log'],
];

const STEP_3_RULES: ReadonlyArray<readonly [string, string]> = [
  ['icate', 'ic'],
  ['ative', ''],
  ['alize', 'al'],
  ['iciti', 'ic'],
  ['ical', 'ic'],
  ['ful', ''],
  ['ness', ''],
];

// Step 4's suffixes, longest first: natural's `^(.+?)(al|ance|...)$` takes the shortest start, so the
// longest suffix that leaves at least one letter.
const STEP_4_SUFFIXES = [
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
].sort((a, b) => b.length - a.length);

function step4(token: string): string {
  let longest = '';
  for (const suffix of STEP_4_SUFFIXES) {
    if (suffix.length < token.length && token.endsWith(suffix)) {
      longest = suffix;
      break;
    }
  }
  const rest = longest ? token.slice(0, token.length - longest.length) : '';
  if (measure(rest) > 1) return rest;
  // natural's `^(.+?)(s|t)(ion)$`, keeping the s or t.
  const n = token.length;
  const before = token.charCodeAt(n - 4);
  const ion = n >= 5 && token.endsWith('ion') && (before === S || before === 0x74) ? token.slice(0, -3) : '';
  if (measure(ion) > 1) return ion;
  return token;
}

function step5a(token: string): string {
  const withoutE = token.charCodeAt(token.length - 1) === E ? token.slice(0, -1) : token;
  const m = measure(withoutE);
  if (m > 1) return withoutE;
  if (m === 1) {
    const n = token.length;
    // natural's `token.match(/[^wxy].$/)`: a letter before the last that is not w, x or y.
    const beforeLast = n >= 2 ? token.charCodeAt(n - 2) : -1;
    // natural's `categorizeChars(token).substr(-4, 3) === 'CVC'`: from the 4th last letter, or the first.
    const cvcBeforeLast =
      n >= 3 &&
      isCvcAt(token, Math.max(0, n - 4)) &&
      beforeLast !== -1 &&
      beforeLast !== W &&
      beforeLast !== X &&
      beforeLast !== Y;
    if (!cvcBeforeLast) return withoutE;
  }
  return token;
}

function step5b(token: string): string {
  return measure(token) > 1 && token.endsWith('ll') ? token.slice(0, -1) : token;
}

/**
 * The stem of a lower-case word of letters a-z, the same as natural's `PorterStemmer.stem` gives.
 * Other characters are not what this was checked on: the caller stems only /^[a-z]+$/ words.
 */
export function porterStem(word: string): string {
  if (word.length < 3) return word;
  return step5b(
    step5a(
      step4(replacePatterns(replacePatterns(step1c(step1b(step1a(word))), STEP_2_RULES, 0), STEP_3_RULES, 0)),
    ),
  );
}
