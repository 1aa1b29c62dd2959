import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { CONTRAST_WORDS } from '../lexicon/clause-words.js';
import { negators } from '../lexicon/cx-sentiment-lexicon.js';
import { unstretch } from './social-parts.js';
import { readStemTable } from './stem-table.js';
import vocabularyStemsJson from './vocabulary-stems.json' with { type: 'json' };

/** A distinct lower-cased word: what is known of it whatever comment it stands in. */
export interface Lexeme {
  /**
   * Dense number (0, 1, 2, ...) that keys per-taxonomy and per-model tables as array indexes;
   * -1 for a word met after the table filled up, which each step then works out afresh.
   */
  readonly id: number;
  /** The word as the rules read it: lower-cased, a stretched spelling undone ("sooo" -> "so"). */
  readonly word: string;
  /** The word as written, lower-cased: what the table of distinct words is keyed by. */
  readonly surface: string;
  /** Written stretched ("gooood", "sooo"): the customer stresses it. */
  readonly stretched: boolean;
  /** An emoji or emoticon: a sentiment cue that no negator turns ("not again :(" stays sad). */
  readonly symbol: boolean;
  readonly stem: string;
  /**
   * A number per distinct stem (see `stemIdOf`), so that steps compare stems as numbers; -1 for a word
   * met after the table filled up, whose stem is then compared as text.
   */
  readonly stemId: number;
  /** The word negates ("not", "never", "didn't"). */
  readonly negator: boolean;
  /** A contrast word ("but", "however") that starts a new clause. */
  readonly contrast: boolean;
  /** How many ASCII digits the word holds: every digit of a text stands in one of its words. */
  readonly digits: number;
}

/**
 * A word of a comment by its lexeme (a token): the id rides beside the lexeme so that the per-word
 * tables are read without loading the lexeme itself (see `LexemeNumbers.of`).
 */
export interface LexemeUse {
  /** The lexeme's id, as the tokenizer found it in the table of words. */
  readonly lexemeId: number;
  readonly lexeme: Lexeme;
}

// What the tokenizer asks of every word, as bits per lexeme id (see `wordFlagsOf`).
export const SYMBOL_WORD = 1;
export const NEGATOR_WORD = 2;
export const CONTRAST_WORD = 4;

// Survey comments reuse a small vocabulary: each word is stemmed and classified once, and every token
// of it shares one Lexeme. Bounded so that a stream of unique junk cannot grow memory without end.
const MAX_LEXEMES = 50_000;
const lexemes: Lexeme[] = [];
const byWord = new Map<string, Lexeme>();

// Plain-ASCII words are found without cutting them out of the text: an open-addressing table keyed by
// the word's codes as the tokenizer reads them (lower case, ’ as '), a byte each: `last` holds the last
// four, `before` the four before those (see `lastWith` and `beforeWith`), with the word's length. A word
// of up to KEY_CODES characters is its own key, so a hit needs no second look at its characters (it was
// an FNV hash, checked against the word's stored codes on every hit); only a longer word is checked.
// This is the tokenizer's hot path. Slot k holds last, before, length and lexeme id + 1 (0: empty) at
// SLOT * k on; the table doubles at half full.
const SLOT = 4;
const KEY_CODES = 8;
let slotCount = 1 << 12;
let slots = new Int32Array(SLOT * slotCount);

/** A word's `last` once one more code (ASCII, a byte) is read: the code goes in at the low end. */
export function lastWith(last: number, code: number): number {
  return (last << 8) | code;
}

/** A word's `before` once one more code is read: it takes the byte that `last` shifts out. */
export function beforeWith(last: number, before: number): number {
  return (before << 8) | (last >>> 24);
}

function firstSlot(last: number, before: number, length: number): number {
  // Mixed so that words differing in any code spread over the table (a murmur-style finish).
  const mixed = Math.imul(last ^ Math.imul(before ^ length, 0x9e3779b1), 0x85ebca6b);
  return (mixed ^ (mixed >>> 15)) & (slotCount - 1);
}

/**
 * Files a remembered word under its key. Only a word of ASCII codes can be read by the tokenizer's
 * ASCII path, and only such a word's codes fit a byte each, so no other word is filed.
 */
function place(surface: string, id: number) {
  let last = 0;
  let before = 0;
  for (let i = 0; i < surface.length; i++) {
    const code = surface.charCodeAt(i);
    if (code >= 0x80) return;
    before = beforeWith(last, before);
    last = lastWith(last, code);
  }
  let slot = firstSlot(last, before, surface.length);
  while (slots[SLOT * slot + 3] !== 0) slot = (slot + 1) & (slotCount - 1);
  slots.set([last, before, surface.length, id + 1], SLOT * slot);
}

// Every remembered word's surface, its UTF-16 codes one after another (`surfaceStarts[id]` on,
// `surfaceLengths[id]` long): the tokenizer checks a hash hit against these few contiguous codes instead
// of loading the lexeme and its string, two objects spread over the heap, for every word it reads.
let surfaceCodes = new Uint16Array(1 << 15);
let surfaceCodesUsed = 0;
const surfaceStarts = new Int32Array(MAX_LEXEMES);
const surfaceLengths = new Int32Array(MAX_LEXEMES);
// Per lexeme id, its `wordFlagsOf` bits: a byte per word, next to its neighbours', where the lexeme
// object, loaded for them, was the tokenizer's costliest read (the objects are spread over the heap).
const flagsById = new Uint8Array(MAX_LEXEMES);

function keepSurface(id: number, surface: string) {
  while (surfaceCodesUsed + surface.length > surfaceCodes.length) {
    const grown = new Uint16Array(2 * surfaceCodes.length);
    grown.set(surfaceCodes);
    surfaceCodes = grown;
  }
  surfaceStarts[id] = surfaceCodesUsed;
  surfaceLengths[id] = surface.length;
  for (let i = 0; i < surface.length; i++) surfaceCodes[surfaceCodesUsed++] = surface.charCodeAt(i);
}

function grow() {
  slotCount *= 2;
  slots = new Int32Array(SLOT * slotCount);
  for (const lexeme of lexemes) place(lexeme.surface, lexeme.id);
}

// FNV-1a, for steps that hash text of their own (the sentiment model's features).
export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;

function isNegator(word: string): boolean {
  return negators.has(word) || word.endsWith("n't");
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

// Stems by number, for every remembered word and every stem a step asks about: bounded by the table
// of words and by the vocabularies of the taxonomies and lexicons compiled.
const stemIds = new Map<string, number>();

/** The number of a stem: the same number for the same stem, wherever it was met first. */
export function stemIdOf(stem: string): number {
  let id = stemIds.get(stem);
  if (id === undefined) {
    id = stemIds.size;
    stemIds.set(stem, id);
  }
  return id;
}

// Natural's Porter stems of the words the analysis's own lexicons hold, worked out ahead (`npm run
// build:tables`): stemming them while the module loads cost ~15 ms of every cold start. The built-in
// taxonomy is read with its stems (see `themes/compiled-taxonomy.ts`). Any other word is stemmed when it
// is first met.
const vocabularyStems = readStemTable(vocabularyStemsJson);

const PLAIN_WORD = /^[a-z]+$/;

// An amount with its currency sign ("£180", see the tokenizer's `WORD`).
const AMOUNT = /^[$£€]\d/;

/** A word's stem: an amount's is its currency sign, so that every price is one feature to the model. */
function stemOf(word: string): string {
  if (AMOUNT.test(word)) return word.charAt(0);
  if (!PLAIN_WORD.test(word)) return word;
  return vocabularyStems.get(word) ?? PorterStemmer.stem(word);
}

/** Every plain (a-z) word remembered so far, as the rules read it: what `build:tables` lists. */
export function plainWordsRemembered(): string[] {
  return lexemes.flatMap((lexeme) => (PLAIN_WORD.test(lexeme.word) ? [lexeme.word] : []));
}

function remember(surface: string): Lexeme {
  const full = lexemes.length >= MAX_LEXEMES;
  const word = unstretch(surface);
  const stem = stemOf(word);
  const lexeme: Lexeme = {
    id: full ? -1 : lexemes.length,
    word,
    surface,
    stretched: word !== surface,
    symbol: !LETTER_OR_DIGIT.test(surface),
    stem,
    stemId: full ? -1 : stemIdOf(stem),
    negator: isNegator(word),
    contrast: CONTRAST_WORDS.has(word),
    digits: surface.replace(/[^0-9]/g, '').length,
  };
  if (full) return lexeme;
  lexemes.push(lexeme);
  flagsById[lexeme.id] = flagsOf(lexeme);
  keepSurface(lexeme.id, surface);
  byWord.set(surface, lexeme);
  if (2 * lexemes.length > slotCount) grow();
  else place(surface, lexeme.id);
  return lexeme;
}

function flagsOf(lexeme: Lexeme): number {
  return (
    (lexeme.symbol ? SYMBOL_WORD : 0) |
    (lexeme.negator ? NEGATOR_WORD : 0) |
    (lexeme.contrast ? CONTRAST_WORD : 0)
  );
}

/** What the tokenizer asks of a word (`SYMBOL_WORD`, `NEGATOR_WORD`, `CONTRAST_WORD`), by its id. */
export function wordFlagsOf(id: number, lexeme: Lexeme): number {
  return id >= 0 ? (flagsById[id] as number) : flagsOf(lexeme);
}

/** The lexeme numbered `id`, an id `asciiLexemeIdAt` gave. */
export function lexemeNumbered(id: number): Lexeme {
  return lexemes[id] as Lexeme;
}

/** The lexeme of a lower-cased word as written. */
export function lexemeOf(surface: string): Lexeme {
  return byWord.get(surface) ?? remember(surface);
}

const RIGHT_SINGLE_QUOTE = 0x2019;
const APOSTROPHE = 0x27;
// Setting this bit lower-cases an ASCII letter and leaves a digit and `'` as they are.
const LOWER_CASE_BIT = 0x20;

/**
 * A code of an ASCII word as it stands in the table: lower case, typographic apostrophe folded to `'`.
 * Such a word holds letters, digits and apostrophes only, so no other code needs telling apart.
 */
function lowerCode(code: number): number {
  return code === RIGHT_SINGLE_QUOTE ? APOSTROPHE : code | LOWER_CASE_BIT;
}

/** Whether text[start, end), an ASCII word, lower-cased, spells the surface of the lexeme numbered `id`. */
function spells(id: number, text: string, start: number, end: number): boolean {
  if (surfaceLengths[id] !== end - start) return false;
  // Read once: in the bundle a module's constants are variables, loaded and checked at every use.
  const stored = surfaceCodes;
  let at = surfaceStarts[id] as number;
  for (let i = start; i < end; i++, at++) if (lowerCode(text.charCodeAt(i)) !== stored[at]) return false;
  return true;
}

/**
 * The id of the lexeme of the ASCII word text[start, end) (it may hold a typographic apostrophe), whose
 * codes, as `lowerCode` gives them, the tokenizer packed into `last` and `before` as it read them
 * (`lastWith`, `beforeWith`); -1 for a word not met before (see `newAsciiLexeme`).
 */
export function asciiLexemeIdAt(
  text: string,
  start: number,
  end: number,
  last: number,
  before: number,
): number {
  const length = end - start;
  const mask = slotCount - 1;
  // Read once: in the bundle a module's constants are variables, loaded and checked at every use.
  const table = slots;
  for (let slot = firstSlot(last, before, length); ; slot = (slot + 1) & mask) {
    const at = SLOT * slot;
    if (table[at + 3] === 0) return -1;
    if (table[at] === last && table[at + 1] === before && table[at + 2] === length) {
      const id = (table[at + 3] as number) - 1;
      if (length <= KEY_CODES || spells(id, text, start, end)) return id;
    }
  }
}

/** The lexeme of the ASCII word text[start, end), which `asciiLexemeIdAt` did not find: remembered now. */
export function newAsciiLexeme(text: string, start: number, end: number): Lexeme {
  return remember(text.slice(start, end).toLowerCase().replaceAll('\u2019', "'"));
}

/**
 * What a step works out per distinct word (its function words, trigger groups, candidate cues), kept
 * by lexeme id: an array read per token instead of hashing the word again in every step.
 */
export class LexemeCache<T> {
  private readonly values: Array<T | undefined> = [];

  constructor(private readonly compute: (lexeme: Lexeme) => T) {}

  /** `get` for a token's lexeme, read by the id the token carries. */
  of(token: LexemeUse): T {
    const cached = this.values[token.lexemeId];
    return cached !== undefined ? cached : this.get(token.lexeme);
  }

  get(lexeme: Lexeme): T {
    const cached = this.values[lexeme.id];
    if (cached !== undefined) return cached;
    const value = this.compute(lexeme);
    if (lexeme.id >= 0) {
      // Filled in id order so the array stays dense (no holes) whatever order words come in.
      while (this.values.length < lexeme.id) this.values.push(undefined);
      this.values[lexeme.id] = value;
    }
    return value;
  }
}

// A value no step stores in practice; should one compute it, it is simply worked out again each time.
const NOT_YET = -0x80000000;

/**
 * A whole number (int32) per distinct word, kept by lexeme id in one typed array: what a step reads on
 * every word of every comment (a hash, a letter count, flags saying "nothing here for me") without
 * loading an object per word. The objects of a large vocabulary are spread over the heap, and loading
 * one per word per step was a good part of the analysis's time; the array stays in the processor's cache.
 */
export class LexemeNumbers {
  // Room for every id the table of words gives out, so that a read needs no check against the array's
  // length (the analysis reads ~190 numbers a comment). Each number is kept XOR NOT_YET: the new
  // array's zeros then say "not yet", with no fill, and its pages are only taken once written.
  private readonly values = new Int32Array(MAX_LEXEMES);

  constructor(private readonly compute: (lexeme: Lexeme) => number) {}

  /** `get` for a token's lexeme, read by the id the token carries: the lexeme is loaded only if new. */
  of(token: LexemeUse): number {
    const id = token.lexemeId;
    if (id >= 0) {
      const kept = this.values[id] as number;
      if (kept !== 0) return kept ^ -0x80000000;
    }
    return this.get(token.lexeme);
  }

  get(lexeme: Lexeme): number {
    const id = lexeme.id;
    if (id >= 0) {
      const kept = this.values[id] as number;
      // NOT_YET written out: a module constant is a variable in the bundle, loaded and checked per use.
      if (kept !== 0) return kept ^ -0x80000000;
    }
    const value = this.compute(lexeme) | 0;
    if (id >= 0) this.values[id] = value ^ NOT_YET;
    return value;
  }
}
