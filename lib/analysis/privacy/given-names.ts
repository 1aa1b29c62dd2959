import { afinn165 } from '../lexicon/afinn-165.js';

/**
 * The names a customer gives in a comment: after "my name is" or a letter's sign-off ("Kind regards,
 * J. O'Brien"), alone on the last line after an informal sign-off ("Cheers,\nDave"), or introduced
 * ("Hi, this is Mark Jones calling"). A name without such a cue is not found: free text cannot be told
 * from a name without one. Each pattern runs only when its cue (and the word clue of `piiClues`) is in
 * the text, and is bounded: linear on hostile input.
 */

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

// Titles: a capitalised word after one is a person's name ("Mrs Jennifer Wallace", "Dr. Hart").
const TITLES = ['Mr', 'Mrs', 'Ms', 'Miss', 'Mx', 'Dr', 'Prof'];

// Words of service and sentiment are no name, however capitalised: "This is Customer Service", "I'm Very
// Unhappy". AFINN holds the sentiment words (redaction sits below the analysis lexicons); these are the
// rest that title case brings.
const NOT_NAMES = new Set([
  ...`very so really just not the a an your my our this that customer service services support team help
  desk manager account member gold silver platinum premium business club new old here there back done
  still writing calling again now sorry afraid fine ok okay glad happy i you he she it we they them his
  her its their`.split(/\s+/),
  // Days and months follow a role as often as names do: "the engineer Monday", "our rep May 5th"; and
  // small words written capitalised, in a title or after a comma ("Account Advisor, Out of nowhere").
  ...`monday tuesday wednesday thursday friday saturday sunday january february march april may june july
  august september october november december i've i'll i'd in on at of for to and or but with from by as
  if when then out re was is are were be been had has have did do does will would can could should
  also however after before while because though yet even only`.split(/\s+/),
  // A title is no name either: "I am Dr. Amelia Hart" introduces "Amelia Hart" (see `TITLED_NAME`).
  ...TITLES.map((title) => title.toLowerCase()),
]);

/** Whether an introduced-name candidate is a name: none of its words a known word of service or sentiment. */
export function acceptsIntroducedName(candidate: string): boolean {
  return candidate.split(/[ \t]+/).every((word) => {
    const lower = word.toLowerCase();
    return !NOT_NAMES.has(lower) && !Object.hasOwn(afinn165(), lower);
  });
}

// Sign-offs that end a message as often as they thank someone mid-sentence: only a name on a line of
// its own that ends the text follows them ("Thanks,\nTom"; not "Thanks, Tom" to an agent).
const SIGN_OFFS =
  '(?:[Tt]hanks(?: again)?|[Tt]hank you(?: again)?|[Mm]any thanks|[Cc]heers|[Bb]est(?: wishes)?|[Ww]arm(?:est)? wishes|[Kk]ind wishes|[Tt]ake care|[Rr]espectfully|[Rr]gds|[Tt]hx)';

// What a mail client adds below the name: the name is still the message's last line.
const MAIL_FOOTER = String.raw`(?:Sent from my|Get Outlook for|Sent from Mail for|Sent from Yahoo Mail)[^\n]{0,40}`;

/**
 * A name that signs off a message, alone on its last line ("Cheers,\nDave Smith"), after a blank line
 * or not, or above a mail client's footer.
 */
export const SIGNED_OFF_NAME = new RegExp(
  String.raw`\p{Lu}(?<=\b${SIGN_OFFS}[!.,]?[ \t]*(?:\r?\n[ \t]*){1,2}\p{Lu})(?:\.|[\p{L}\p{M}'’-]{0,30})(?:[ \t]+${NAME_WORD}){0,2}(?=\s*(?:${MAIL_FOOTER}\s*)?$)`,
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

// The customer's own people, as titles are (see `TITLES`): a capitalised word after one is a person's name
// ("my wife Sarah", "our son Tom Jones"). Titles are capitalised; "my son" may not be.
const RELATIONS = `wife husband partner son daughter mum mom mother dad father brother sister kid child
  grandson granddaughter grandma grandpa grandmother grandfather nan gran boyfriend girlfriend fiance
  fiancee fiancé fiancée neighbour neighbor carer tenant`.split(/\s+/);
// Staff by their role, as titles are: "driver Dave", "the engineer, Tomasz Kowalski,", "an advisor called
// Ben". A person is named by "called" or "named" alone: "a lovely lady called Sue".
const STAFF_ROLES = `agent advisor adviser representative operator engineer technician driver courier
  manager supervisor waiter waitress server receptionist nurse pharmacist cashier assistant colleague
  consultant officer steward stewardess host hostess bartender barista installer fitter plumber
  electrician porter concierge`.split(/\s+/);
// "rep" in lower case only: "Rep" is as often a party's or a congressman's ("the Rep Party").
const LOWER_CASE_ROLES = ['rep'];
const PEOPLE = 'lady|guy|man|woman|gentleman|chap|girl|fella|bloke|someone|somebody|person';
const NAMING_WORDS = ['called', 'named'];
/** A word as written at the start of a sentence or within one: "Driver" or "driver". */
const eitherCase = (word: string) => `[${(word[0] as string).toUpperCase()}${word[0]}]${word.slice(1)}`;
const NAMING = `(?:${NAMING_WORDS.join('|')})`;
const NAMED_STAFF = String.raw`(?:\b(?:${[...STAFF_ROLES.map(eitherCase), ...LOWER_CASE_ROLES].join('|')})(?: ${NAMING}|,)?|\b(?:${PEOPLE}) ${NAMING})`;
const TITLED_BY = String.raw`(?:\b(?:${TITLES.join('|')})\.?|\b(?:[Mm]y|[Oo]ur) (?:${RELATIONS.join('|')}),?)`;

/**
 * A name after a title or a relation ("Mrs Jennifer Wallace", "my wife Sarah"), or after a staff role
 * ("driver Dave", "the engineer, Tomasz Kowalski", "a lady called Sue"), checked by `acceptsTitledName`.
 * After a role, only words written as names are (not "the hostess SLOWLY walked over").
 */
export const TITLED_NAME = new RegExp(
  String.raw`\p{Lu}(?:(?<=${TITLED_BY}[ \t]+\p{Lu})[\p{L}\p{M}'’-]{1,30}(?:[ \t]+${NAME_WORD}){0,2}|(?<=${NAMED_STAFF}[ \t]+\p{Lu})\p{Ll}[\p{L}\p{M}'’-]{0,30}(?:[ \t]+${INTRO_WORD}){0,2})`,
  'gu',
);
/**
 * The cue of a titled name or a staff member's (`TITLED_NAME`). A capital after a space
 * is looked for first, and what stands before it only there: far fewer places than every word's start.
 */
export const TITLED_NAME_CUE = new RegExp(
  String.raw`[ \t]\p{Lu}(?<=(?:${TITLED_BY}|${NAMED_STAFF})[ \t]+\p{Lu})`,
  'u',
);
/** Words that may stand before a titled or a staff member's name: the clue (see `piiClues`) that it can be there. */
export const TITLED_NAME_BEFORE_WORDS: ReadonlySet<string> = new Set([
  ...TITLES.map((title) => title.toLowerCase()),
  ...RELATIONS,
  ...STAFF_ROLES,
  ...LOWER_CASE_ROLES,
  ...NAMING_WORDS,
]);

// Brands named after a title, which a customer reviews as products or deals with: "Dr Martens", "Mr
// Muscle", "Mr. Cooper" (a mortgage servicer).
const TITLED_BRANDS = new Set([
  'pepper',
  'martens',
  'oetker',
  'muscle',
  'kipling',
  'sheen',
  'clean',
  'cooper',
]);

/** Whether a titled-name candidate is a name: no word of it a brand, or a word of service or sentiment. */
export function acceptsTitledName(candidate: string): boolean {
  const first = candidate.split(/[ \t]/, 1)[0]?.toLowerCase() ?? '';
  return !TITLED_BRANDS.has(first) && acceptsIntroducedName(candidate);
}
