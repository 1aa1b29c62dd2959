import { isAsciiDigitCode } from '../text/character-codes.js';
import { BACKSLASH, mayHoldMark, TAB, UNKNOWN_MARKS } from '../text/text-marks.js';

/**
 * The normalised view of a text that PII detection reads: the same identifiers written in the many
 * ways people and producers write them become one shape, and every character of the view remembers
 * which characters of the original it came from, so the redactor can replace the *original* ones.
 *
 * What the view unifies: NFKC (full-width digits and `＠`, NBSP, thin and ideographic spaces); digits
 * of other scripts (Arabic-Indic, Devanagari...) as ASCII; every dash variant as `-`; zero-width and
 * bidi control characters removed; runs of spaces as one; no spaces around `@` or inside `( 0 )`; `/`
 * between digits as `-`; spaced-out single digits (`0 7 7 0 0 ...`) joined; JSON `\uXXXX`, `\n` and
 * the other two-character escapes decoded (a rejected body is raw JSON), and so are URL percent escapes of printable ASCII (`%40`, a
 * link's query string); a line break between digits reads as a space and one next to `@` is dropped.
 */

/** A normalised text; character i of `text` came from `original.slice(starts[i], ends[i])`. */
export interface PiiView {
  text: string;
  starts: number[];
  ends: number[];
}

// Soft hyphen, Arabic letter mark, Mongolian vowel separator, zero-width and bidi controls, BOM.
const INVISIBLE = /^[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]$/;
const DASH = /^[\u2010-\u2015\u2043\u2212\u02D7\uFE58\uFE63\uFF0D\u2E3A\u2E3B]$/;
const SPACE = /^[\s\u180E]$/;

// The zero of each decimal-digit block NFKC leaves alone (its digits are zero..zero+9).
const DIGIT_ZEROS = [
  0x0660, 0x06f0, 0x07c0, 0x0966, 0x09e6, 0x0a66, 0x0ae6, 0x0b66, 0x0be6, 0x0c66, 0x0ce6, 0x0d66, 0x0de6,
  0x0e50, 0x0ed0, 0x0f20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50, 0x1bb0,
  0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0,
];

function asciiDigit(code: number): string | undefined {
  for (const zero of DIGIT_ZEROS) if (code >= zero && code <= zero + 9) return String(code - zero);
  return undefined;
}

// Non-ASCII characters already read: a comment in another script repeats the same few dozen.
const readAs = new Map<string, string>();
const MAX_REMEMBERED = 20_000;

/** What one original character reads as in the view: '' to drop it. */
function normaliseChar(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x80) return char === '\t' || char === '\r' || char === '\f' || char === '\v' ? ' ' : char;
  let known = readAs.get(char);
  if (known === undefined) {
    known = normaliseNonAscii(char, code);
    if (readAs.size < MAX_REMEMBERED) readAs.set(char, known);
  }
  return known;
}

function normaliseNonAscii(char: string, code: number): string {
  if (INVISIBLE.test(char)) return '';
  if (DASH.test(char)) return '-';
  if (SPACE.test(char)) return char === '\u2028' || char === '\u2029' ? '\n' : ' ';
  const digit = asciiDigit(code);
  if (digit !== undefined) return digit;
  const compatible = char.normalize('NFKC');
  if (compatible === char) return char;
  // NFKC can turn a character into a dash or a space variant ("\uFE31"): unify those too.
  return [...compatible].map((c) => ((c.codePointAt(0) ?? 0) < 0x80 ? c : normaliseChar(c))).join('');
}

const HEX4 = /^[0-9A-Fa-f]{4}$/;
// JSON's two-character escapes as the view reads them (`\t` and `\r` as spaces, like their characters).
const JSON_ESCAPES: Record<string, string> = { n: '\n', r: ' ', t: ' ', '/': '/', '\\': '\\', '"': '"' };

/**
 * An ASCII code that the view keeps as it is: printable or a newline, but not the backslash or the
 * percent sign (they may start an escape).
 */
function keptAsIs(code: number): boolean {
  return (code >= 0x20 && code < 0x7f && code !== 0x5c && code !== 0x25) || code === 0x0a;
}

const HEX2 = /^[2-7][0-9A-Fa-f]$/;

/** A URL's percent escape of a printable ASCII character (`%40` is `@`, `%2B` is `+`), or undefined. */
function percentDecoded(original: string, i: number): string | undefined {
  if (original[i] !== '%' || !HEX2.test(original.slice(i + 1, i + 3))) return undefined;
  const code = Number.parseInt(original.slice(i + 1, i + 3), 16);
  return code < 0x7f ? String.fromCharCode(code) : undefined;
}

/**
 * Pass 1: character by character (escapes decoded), with each output character's origin when `origins`
 * (else `starts` and `ends` stay empty).
 */
function mapCharacters(original: string, origins: boolean): PiiView {
  // Runs of characters the view keeps as they are (nearly all of a comment) are copied as one slice.
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < original.length; ) {
    if (keptAsIs(original.charCodeAt(i))) {
      const from = i;
      for (; i < original.length && keptAsIs(original.charCodeAt(i)); i++) {
        if (!origins) continue;
        starts.push(i);
        ends.push(i + 1);
      }
      text += original.slice(from, i);
      continue;
    }
    let char: string;
    let length: number;
    const decoded = percentDecoded(original, i);
    if (decoded !== undefined) {
      char = decoded;
      length = 3;
    } else if (original[i] === '\\' && original[i + 1] === 'u' && HEX4.test(original.slice(i + 2, i + 6))) {
      char = String.fromCharCode(Number.parseInt(original.slice(i + 2, i + 6), 16));
      length = 6;
    } else if (original[i] === '\\' && JSON_ESCAPES[original[i + 1] as string] !== undefined) {
      // `\n` in a raw body is the line break between "Kind regards," and a name; `\\` is one backslash.
      char = JSON_ESCAPES[original[i + 1] as string] as string;
      length = 2;
    } else {
      const code = original.codePointAt(i) ?? 0;
      length = code > 0xffff ? 2 : 1;
      char = original.slice(i, i + length);
    }
    for (const unit of normaliseChar(char)) {
      for (let k = 0; k < unit.length; k++) {
        text += unit[k] as string;
        if (!origins) continue;
        starts.push(i);
        ends.push(i + length);
      }
    }
    i += length;
  }
  return { text, starts, ends };
}

/**
 * A view made from another by dropping or replacing some of its characters: the runs of characters kept
 * as they are (nearly all of a text) are copied as one slice, with their origins (a view without them,
 * from `piiViewText`, gets none).
 */
class RebuiltView {
  private text = '';
  private runFrom = 0;
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  constructor(private readonly view: PiiView) {}

  /** Leaves out the character at `i`. */
  drop(i: number): void {
    this.copyRun(i);
    this.runFrom = i + 1;
  }

  /** Writes `char` for the character at `i`, which keeps its origin. */
  replace(i: number, char: string): void {
    this.copyRun(i);
    this.text += char;
    this.keepOrigins(i, i + 1);
    this.runFrom = i + 1;
  }

  build(): PiiView {
    this.copyRun(this.view.text.length);
    return { text: this.text, starts: this.starts, ends: this.ends };
  }

  /** Copies the characters from the run's start up to `end`, and their origins. */
  private copyRun(end: number): void {
    this.text += this.view.text.slice(this.runFrom, end);
    this.keepOrigins(this.runFrom, end);
    this.runFrom = end;
  }

  private keepOrigins(from: number, end: number): void {
    const { starts, ends } = this.view;
    if (starts.length === 0) return;
    for (let k = from; k < end; k++) {
      this.starts.push(starts[k] as number);
      this.ends.push(ends[k] as number);
    }
  }
}

/** Keeps the characters `keep` allows. */
function rebuild(view: PiiView, keep: (i: number) => boolean): PiiView {
  const rebuilt = new RebuiltView(view);
  for (let i = 0; i < view.text.length; i++) if (!keep(i)) rebuilt.drop(i);
  return rebuilt.build();
}

/**
 * Pass 2: one space in a run, none around `@` or inside parentheses, `/` between digits as `-`, and a
 * line break inside an identifier closed up: a break between two digits reads as a space (a number
 * wrapped across lines, "07700\n900123"), one next to `@` is dropped ("jane.doe@\nexample.com").
 */
function unifySpacing(view: PiiView): PiiView {
  // One pass over the codes rather than `rebuild` with a test per character: the characters this step
  // changes are spaces, line breaks and `/`, and every other one is only carried over. The previous
  // character kept and the last one that is no space are held as codes (-1: none yet).
  const text = view.text;
  const rebuilt = new RebuiltView(view);
  let previousKept = -1;
  let lastNonSpace = -1;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code === LINE_BREAK) {
      const next = nextNonSpaceCode(text, i);
      if (previousKept === AT_SIGN || next === AT_SIGN) {
        rebuilt.drop(i);
        continue;
      }
      // A line break between digits reads as a space, and is then kept or dropped as one.
      if (isAsciiDigitCode(lastNonSpace) && isAsciiDigitCode(next)) code = SPACE_CODE;
    }
    if (code === SPACE_CODE && spaceDropped(text, i, previousKept)) {
      rebuilt.drop(i);
      continue;
    }
    if (code === SPACE_CODE && text.charCodeAt(i) === LINE_BREAK) rebuilt.replace(i, ' ');
    else if (
      code === SLASH &&
      isAsciiDigitCode(text.charCodeAt(i - 1)) &&
      isAsciiDigitCode(text.charCodeAt(i + 1))
    )
      rebuilt.replace(i, '-');
    previousKept = code;
    if (code !== SPACE_CODE) lastNonSpace = code;
  }
  return rebuilt.build();
}

const LINE_BREAK = 0x0a;
const SPACE_CODE = 0x20;
const AT_SIGN = 0x40;
const SLASH = 0x2f;
const OPENING_BRACKET = 0x28;
const CLOSING_BRACKET = 0x29;

/** The code of the first character after `i` that is no space or line break; NaN at the text's end. */
function nextNonSpaceCode(text: string, i: number): number {
  let j = i + 1;
  while (text.charCodeAt(j) === SPACE_CODE || text.charCodeAt(j) === LINE_BREAK) j++;
  return text.charCodeAt(j);
}

/** A space at `i` is dropped after a space, `@` or `(`, and before `@` or `)` (past further spaces). */
function spaceDropped(text: string, i: number, previousKept: number): boolean {
  if (previousKept === SPACE_CODE || previousKept === AT_SIGN || previousKept === OPENING_BRACKET)
    return true;
  const next = nextNonSpaceCode(text, i);
  return next === AT_SIGN || next === CLOSING_BRACKET;
}

// Five or more single digits, each alone between separators: "0 7 7 0 0 9 0 0 1 2 3".
const SPACED_DIGITS = /(?<![\p{L}\p{N}])\d(?:[ -]\d(?!\p{N})){4,}/gu;

/** Pass 3: spaced-out single digits joined, so they read as the number they spell. */
function joinSpacedDigits(view: PiiView): PiiView {
  const drop = new Set<number>();
  for (const match of view.text.matchAll(SPACED_DIGITS)) {
    for (let i = match.index + 1; i < match.index + match[0].length; i += 2) drop.add(i);
  }
  return drop.size === 0 ? view : rebuild(view, (i) => !drop.has(i));
}

/** The normalised view of `original` (see the module comment). */
export function piiView(original: string): PiiView {
  return joinSpacedDigits(unifySpacing(mapCharacters(original, true)));
}

/**
 * `piiView(original).text`, in about half the time: detection reads only the text, and the origins
 * (two numbers a character) are only needed for the rare view that holds something to redact.
 */
export function piiViewText(original: string): string {
  return joinSpacedDigits(unifySpacing(mapCharacters(original, false))).text;
}

// ASCII that pass 1 leaves as it is: printable without the backslash, and newlines.
const PLAIN_ASCII = /^[\n\x20-\x5b\x5d-\x7e]*$/;

// ASCII that any pass might change, read loosely (a false alarm only costs building the view): tabs and
// the like, backslashes and percent escapes (pass 1; other control characters read as themselves);
// spaces and line breaks next to each other, to `@`, `(` or `)`, line breaks between digits (any number
// of them: "07700\n\n900123" is one phone number), `/` between digits (pass 2); spaced digits (pass 3).
const ASCII_CHANGES =
  /[\t\r\f\v\\]|%[2-7][0-9A-Fa-f]| {2}|[@(] |@\n| [ \n]*[@)]|\n[ \n]*@|\d[ \n]*\n[ \n]*\d|\d\/\d|\d[ -]\d[ -]\d[ -]\d[ -]\d/;

/**
 * Whether the view of a plain-ASCII text (see `isPlainAscii`) may differ from it. Most comments are
 * plain ASCII with ordinary spacing, and their view is the text itself: detection then needs no offset
 * map. One loose pattern serves this and `viewIsText`: a stricter twin once missed a number split by a
 * blank line, which then went unredacted.
 */
export function asciiViewMayDiffer(text: string): boolean {
  return ASCII_CHANGES.test(text);
}

// ASCII and the few other characters survey text is made of that NFKC leaves alone and that compose with
// nothing (curly quotes, dashes, bullet, pound, euro, degree, U+FFFD).
// biome-ignore lint/suspicious/noControlCharactersInRegex: every ASCII code, control codes too, is NFKC-stable
const NFKC_STABLE = /^[\x00-\x7f\u2018\u2019\u201c\u201d\u2013\u2014\u2022\u00a3\u20ac\u00b0\ufffd]*$/;

/**
 * Whether NFKC leaves `text` as it is, told by its characters alone (see `NFKC_STABLE`); false may be
 * a false alarm. Most text that is not plain ASCII (a damaged export, "don\uFFFDt"; a price in pounds)
 * is, and normalising it costs more than this test.
 */
export function isNfkcStable(text: string): boolean {
  return NFKC_STABLE.test(text);
}

/** Whether `text` is plain ASCII, where the view holds exactly the ASCII digits and `@` of the text. */
export function isPlainAscii(text: string): boolean {
  return PLAIN_ASCII.test(text);
}

/**
 * `isPlainAscii` for a text known to be printable ASCII, tabs and newlines (see `isPrintableAscii`): only
 * a tab or a backslash can make it otherwise, and looking for two characters costs less than the pattern.
 */
export function isPlainPrintable(text: string, marks = UNKNOWN_MARKS): boolean {
  return (
    !(mayHoldMark(marks, TAB) && text.includes('\t')) &&
    !(mayHoldMark(marks, BACKSLASH) && text.includes('\\'))
  );
}

/**
 * Whether the view of `text` is `text` itself, character for character: its ASCII needs no change and
 * every other character reads as itself. Most text that is not plain ASCII only holds typographic
 * quotes, accents or emoji, which the view keeps; building the view (an offset per character) for it
 * was most of the time its PII detection took. False may be a false alarm, true never is.
 */
export function viewIsText(text: string): boolean {
  if (ASCII_CHANGES.test(text)) return false;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) < 0x80) continue;
    // Read as pass 1 reads it: a surrogate pair as one character.
    const length = (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
    const char = text.slice(i, i + length);
    if (normaliseChar(char) !== char) return false;
    i += length - 1;
  }
  return true;
}
