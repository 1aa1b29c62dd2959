import { isAsciiDigitCode } from '../text/character-codes.js';
import { AT_SIGN, mayHoldMark, UNKNOWN_MARKS } from '../text/text-marks.js';
import { acceptsBareGivenName, BARE_GIVEN_NAME, holdsBareGivenName } from './bare-given-names.js';
import {
  acceptsIntroducedName,
  acceptsTitledName,
  GIVEN_NAME,
  GIVEN_NAME_CUE,
  INTRODUCED_NAME,
  INTRODUCED_NAME_CUE,
  SIGNED_OFF_NAME,
  SIGNED_OFF_NAME_CUE,
  TITLED_NAME,
  TITLED_NAME_CUE,
} from './given-names.js';
import {
  ACCOUNT_HANDLE,
  ACCOUNT_HANDLE_CUE,
  BIRTH_DATE,
  BIRTH_DATE_CUE,
  CARD_SECURITY_CODE,
  CARD_SECURITY_CODE_CUE,
  LABELLED_IDENTIFIER,
  LABELLED_IDENTIFIER_CUE,
  LABELLED_PHONE,
  LABELLED_PHONE_CUE,
  SECRET,
  SECRET_CUE,
  STATE_ZIP_CODE,
  STATE_ZIP_CODE_CUE,
  VEHICLE_REGISTRATION,
  VEHICLE_REGISTRATION_CUE,
  ZIP_CODE,
  ZIP_CODE_CUE,
} from './labelled-identifiers.js';
import {
  asciiViewMayDiffer,
  isNfkcStable,
  isPlainAscii,
  isPlainPrintable,
  piiView,
  piiViewText,
  viewIsText,
} from './pii-view.js';
import { MIN_SPOKEN_DIGITS, SPOKEN_NUMBER, SPOKEN_NUMBER_CUE, spokenDigits } from './spoken-numbers.js';
import {
  acceptsSpelledEmail,
  SPELLED_EMAIL,
  SPELLED_EMAIL_CUE,
  STREET_ADDRESS,
  STREET_ADDRESS_CUE,
} from './word-identifiers.js';

/**
 * Strips personal identifiers from comment text before it is stored or exported. Each kind of identifier
 * is a pattern that finds candidates of the right *shape* plus a check that decides whether a candidate
 * really *is* one (Luhn for cards, mod-97 for IBANs, digit counts and layouts for phones), so that order
 * numbers, dates, prices and version numbers survive: a redactor that eats every long number makes the
 * stored comments useless for the people who have to act on them.
 *
 * Every pattern is compiled once and bounded (no unbounded repeats of ambiguous groups), so a hostile or
 * broken comment costs linear time, never catastrophic backtracking.
 */

/** A kind of identifier: where to look, what it becomes and how to tell a real one from a look-alike. */
interface Detector {
  placeholder: string;
  /** Global; finds candidates of the right shape. Its `lastIndex` is driven by `eachIdentifier`. */
  pattern: RegExp;
  /** Whether a candidate, or a run of its leading groups, really is this kind of identifier. */
  accepts: (candidate: string) => boolean;
  /** Digits the identifier holds at the least: a text with fewer is not searched. */
  minDigits: number;
  /**
   * A condition every match of `pattern` meets, cheaper to test than the pattern: a text that fails it
   * is not searched.
   */
  mayMatch?: (text: string) => boolean;
  /** A text this does not match is not searched (identifiers in words: see word-identifiers.ts, given-names.ts). */
  cue?: RegExp;
  /** The word clue (see `PiiClues`) without which `cue` cannot match. */
  cueWords?: keyof WordClues;
  /**
   * The identifier is the pattern's first group that took part (flag `d`); the rest of the match is
   * its label.
   */
  labelled?: true;
}

/**
 * True when a string of digits passes the Luhn (mod-10) check that every payment card number carries.
 * A random number passes one time in ten, so the check alone proves little; it is what separates a card
 * from a 16-digit order number once the shape already looks like a card.
 */
export function passesLuhnCheck(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/**
 * True when the text (spaces allowed, any case) is an IBAN with a correct ISO 13616 mod-97 check: the
 * first four characters move to the end, letters become 10..35, and the whole number leaves 1 mod 97.
 * The number is folded a digit at a time because 34 characters overflow a double.
 */
export function isValidIban(text: string): boolean {
  const iban = text.replaceAll(' ', '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  let remainder = 0;
  for (const char of iban.slice(4) + iban.slice(0, 4)) {
    const value = Number.parseInt(char, 36);
    remainder = (value < 10 ? remainder * 10 + value : remainder * 100 + value) % 97;
  }
  return remainder === 1;
}

// Local part: Latin letters only, so e-mails run into Japanese or Chinese text are not swallowed whole.
// Domain labels may be any script (IDN); the top-level domain is ASCII, and the bounds keep the work
// per starting position constant.
const EMAIL =
  /[\p{sc=Latin}0-9][\p{sc=Latin}0-9._%+'-]{0,63}@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.){1,8}[A-Za-z]{2,24}(?![A-Za-z0-9-])/gu;

// ASCII characters `EMAIL` allows last in a local part (its only ASCII letters are A-Z and a-z) and in a
// domain label; any other character is taken as a possible letter, which only loosens `mayHoldEmail`.
const isLocalPartChar = (code: number) => code >= 0x80 || /[A-Za-z0-9._%+'-]/.test(String.fromCharCode(code));
const isLabelChar = (code: number) => code >= 0x80 || /[A-Za-z0-9-]/.test(String.fromCharCode(code));

/**
 * Whether some `@` in a text stands where `EMAIL` needs it: after a local part's character and before a
 * domain label that ends in a dot. A mention ("thanks @united for...") has neither, and the pattern,
 * which tries every letter as the start of a local part, costs about 12 us over a tweet.
 */
function mayHoldEmail(text: string): boolean {
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    if (at === 0 || !isLocalPartChar(text.charCodeAt(at - 1))) continue;
    let end = at + 1;
    while (end < text.length && isLabelChar(text.charCodeAt(end))) end++;
    if (end > at + 1 && text.charCodeAt(end) === 46) return true;
  }
  return false;
}

// Country code, check digits, then up to 30 letters and digits, written solid or in groups of four
// (spaces, or dashes as some banking apps copy them).
const IBAN_START = /[A-Z]{2}\d{2}/;
// Any case: people type an IBAN as they read it ("gb82 west 1234..."); the mod-97 check keeps words out.
const IBAN =
  /(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?:[ -]?[A-Za-z0-9]{4}){2,7}(?:[ -]?[A-Za-z0-9]{1,3})?(?![A-Za-z0-9])/g;

// Solid 13-19 digits, Amex/Diners 4-6-5 / 4-6-4, or groups of four with a short last group. Card numbers
// start with 2-6 (Mastercard, Amex, Diners, Visa, Discover, Maestro, UnionPay); a leading + is a phone.
// Separators may be spaces, dashes or dots, mixed ("4012.8888 8888-1881"): Luhn decides.
const CARD =
  /(?<![\d+])(?=[2-6])(?:\d{13,19}|\d{4}[ .-]\d{6}[ .-]\d{4,5}|\d{4}[ .-]\d{4}[ .-]\d{4}(?:[ .-]\d{4})?(?:[ .-]\d{1,3})?)(?!\d)/g;

// Dashed or spaced 3-2-4 only: nine solid digits are far more often a reference number than an SSN.
const SSN = /(?<![\d-])\d{3}([- ])\d{2}\1\d{4}(?![- ]?\d)/g;
const SSN_SHAPE = /^(?!000|666|9)\d{3}([- ])(?!00)\d{2}\1(?!0000)\d{4}$/;

// A full UK postcode, outward and inward code apart as it is written ("SW1A 1AA", "M1 1AE"): the
// letters Royal Mail never uses in each place keep "M25 3PM" and "A4 2AM" out. Upper case only, and
// only with the space: solid "SW1A1AA" is indistinguishable from a product or reference code.
const POSTCODE =
  /(?<![A-Za-z0-9])(?:[A-PR-UWYZ][A-HK-Y]?\d[A-HJKPS-UW\d]?|GIR) \d[ABD-HJLNP-UW-Z]{2}(?![A-Za-z0-9])/g;
const HAS_POSTCODE = new RegExp(POSTCODE.source);

// Two letters, six digits (solid or in pairs), suffix A-D. Spaced forms must be upper case: "no 123456 a"
// is prose; a solid token like "qq123456c" is an identifier in any case.
const NINO =
  /(?<![\p{L}\p{N}])(?:[A-Z]{2} ?(?:\d{6}|\d{2} \d{2} \d{2}) ?[A-D]|[A-Za-z]{2}\d{6}[A-Da-d])(?![\p{L}\p{N}])/gu;
// How every NINO starts: without the Unicode look-arounds it is a quick scan, where `NINO` costs ~9 us
// over a 500-character comment that holds a character beyond ASCII.
const NINO_START = /[A-Za-z]{2} ?\d{2}/;

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
// Four octets not glued to more dotted digits, and not a version number ("v1.2.3.4", "build 10.0.1.5").
const IPV4 = new RegExp(
  `(?<![A-Za-z0-9.])(?<!\\b(?:version|ver|build|release|firmware)\\.?\\s?)${OCTET}(?:\\.${OCTET}){3}(?!\\.?\\d)`,
  'gi',
);

// A run of digit groups joined by one space, dash or dot, with optional (area) groups: the shape of any
// phone number. Whether it *is* one is `isPhoneNumber`'s job. Groups are separated by a mandatory
// character (or a parenthesis), so there is only one way to split a run and backtracking stays linear.
const PHONE =
  /(?<![A-Za-z0-9+_])(?:\+[1-9]\d{0,14}|\(\+?\d{1,5}\)|\d{1,15})(?:[ .-]?\(\d{1,5}\)|(?<=\))[ .-]?\d{1,15}|(?<!\))[ .-]\d{1,15}){0,7}(?!\d)/g;
// North American layouts: (555) 123-4567, 555-123-4567, 555.123.4567, 555 123 4567, 1-555-123-4567.
const NANP_SHAPE = /^(?:1[ .-])?(?:\(\d{3}\) ?|\d{3}[ .-])\d{3}[ .-]\d{4}$/;
const INTERNATIONAL_PREFIX = /^\(?(?:\+|00)\d{1,3}\)?[ .-]?/;
const PAREN_GROUP = /[ .-]?\(\+?\d+\)[ .-]?/g;
// "01 02 2018 12" is a date followed by a number, not a phone number starting 01.
const DATE_START = /^\d{2}[ .-]\d{2}[ .-](?:19|20)\d{2}(?!\d)/;

/** The ASCII digits of a text. */
export function countDigits(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isAsciiDigitCode(code)) count++;
  }
  return count;
}

/**
 * Phones mix separators only around the country code and the area code ("+1 (555) 123-4567"); elsewhere
 * they keep one. Mixed runs such as "01.02.2018 12" are dates and times.
 */
function hasConsistentSeparators(candidate: string): boolean {
  const body = candidate.replace(INTERNATIONAL_PREFIX, '').replace(PAREN_GROUP, '');
  return new Set(body.match(/[ .-]/g) ?? []).size <= 1;
}

/**
 * International numbers (+ or 00) carry 9-15 digits (E.164 allows no more, which keeps 16-digit order
 * numbers out); national numbers start 0 then a non-zero digit (never "0000123456") and hold 10-11
 * digits solid or 10-12 grouped; anything else must have a North American layout, because a bare run of
 * digits that starts 1-9 is an order or account number far more often than a phone.
 */
function isPhoneNumber(candidate: string): boolean {
  const digits = countDigits(candidate);
  // Cheap test first: most candidates are ordinary numbers ("45", "2018", "1.5") and stop here.
  if (digits < 9 || digits > 17 || !hasConsistentSeparators(candidate)) return false;
  const lead = candidate.startsWith('(') ? candidate.slice(1) : candidate;
  if (lead.startsWith('+')) return digits >= 9 && digits <= 15;
  if (/^00[1-9]/.test(lead)) return digits >= 11 && digits <= 17;
  if (/^0[1-9]/.test(lead)) {
    if (DATE_START.test(candidate)) return false;
    return /\D/.test(candidate) ? digits >= 10 && digits <= 12 : digits >= 10 && digits <= 11;
  }
  return NANP_SHAPE.test(candidate);
}

function isCardNumber(candidate: string): boolean {
  const digits = candidate.replace(/[ .-]/g, '');
  return digits.length >= 13 && digits.length <= 19 && passesLuhnCheck(digits);
}

/** A detector of a run of digit words that `accepts` takes as this kind once read as digits. */
function spokenNumber(placeholder: string, accepts: (digits: string) => boolean): Detector {
  return {
    placeholder,
    pattern: SPOKEN_NUMBER,
    accepts: (candidate) => accepts(spokenDigits(candidate)),
    minDigits: 0,
    cue: SPOKEN_NUMBER_CUE,
    cueWords: 'spokenDigits',
  };
}

// Order matters: e-mails first (their local parts hold digits), IBANs before cards (an IBAN's digits can
// look like a card), and phones last, as the loosest shape. Each detector's finds are masked with no
// digits and no `@` before the next runs, so a later pass never matches inside an earlier one's find.
const WRITTEN_DETECTORS: readonly Detector[] = [
  { placeholder: '[EMAIL]', pattern: EMAIL, accepts: () => true, minDigits: 0, mayMatch: mayHoldEmail },
  {
    placeholder: '[EMAIL]',
    pattern: SPELLED_EMAIL,
    accepts: acceptsSpelledEmail,
    minDigits: 0,
    cue: SPELLED_EMAIL_CUE,
    cueWords: 'spelledEmail',
  },
  { placeholder: '[IBAN]', pattern: IBAN, accepts: (c) => isValidIban(c.replaceAll('-', ' ')), minDigits: 2 },
  { placeholder: '[CARD]', pattern: CARD, accepts: isCardNumber, minDigits: 13 },
  { placeholder: '[SSN]', pattern: SSN, accepts: (candidate) => SSN_SHAPE.test(candidate), minDigits: 9 },
  {
    placeholder: '[NINO]',
    pattern: NINO,
    accepts: () => true,
    minDigits: 6,
    mayMatch: (text) => NINO_START.test(text),
  },
  { placeholder: '[POSTCODE]', pattern: POSTCODE, accepts: () => true, minDigits: 2 },
  { placeholder: '[IP]', pattern: IPV4, accepts: () => true, minDigits: 4 },
  {
    placeholder: '[ID]',
    pattern: LABELLED_IDENTIFIER,
    // Four digits or more: "account no. 12" is no identifier.
    accepts: (candidate) => countDigits(candidate) >= 4,
    minDigits: 4,
    cue: LABELLED_IDENTIFIER_CUE,
    labelled: true,
  },
  {
    placeholder: '[ID]',
    pattern: VEHICLE_REGISTRATION,
    accepts: () => true,
    minDigits: 1,
    cue: VEHICLE_REGISTRATION_CUE,
    labelled: true,
  },
  {
    placeholder: '[DOB]',
    pattern: BIRTH_DATE,
    accepts: () => true,
    minDigits: 4,
    cue: BIRTH_DATE_CUE,
    labelled: true,
  },
  {
    placeholder: '[CARD]',
    pattern: CARD_SECURITY_CODE,
    accepts: () => true,
    minDigits: 3,
    cue: CARD_SECURITY_CODE_CUE,
    cueWords: 'cardSecurityCode',
    labelled: true,
  },
  {
    placeholder: '[POSTCODE]',
    pattern: ZIP_CODE,
    accepts: () => true,
    minDigits: 5,
    cue: ZIP_CODE_CUE,
    labelled: true,
  },
  {
    placeholder: '[POSTCODE]',
    pattern: STATE_ZIP_CODE,
    accepts: () => true,
    minDigits: 5,
    cue: STATE_ZIP_CODE_CUE,
    labelled: true,
  },
  { placeholder: '[PHONE]', pattern: PHONE, accepts: isPhoneNumber, minDigits: 9 },
  // What the phone shapes leave as an order number, a label makes a phone ("call me on 2125550147").
  {
    placeholder: '[PHONE]',
    pattern: LABELLED_PHONE,
    accepts: (candidate) => {
      const digits = countDigits(candidate);
      return digits >= 9 && digits <= 15;
    },
    minDigits: 9,
    cue: LABELLED_PHONE_CUE,
    labelled: true,
  },
  // Numbers said digit by digit (see spoken-numbers.ts), checked as the digits they spell.
  spokenNumber('[CARD]', isCardNumber),
  spokenNumber('[PHONE]', isPhoneNumber),
  spokenNumber('[ID]', (digits) => digits.length >= MIN_SPOKEN_DIGITS),
  {
    placeholder: '[ADDRESS]',
    pattern: STREET_ADDRESS,
    accepts: () => true,
    minDigits: 1,
    cue: STREET_ADDRESS_CUE,
    cueWords: 'street',
  },
  {
    placeholder: '[NAME]',
    pattern: GIVEN_NAME,
    accepts: () => true,
    minDigits: 0,
    cue: GIVEN_NAME_CUE,
    cueWords: 'name',
  },
  {
    placeholder: '[NAME]',
    pattern: INTRODUCED_NAME,
    accepts: acceptsIntroducedName,
    minDigits: 0,
    cue: INTRODUCED_NAME_CUE,
    cueWords: 'introducedName',
  },
  {
    placeholder: '[NAME]',
    pattern: TITLED_NAME,
    accepts: acceptsTitledName,
    minDigits: 0,
    cue: TITLED_NAME_CUE,
    cueWords: 'titledName',
  },

  {
    placeholder: '[NAME]',
    pattern: SIGNED_OFF_NAME,
    accepts: () => true,
    minDigits: 0,
    cue: SIGNED_OFF_NAME_CUE,
    cueWords: 'signOff',
  },
  {
    placeholder: '[SECRET]',
    pattern: SECRET,
    accepts: () => true,
    minDigits: 0,
    cue: SECRET_CUE,
    cueWords: 'secret',
    labelled: true,
  },
  {
    placeholder: '[HANDLE]',
    pattern: ACCOUNT_HANDLE,
    accepts: () => true,
    minDigits: 0,
    cue: ACCOUNT_HANDLE_CUE,
    cueWords: 'accountHandle',
    labelled: true,
  },
];

/**
 * The detector with every optional field present, undefined where it has none, in one order: the loop
 * over all detectors, run for every comment that may hold an identifier, then reads objects of one
 * shape, where the written ones come in half a dozen and each field's read took V8's slow generic path.
 */
function ofOneShape(detector: Detector): Detector {
  return {
    placeholder: detector.placeholder,
    pattern: detector.pattern,
    accepts: detector.accepts,
    minDigits: detector.minDigits,
    mayMatch: detector.mayMatch,
    cue: detector.cue,
    cueWords: detector.cueWords,
    labelled: detector.labelled,
  };
}

const DETECTORS = WRITTEN_DETECTORS.map(ofOneShape);

// The cues of identifiers in words as one pattern, for a text whose words are not known: one scan of
// it costs less than one scan per cue. Every cue in it ignores case (`INTRODUCED_NAME_CUE` and
// `TITLED_NAME_CUE` do not).
const ANY_WORD_CUE = new RegExp(
  [
    SPELLED_EMAIL_CUE,
    GIVEN_NAME_CUE,
    SPOKEN_NUMBER_CUE,
    ACCOUNT_HANDLE_CUE,
    CARD_SECURITY_CODE_CUE,
    SECRET_CUE,
  ]
    .map((cue) => `(?:${cue.source})`)
    .join('|'),
  'i',
);

/**
 * Whether a text may hold an identifier written in words (a spelled e-mail, a given name, a number
 * said digit by digit, a handle, a card's security code, whose three digits are too few for
 * `mayHoldPii`, an address (which holds a digit)). A cue whose words the clues rule out is not tested.
 */
function mayHoldWordIdentifier(text: string, clues?: PiiClues): boolean {
  const words = clues?.words;
  if ((words ? clues.digits > 0 && words.street : /\d/.test(text)) && STREET_ADDRESS_CUE.test(text))
    return true;
  // A sign-off name stands on a line of its own: most comments have no line break.
  if ((words?.signOff ?? true) && text.includes('\n') && SIGNED_OFF_NAME_CUE.test(text)) return true;
  if (!words) return ANY_WORD_CUE.test(text) || INTRODUCED_NAME_CUE.test(text) || TITLED_NAME_CUE.test(text);
  if (words.introducedName && INTRODUCED_NAME_CUE.test(text)) return true;
  if (words.titledName && TITLED_NAME_CUE.test(text)) return true;
  return (
    (words.spelledEmail && SPELLED_EMAIL_CUE.test(text)) ||
    (words.name && GIVEN_NAME_CUE.test(text)) ||
    (words.spokenDigits && SPOKEN_NUMBER_CUE.test(text)) ||
    (words.accountHandle && ACCOUNT_HANDLE_CUE.test(text)) ||
    (words.cardSecurityCode && CARD_SECURITY_CODE_CUE.test(text)) ||
    (words.secret && SECRET_CUE.test(text))
  );
}

const GROUP_SEPARATOR = /[ .-]/;
const GROUP_END = /[A-Za-z0-9)]/;

/**
 * How much of a candidate to redact: all of it if it passes, else the longest run of its leading groups
 * that does, so a card followed by its CVV ("4111 1111 1111 1111 123") or two phone numbers in a row are
 * still caught. 0 when no prefix passes.
 */
function acceptedLength(candidate: string, accepts: (candidate: string) => boolean): number {
  if (accepts(candidate)) return candidate.length;
  for (let end = candidate.length - 1; end > 0; end--) {
    const atGroupEnd =
      GROUP_SEPARATOR.test(candidate.charAt(end)) && GROUP_END.test(candidate.charAt(end - 1));
    if (atGroupEnd && accepts(candidate.slice(0, end))) return end;
  }
  return 0;
}

/** The first capture group of a labelled match that took part: a pattern may hold one per kind of label. */
function firstGroup(match: RegExpExecArray): number {
  for (let group = 1; group < match.length; group++) if (match[group] !== undefined) return group;
  return 0;
}

/** Calls `found` with the offset and length of each identifier one detector accepts, in order. */
function eachIdentifier(
  text: string,
  { pattern, accepts, labelled }: Detector,
  found: (index: number, length: number) => void,
): void {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const group = labelled ? firstGroup(match) : 0;
    const candidate = match[group] ?? '';
    const start = match.indices?.[group]?.[0] ?? match.index;
    const length = acceptedLength(candidate, accepts);
    if (length === 0) {
      // Retry one character on: a later group of the same run may start a real identifier.
      pattern.lastIndex = match.index + ((match[0].codePointAt(0) ?? 0) > 0xffff ? 2 : 1);
      continue;
    }
    found(start, length);
    pattern.lastIndex = start + length;
  }
  pattern.lastIndex = 0;
}

/**
 * Per cue of an identifier written in words (see `word-identifiers.ts`, `given-names.ts`), whether the
 * text holds a word the cue cannot match without. False rules the cue out; true leaves it to the cue.
 */
export interface WordClues {
  spelledEmail: boolean;
  name: boolean;
  /** Enough digit words in a row to spell a number (see spoken-numbers.ts). */
  spokenDigits: boolean;
  signOff: boolean;
  /** A capitalised word right after "is", "I'm", "am" or "name's" (see `INTRODUCED_NAME`). */
  introducedName: boolean;
  /** A capitalised word right after a title or a relation ("Mrs", "Dr", "my wife"; see `TITLED_NAME`). */
  titledName: boolean;
  /** A capitalised word that may be a listed given name (see `BARE_GIVEN_NAME`). */
  bareName: boolean;
  accountHandle: boolean;
  cardSecurityCode: boolean;
  /** "password", "PIN" and their kin (see `SECRET`). */
  secret: boolean;
  /** A street type written capitalised ("Street", "Rd"), as `STREET_ADDRESS_CUE` needs. */
  street: boolean;
}

/** What a caller already knows of a text (see `pii-clues.ts`), so that `findPii` need not scan for it. */
export interface PiiClues {
  /** The text's ASCII digits, which decide which identifiers redaction looks for. */
  digits: number;
  /** Its words as the cues need them; absent when not every word of the text is known. */
  words?: WordClues;
}

/** Where an identifier stands in a text, and what replaces it. */
export interface PiiSpan {
  start: number;
  end: number;
  placeholder: string;
}

declare const redactedBrand: unique symbol;

/**
 * A string that has been through the redaction gate ({@link redactPii}): the only kind of
 * message-derived string that records, keys, alerts, rejects and logs accept. Only this module makes
 * one, so a new field that skips the gate does not type-check.
 */
export type Redacted = string & { readonly [redactedBrand]: true };

/** Text the program itself wrote (a fixed label, a placeholder): nothing from a message in it. */
export function trustedText<T extends string>(text: T): T & Redacted {
  return text as T & Redacted;
}

/**
 * At most `max` characters of an already redacted text. Redact first, then cut: cutting first can
 * leave a fragment of an identifier ("CUT.PERSON@EXAMP") that no longer looks like one.
 */
export function truncateRedacted(text: Redacted, max: number): Redacted {
  if (text.length <= max) return text;
  // Cut before a lone high surrogate so half an emoji is never kept.
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max) as Redacted;
}

/**
 * Whether a span starts on the second half of a surrogate pair or ends on the first: where the view
 * maps the whole pair (an emoji) to each half, so offsets into the view and the text part.
 */
function splitsPair({ start, end }: PiiSpan, text: string): boolean {
  const first = text.charCodeAt(start);
  const last = text.charCodeAt(end - 1);
  return (first >= 0xdc00 && first <= 0xdfff) || (last >= 0xd800 && last <= 0xdbff);
}

/**
 * The detectors over a normalised text, once its own digits and words say it may hold an identifier.
 * `words` are clues that hold for this text too (see `findInView`); else the cues read the text.
 */
function findIfAny(text: string, words?: WordClues): PiiSpan[] {
  const digits = countDigits(text);
  const clues: PiiClues = words ? { digits, words } : { digits };
  return mayHoldPii(text, digits) || mayHoldWordIdentifier(text, clues) ? findInNormalised(text, clues) : [];
}

/**
 * Spans found in the normalised view, as offsets into the original text. `words` are the original's
 * word clues, given only for a plain-ASCII text with no `%`: its view then only drops or turns white
 * space and digit separators (never between two letters, nor next to a letter between digit words),
 * so every match of a word cue in the view matches in the text too, and what rules a cue out there
 * rules it out in the view.
 */
function findInView(text: string, words?: WordClues): PiiSpan[] {
  const spans = findIfAny(piiViewText(text), words);
  // Most views hold nothing to redact: only one that does needs its characters' origins.
  if (spans.length === 0) return spans;
  const view = piiView(text);
  return spans.map((span) => ({
    start: view.starts[span.start] as number,
    end: view.ends[span.end - 1] as number,
    placeholder: span.placeholder,
  }));
}

/** The detectors over a text that needs no normalising (`clues` are of this text, not of another view). */
function findInNormalised(text: string, clues: PiiClues): PiiSpan[] {
  const { digits, words } = clues;
  const spans: PiiSpan[] = [];
  let masked = text;
  for (const detector of DETECTORS) {
    if (digits < detector.minDigits) continue;
    if (detector.cueWords && words && !words[detector.cueWords]) continue;
    if (detector.cue && !detector.cue.test(text)) continue;
    // On the masked text, which the pattern reads: a mask can make what the text held no longer match.
    if (detector.mayMatch && !detector.mayMatch(masked)) continue;
    const found: PiiSpan[] = [];
    eachIdentifier(masked, detector, (index, length) => {
      found.push({ start: index, end: index + length, placeholder: detector.placeholder });
    });
    for (const { start, end } of found) {
      const mask = end - start >= 2 ? `[${'X'.repeat(end - start - 2)}]` : 'X'.repeat(end - start);
      masked = masked.slice(0, start) + mask + masked.slice(end);
    }
    spans.push(...found);
  }
  return spans.sort((a, b) => a.start - b.start);
}

/**
 * The identifiers `redactPii` replaces, as offsets into `text`, in reading order. Detection reads the
 * normalised view of the text (see `pii-view.ts`: full-width digits, odd spaces and dashes, zero-width
 * characters, JSON escapes...), and each find is mapped back to the original characters it came from.
 * Each detector's finds are masked before the next detector runs, so no identifier is found inside
 * another. `clues` are what the caller knows of the text already (see `piiClues`); `printable`, that it
 * is printable ASCII, tabs and newlines (see `isPrintableAscii`).
 */
export function findPii(text: string, clues?: PiiClues, printable = false, marks = UNKNOWN_MARKS): PiiSpan[] {
  const spans = findIdentifiers(text, clues, printable, marks);
  return mayHoldBareName(text, clues) ? withBareNames(text, spans) : spans;
}

const BARE_NAME_DETECTOR: Detector = {
  placeholder: '[NAME]',
  pattern: BARE_GIVEN_NAME,
  accepts: acceptsBareGivenName,
  minDigits: 0,
};

/** Whether a text may hold a bare given name: by its word clue when the caller knows its words. */
function mayHoldBareName(text: string, clues?: PiiClues): boolean {
  return clues?.words ? clues.words.bareName : holdsBareGivenName(text);
}

/**
 * The spans with the text's bare given names added, found last, on the text with every other find
 * masked: a name after its cue is taken as the cue read it ("my name is Priya Sharma"). A pass of its
 * own, as names are letters, unchanged in the normalised view, and most texts with one hold nothing else.
 */
function withBareNames(text: string, spans: PiiSpan[]): PiiSpan[] {
  let masked = text;
  for (const { start, end } of spans)
    masked = masked.slice(0, start) + '_'.repeat(end - start) + masked.slice(end);
  const names: PiiSpan[] = [];
  eachIdentifier(masked, BARE_NAME_DETECTOR, (index, length) => {
    names.push({ start: index, end: index + length, placeholder: BARE_NAME_DETECTOR.placeholder });
  });
  return names.length === 0 ? spans : [...spans, ...names].sort((a, b) => a.start - b.start);
}

/** The identifiers of every kind but bare given names (see `findPii`). */
function findIdentifiers(
  text: string,
  clues: PiiClues | undefined,
  printable: boolean,
  marks: number,
): PiiSpan[] {
  if (printable ? isPlainPrintable(text, marks) : isPlainAscii(text)) {
    // Plain ASCII: the view holds the same digits and `@`, so a text that cannot hold an identifier
    // is settled here, before any normalising.
    const asciiClues = clues ?? { digits: countDigits(text) };
    if (!mayHoldPii(text, asciiClues.digits, marks) && !mayHoldWordIdentifier(text, asciiClues)) return [];
    if (!asciiViewMayDiffer(text)) return findInNormalised(text, asciiClues);
    // A percent escape may spell letters in the view ("n%61me"): then the words are the view's own.
    return findInView(text, text.includes('%') ? undefined : asciiClues.words);
  }
  return mayHoldPiiAnywhere(text) || mayHoldWordIdentifier(text, clues)
    ? findInOtherText(text, clues?.words)
    : [];
}

/** Spans found in a text that is not plain ASCII; `words` are its word clues, if known. */
function findInOtherText(text: string, words?: WordClues): PiiSpan[] {
  // When the view is the text itself (see `viewIsText`), its spans are the text's, with no offset map,
  // and the text's word clues are the view's.
  if (viewIsText(text)) {
    const spans = findIfAny(text, words);
    if (!spans.some((span) => splitsPair(span, text))) return spans;
  }
  return findInView(text);
}

const AT_OR_ESCAPE = /[@\\\uFF20\uFE6B]|%40/;
// An IBAN's start in ASCII or full-width letters and digits.
const IBAN_START_WIDE = /[A-Z\uFF21-\uFF3A]{2}[0-9\uFF10-\uFF19]{2}/;
const NUMERAL = /^\p{N}$/u;
// Whether a non-ASCII code point is a numeral, remembered: a comment repeats the same few characters.
const isNumeral = new Map<number, boolean>();

/** Numerals of any script (ASCII, full-width, Arabic-Indic, circled...) in a text. */
function countNumerals(text: string): number {
  let numerals = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) {
      if (isAsciiDigitCode(unit)) numerals++;
      continue;
    }
    const code = text.codePointAt(i) ?? unit;
    if (code > 0xffff) i++;
    let numeral = isNumeral.get(code);
    if (numeral === undefined) {
      numeral = NUMERAL.test(String.fromCodePoint(code));
      if (isNumeral.size < 20_000) isNumeral.set(code, numeral);
    }
    if (numeral) numerals++;
  }
  return numerals;
}

/**
 * Whether a text that is not plain ASCII could hold an identifier in any writing (full-width,
 * Arabic-Indic or circled digits, an at sign of any width, an escape), by the rule of
 * {@link mayHoldPii}: an at sign, four numerals, or two numerals after an IBAN's country code.
 */
function mayHoldPiiAnywhere(text: string): boolean {
  if (AT_OR_ESCAPE.test(text)) return true;
  const numerals = countNumerals(text);
  if (numerals >= 4) return true;
  if (numerals < 2) return false;
  if (IBAN_START_WIDE.test(text)) return true;
  // A postcode may be written with an odd space or full-width characters: read it in compatibility form,
  // which most such texts (ASCII with a pound sign or curly quotes) are in already.
  return HAS_POSTCODE.test(isNfkcStable(text) ? text : text.normalize('NFKC'));
}

/**
 * An excerpt of `text` (a theme's or signal's evidence) with every part of an identifier in it replaced:
 * "switching to joe" cut from "switching to joe.bloggs@example.com" becomes "switching to [EMAIL]",
 * which redacting the excerpt alone would miss. `spans` are `findPii(text)`.
 */
export function redactExcerpt(text: string, excerpt: string, spans: readonly PiiSpan[]): Redacted {
  const from = text.indexOf(excerpt);
  if (from < 0) return redactPii(excerpt);
  const to = from + excerpt.length;
  let redacted = '';
  let copied = from;
  for (const span of spans) {
    if (span.end <= from || span.start >= to) continue;
    redacted += text.slice(copied, Math.max(copied, span.start)) + span.placeholder;
    copied = Math.min(to, span.end);
  }
  const cut = copied === from ? excerpt : redacted + text.slice(copied, to);
  // The excerpt is also redacted alone, in case a cut made a fragment look like an identifier; names
  // are letters, and when the text held nothing else, no cut of it holds a number or an address.
  return spans.every(isName) ? (cut as Redacted) : redactPii(cut);
}

function isName(span: PiiSpan): boolean {
  return span.placeholder === '[NAME]';
}

/**
 * Whether `text` could hold an identifier `redactPii` replaces. Every identifier holds an `@`, four
 * digits or more (an IPv4 address has the fewest), starts like an IBAN or is a postcode, so most comments ("45
 * minutes" included) need no pattern work at all; and when a text cannot, no part of it can. `digits`
 * is the text's count of ASCII digits when the caller has it already. For normalised or plain ASCII
 * text only: `findPii` decides for any other text.
 */
export function mayHoldPii(text: string, digits = countDigits(text), marks = UNKNOWN_MARKS): boolean {
  // An IBAN's start and a postcode hold two digits; `%40` is an `@` in a link's query string.
  return (
    digits >= 4 ||
    (mayHoldMark(marks, AT_SIGN) && text.includes('@')) ||
    (digits >= 2 && (IBAN_START.test(text) || text.includes('%40') || HAS_POSTCODE.test(text)))
  );
}

/**
 * The redaction gate: replaces e-mail addresses, phone numbers, Luhn-valid card numbers, IBANs, US
 * SSNs, UK National Insurance numbers, UK postcodes and labelled US ZIP codes, IPv4 addresses, street
 * addresses, given names, numbers their label makes personal (account, sort code, passport, licence,
 * membership, policy; a card's security code), dates of birth, the customer's own handles and a
 * password or PIN with `[EMAIL]`, `[PHONE]`, `[CARD]`, `[IBAN]`, `[SSN]`, `[NINO]`, `[POSTCODE]`,
 * `[IP]`, `[ADDRESS]`, `[NAME]`, `[ID]`, `[DOB]`, `[HANDLE]` and `[SECRET]`, however they are written
 * (see `findPii`). Only the
 * identifier itself is replaced; every other character is kept as it was, and text with nothing to redact comes back as the
 * same string. Pure and deterministic. `spans` are `findPii(text)` when the caller has them already.
 */
export function redactPii(text: string, spans: readonly PiiSpan[] = findPii(text)): Redacted {
  if (spans.length === 0) return text as Redacted;
  let redacted = '';
  let copied = 0;
  for (const span of spans) {
    if (span.start < copied) continue;
    redacted += text.slice(copied, span.start) + span.placeholder;
    copied = span.end;
  }
  return (redacted + text.slice(copied)) as Redacted;
}
