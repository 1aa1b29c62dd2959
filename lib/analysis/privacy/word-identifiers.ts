/**
 * Personal data written in words rather than digits: an e-mail address spelled out to dodge filters
 * ("john at gmail dot com", "jo(at)example(dot)org") and a street address ("12 High Street"); names
 * are in `given-names.ts`. Each is a pattern run only
 * when a cheap cue is in the text, so the common comment pays one regular-expression test per kind.
 * The patterns are bounded (no unbounded repeats of ambiguous groups): linear on hostile input.
 */

const AT_WORD = String.raw`(?:\s*[([{<]\s*at\s*[)\]}>]\s*|\s+at\s+)`;
const DOT_WORD = String.raw`(?:\s*[([{<]\s*dot\s*[)\]}>]\s*|\s+dot\s+|\.)`;
const BRACKETED = /[([{<]\s*(?:at|dot)\s*[)\]}>]/i;

// Mail services whose name after a plain " at " makes "jane at gmail dot com" an address, where
// "shopped at amazon dot com" is not one.
const MAIL_SERVICES = new Set([
  'aol',
  'btinternet',
  'gmail',
  'gmx',
  'googlemail',
  'hotmail',
  'icloud',
  'live',
  'mail',
  'me',
  'msn',
  'outlook',
  'proton',
  'protonmail',
  'sky',
  'talktalk',
  'virginmedia',
  'yahoo',
  'yandex',
  'zoho',
]);

/** An e-mail address with "at" and "dot" in words or brackets; `acceptsSpelledEmail` decides. */
export const SPELLED_EMAIL = new RegExp(
  // Each lookbehind follows the first character it guards, so it is tried only where that character is.
  String.raw`[\p{sc=Latin}0-9](?<![\p{L}\p{N}._%+'-][\p{sc=Latin}0-9])(?:[\p{sc=Latin}0-9._%+'-]|\s+dot\s+){0,63}` +
    AT_WORD +
    String.raw`(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?${DOT_WORD}){1,4}[a-z]{2,24}(?![\p{L}\p{N}-])`,
  'giu',
);

/**
 * Texts that may hold a spelled e-mail: a bracketed at or dot, a spoken " dot ", or " at host.tld".
 * Each match is found from its "at" or "dot", what comes before it read by a lookbehind: a scan for a
 * bracket or a white space first (the plain form of the pattern) tries nearly every position of a
 * text, and most texts that get here hold "at" as a plain word (~3x slower over survey comments).
 */
export const SPELLED_EMAIL_CUE =
  /(?:at|dot)(?:(?<=[([{<]\s*(?:at|dot))\s*[)\]}>]|(?<=\sdot)\s|(?<=\sat)\s+[^\s.]+\.[a-z]{2})/i;
/** The words `SPELLED_EMAIL_CUE` cannot match without: it needs "at" or "dot" as a word of its own. */
export const SPELLED_EMAIL_CUE_WORDS: ReadonlySet<string> = new Set(['at', 'dot']);

/**
 * Whether a spelled candidate is an address: always with a bracketed at or dot (nobody writes
 * "(at)" in prose); with a plain " at " only when the mailbox looks like one (a dot, digit, `_` or
 * `+` in it) or the host is a mail service.
 */
export function acceptsSpelledEmail(candidate: string): boolean {
  if (BRACKETED.test(candidate)) return true;
  const at = /\s+at\s+/i.exec(candidate);
  if (!at) return false;
  const mailbox = candidate.slice(0, at.index);
  const host = candidate.slice(at.index + at[0].length).split(/\s+dot\s+|\./i)[0] ?? '';
  return /[._+0-9]|\sdot\s/i.test(mailbox) || MAIL_SERVICES.has(host.toLowerCase());
}

// "Walk" and "Row" are left out: "3D Printed Robots Walk", "Flair Showcase Row 3" are not addresses.
const STREET_TYPES =
  'Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Close|Crescent|Court|Ct|Place|Pl|Boulevard|Blvd|Terrace|Gardens|Grove|Square|Sq|Mews|Way';

/** A house number, one to three capitalised words and a street type: "12 High Street", "221B Baker St". */
export const STREET_ADDRESS = new RegExp(
  String.raw`\d(?<![\p{L}\p{N}-]\d)\d{0,3}[A-Za-z]?,?[ \t]+(?:\p{Lu}[\p{L}'’-]{0,30}[ \t]+){1,3}(?:${STREET_TYPES})\b\.?`,
  'gu',
);
export const STREET_ADDRESS_CUE = new RegExp(String.raw`\b(?:${STREET_TYPES})\b`);
/** The street types as a lower-cased word holds them: `STREET_ADDRESS_CUE` cannot match without one. */
export const STREET_TYPE_WORDS: ReadonlySet<string> = new Set(STREET_TYPES.toLowerCase().split('|'));
