import { afinn165 } from '../lexicon/afinn-165.js';
import { cxWordValences, negators } from '../lexicon/cx-sentiment-lexicon.js';
import { EMOTICON_VALENCES } from '../lexicon/emoticons.js';
import { NUMBER_WORDS } from '../lexicon/number-words.js';
import { HASHTAG_WORDS } from '../lexicon/social-words.js';
import { isAsciiDigitCode } from './character-codes.js';

/**
 * The parts of social-media text that are not words: a handle (`@united` names an account, it is not
 * the word "united"), a URL, a hashtag (its words count: `#neverflyingagain`), an emoticon (`:-(`).
 */
export type SocialPartKind = 'handle' | 'url' | 'hashtag' | 'emoticon';

export interface SocialPart {
  kind: SocialPartKind;
  /** Where the part ends (exclusive). A hashtag's words start after its `#`. */
  end: number;
}

const HANDLE_OR_TAG_BODY = /[\p{L}\p{N}_]+/uy;
const URL_START = /(?:https?:\/\/|www\.)[^\s]/iy;
const URL_BODY = /[^\s]+/y;
// A URL does not take the punctuation that ends the sentence around it.
const URL_TRAILING = /[.,!?;:)\]}"'’]+$/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function isLetterOrDigit(code: number): boolean {
  if (code < 0x80) return isAsciiDigitCode(code) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
  return LETTER_OR_DIGIT.test(String.fromCharCode(code));
}

// Emoticons by first character, longest first, so ":)))" is read whole before ":)".
const emoticonsByFirst = new Map<number, string[]>();
for (const emoticon of Object.keys(EMOTICON_VALENCES).sort((a, b) => b.length - a.length)) {
  const first = emoticon.charCodeAt(0);
  emoticonsByFirst.set(first, [...(emoticonsByFirst.get(first) ?? []), emoticon]);
}

const LOWER_H = 0x68;
const LOWER_T = 0x74;
const LOWER_W = 0x77;

/**
 * Whether a social part may start at `at`: the tokenizer asks at every word and punctuation mark, so
 * this looks at a character or three before any pattern runs ("http", "www", `@`, `#`, a face's first).
 */
export function mayStartSocialPart(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code === 0x40 || code === 0x23) return true;
  const lower = code | 0x20;
  if (lower === LOWER_H)
    return (text.charCodeAt(at + 1) | 0x20) === LOWER_T && (text.charCodeAt(at + 2) | 0x20) === LOWER_T;
  if (lower === LOWER_W)
    return (text.charCodeAt(at + 1) | 0x20) === LOWER_W && (text.charCodeAt(at + 2) | 0x20) === LOWER_W;
  return emoticonsByFirst.has(code);
}

function matchAt(pattern: RegExp, text: string, at: number): number {
  pattern.lastIndex = at;
  return pattern.test(text) ? pattern.lastIndex : -1;
}

function emoticonAt(text: string, at: number): number {
  const candidates = emoticonsByFirst.get(text.charCodeAt(at));
  if (!candidates) return -1;
  // "10:30", "a:b" and "(a)" are no faces: an emoticon stands apart from digits before and words after.
  const before = at > 0 ? text.charCodeAt(at - 1) : 0x20;
  if (isAsciiDigitCode(before)) return -1;
  for (const emoticon of candidates) {
    if (!text.startsWith(emoticon, at)) continue;
    const end = at + emoticon.length;
    const after = end < text.length ? text.charCodeAt(end) : 0x20;
    // "http://" broken by a space is a fragment of an address, not ":/".
    if (isLetterOrDigit(after) || after === 0x2f) continue;
    // One that starts with a letter ("xD") must not end a word either.
    if (isLetterOrDigit(emoticon.charCodeAt(0)) && isLetterOrDigit(before)) continue;
    return end;
  }
  return -1;
}

/** The social part starting at `at`, if one does. */
export function socialPartAt(text: string, at: number): SocialPart | undefined {
  const code = text.charCodeAt(at);
  const before = at > 0 ? text.charCodeAt(at - 1) : 0x20;
  if (code === 0x40 || code === 0x23) {
    // "name@example.com" is an address, not a handle; "#1" and "#2" are numbers, not hashtags.
    if (isLetterOrDigit(before) || before === 0x5f || before === 0x2e) return undefined;
    const end = matchAt(HANDLE_OR_TAG_BODY, text, at + 1);
    if (end < 0) return undefined;
    if (code === 0x23 && !/\p{L}/u.test(text.slice(at + 1, end))) return undefined;
    return { kind: code === 0x40 ? 'handle' : 'hashtag', end };
  }
  if ((code | 0x20) === 0x68 || (code | 0x20) === 0x77) {
    if (isLetterOrDigit(before) || matchAt(URL_START, text, at) < 0) return undefined;
    const end = matchAt(URL_BODY, text, at);
    const url = text.slice(at, end);
    return { kind: 'url', end: end - (URL_TRAILING.exec(url)?.[0].length ?? 0) };
  }
  const end = emoticonAt(text, at);
  return end < 0 ? undefined : { kind: 'emoticon', end };
}

/** The words a hashtag may be split into: the lexicons' plain words and the hashtag words. */
function readHashtagVocabulary(): ReadonlySet<string> {
  const vocabulary = new Set<string>(HASHTAG_WORDS);
  for (const word of [
    ...Object.keys(afinn165()),
    ...Object.keys(cxWordValences),
    ...Object.keys(NUMBER_WORDS),
    ...negators,
  ]) {
    if (/^[a-z]+$/.test(word)) vocabulary.add(word);
  }
  return vocabulary;
}

// Built at the first hashtag to split, not at every cold start: ~5,000 words, and most comments hold
// no hashtag.
let hashtagVocabularyRead: ReadonlySet<string> | undefined;

/** A known word, or one with a plain inflection of a known word ("flights", "cancelled", "flying"). */
function isKnownWord(word: string): boolean {
  if (word.length === 1) return word === 'a' || word === 'i';
  hashtagVocabularyRead ??= readHashtagVocabulary();
  const hashtagVocabulary = hashtagVocabularyRead;
  if (hashtagVocabulary.has(word)) return true;
  for (const ending of ['s', 'es', 'ed', 'd', 'ing', 'ly']) {
    if (!word.endsWith(ending) || word.length - ending.length < 3) continue;
    const base = word.slice(0, -ending.length);
    if (hashtagVocabulary.has(base) || hashtagVocabulary.has(`${base}e`)) return true;
    // "cancelled", "stopped": a doubled final consonant.
    if (base.at(-1) === base.at(-2) && hashtagVocabulary.has(base.slice(0, -1))) return true;
  }
  return false;
}

const LONGEST_PIECE = 20;
// Longer hashtags, or splits into more words, are more likely noise ("#aaaaaaaa") than words.
const LONGEST_SPLIT = 40;
const MOST_PIECES = 6;

/**
 * Splits a run of lower-case letters into the fewest known words ("neverflyingagain" -> never,
 * flying, again), as offsets of each piece's end; undefined when no split uses known words only.
 */
function splitLetters(letters: string): number[] | undefined {
  if (isKnownWord(letters)) return [letters.length];
  if (letters.length > LONGEST_SPLIT) return undefined;
  const fewest: number[] = [0];
  const from: number[] = [0];
  for (let end = 1; end <= letters.length; end++) {
    fewest[end] = Number.POSITIVE_INFINITY;
    for (let start = Math.max(0, end - LONGEST_PIECE); start < end; start++) {
      const pieces = (fewest[start] as number) + 1;
      // Ties go to the longer last piece: "nowhere" before "now here".
      if (pieces < (fewest[end] as number) && isKnownWord(letters.slice(start, end))) {
        fewest[end] = pieces;
        from[end] = start;
      }
    }
  }
  if (!Number.isFinite(fewest[letters.length]) || (fewest[letters.length] as number) > MOST_PIECES)
    return undefined;
  const ends: number[] = [];
  for (let end = letters.length; end > 0; end = from[end] as number) ends.unshift(end);
  return ends;
}

const CASE_RUN = /\p{Lu}+(?!\p{Ll})|\p{Lu}?\p{Ll}+|\p{N}+|[\p{L}\p{M}]+/gu;

/**
 * The words of a hashtag body text[start, end) as [start, end) offsets: camel case first ("FailWhale",
 * "NYCTrip"), then runs of lower-case letters split into known words. A piece that cannot be split stays
 * whole, so an unknown hashtag is still one word.
 */
export function hashtagWords(text: string, start: number, end: number): Array<[number, number]> {
  const words: Array<[number, number]> = [];
  const body = text.slice(start, end);
  for (const run of body.matchAll(CASE_RUN)) {
    const runStart = start + run.index;
    const lower = run[0].toLowerCase();
    const ends = /^[a-z]+$/.test(lower) ? splitLetters(lower) : undefined;
    if (!ends) {
      words.push([runStart, runStart + run[0].length]);
      continue;
    }
    let from = runStart;
    for (const pieceEnd of ends) {
      words.push([from, runStart + pieceEnd]);
      from = runStart + pieceEnd;
    }
  }
  return words;
}

const STRETCHED = /([a-z])\1{2,}/g;

/**
 * The word a stretched spelling stands for ("sooo" -> "so", "gooood" -> "good", "pleeease" ->
 * "please"): each run of three or more of a letter is cut to two, or to one where that makes a known
 * word and two does not. A word with no such run is returned as it is.
 */
export function unstretch(word: string): string {
  if (!STRETCHED.test(word)) return word;
  const two = word.replace(STRETCHED, '$1$1');
  if (isKnownWord(two)) return two;
  const one = word.replace(STRETCHED, '$1');
  return isKnownWord(one) ? one : two;
}
