import { type PackedJson, unpackJson } from '../packed-data.js';
import { frontDecode } from './front-coding.js';
import givenNameList from './given-name-list.json' with { type: 'json' };
import { acceptsIntroducedName } from './given-names.js';

/**
 * Given names written as names with no cue around them: "Thank you Priya", "spoke to Gemma on Tuesday",
 * "Ask for Mohammed Ali at the Croydon store". Staff are praised and blamed by first name more than any
 * other way, and the stored comment must not carry them. The list (`given-name-list.json`, written by
 * `npm run build:given-names`) holds only names that are no English word, so "Mark", "Will", "Sky" or
 * "Virgin" are found only after a cue (see `given-names.ts`): at a sentence's start or as a brand they
 * are as often words.
 */

let lowerCaseNames: ReadonlySet<string> | undefined;

/** The listed names, in ASCII (see `withoutAccents`). */
export function listedGivenNames(): string[] {
  return frontDecode(unpackJson(givenNameList as PackedJson) as string);
}

/**
 * The list as a set of lower-case names, made on first use (the first word `piiClues` or a theme cue
 * meets) rather than at import: one set serves both, as the first comment of a cold start pays for it.
 */
function lowerCaseGivenNames(): ReadonlySet<string> {
  lowerCaseNames ??= new Set(listedGivenNames().map((name) => name.toLowerCase()));
  return lowerCaseNames;
}

/** A name as the list writes it: "Siân" as "Sian", "José" as "Jose". */
export function withoutAccents(name: string): string {
  for (let i = 0; i < name.length; i++)
    if (name.charCodeAt(i) > 0x7f) return name.normalize('NFD').replace(/\p{M}/gu, '');
  return name;
}

/** Whether the first name of a `BARE_GIVEN_NAME` candidate ("Anna" of "Anna-Maria Shah") is listed. */
function firstNameListed(candidate: string): boolean {
  return lowerCaseGivenNames().has(withoutAccents(candidate.split(/[ \t-]/, 1)[0] as string).toLowerCase());
}

/**
 * Whether a word, in lower case as tokens hold it, is a listed name once capitalised: the clue (see
 * `piiClues`) that `BARE_GIVEN_NAME` may find one.
 */
export function mayBeGivenName(lowerCaseWord: string): boolean {
  // A token keeps its possessive: "priya's".
  return lowerCaseGivenNames().has(withoutAccents(lowerCaseWord.replace(/['’]s$/, '')));
}

/**
 * A word written capitalised (not in capitals; not inside a handle, hashtag, address or contraction:
 * "Aren't" holds no "Aren"), joined to a second by a hyphen or not ("Anna-Maria"), and the capitalised
 * word after it that may be a surname ("Priya Sharma"), checked by `acceptsBareGivenName`. Not a city
 * before its state ("Austin, TX"). The capital is matched before what stands behind it is looked at:
 * most characters are no capital, and the look behind, with its large classes, would cost each one.
 */
export const BARE_GIVEN_NAME =
  /\p{Lu}(?<![\p{L}\p{N}\p{M}_@#'’.-]\p{Lu})\p{Ll}{2,}(?:-\p{Lu}\p{Ll}+)?(?:[ \t]+\p{Lu}\p{Ll}[\p{L}\p{M}'’-]{0,30})?(?![\p{L}\p{N}\p{M}_@-]|['’](?!s\b)\p{L}|,[ \t]?\p{Lu}{2}\b)/gu;

/**
 * Whether a candidate of `BARE_GIVEN_NAME` is a listed name, with its surname if it has one: a surname
 * is no word of service or sentiment ("Ben Was Great" is a name and two words). Redaction then tries
 * the name alone.
 */
export function acceptsBareGivenName(candidate: string): boolean {
  if (!firstNameListed(candidate)) return false;
  const space = candidate.search(/[ \t]/);
  return space < 0 || acceptsIntroducedName(candidate.slice(space).trim());
}

/** Whether `text` holds a bare given name: for a text whose words are not known (see `PiiClues`). */
export function holdsBareGivenName(text: string): boolean {
  // Not `matchAll`, which runs a fresh copy of the pattern each call.
  BARE_GIVEN_NAME.lastIndex = 0;
  let found = false;
  for (let match = BARE_GIVEN_NAME.exec(text); match !== null && !found; match = BARE_GIVEN_NAME.exec(text))
    found = firstNameListed(match[0]);
  BARE_GIVEN_NAME.lastIndex = 0;
  return found;
}
