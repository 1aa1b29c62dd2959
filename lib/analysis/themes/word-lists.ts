import * as z from 'zod';
import { type Term, type WordLists, wordClassNamed } from './compiled-taxonomy.js';

// Named lists of words in a taxonomy (`STAFF`, `MONEY`), which cues name instead of writing the words.
// A list's name is in capitals, as `NEG` and `NAME` are, so that it cannot be read as a word (words are
// matched in lower case); a list holds words only, so lists never refer to each other.

const WORD_LIST_NAME = /^[A-Z][A-Z0-9]{1,23}$/;
// A capitalised alternative of a cue other than a word class (`wordClassNamed`) names a word list.
const LIST_NAME = /^[A-Z][A-Z0-9]+$/;

/** A list's words as the taxonomy writes them: lower-case words, prefixes and amounts joined by `|`. */
export const wordListSchema = z
  .string()
  .max(2000)
  .regex(
    /^[\p{Ll}\p{N}\p{Sc}'*=-]+(?:\|[\p{Ll}\p{N}\p{Sc}'*=-]+)*$/u,
    'a word list holds lower-case words joined by `|`',
  );

/** What is wrong with a list's name, if anything. */
export function wordListNameProblem(name: string): string | undefined {
  const wordClass = wordClassNamed(name);
  if (wordClass) return `${name} stands for ${wordClass.means}`;
  if (!WORD_LIST_NAME.test(name)) return 'a word list is named in capitals (A-Z, 0-9), 2 to 24 of them';
  return undefined;
}

/** The word list an alternative names, if it names one ("constructor" is a word, never a list). */
export function listNamed(lists: WordLists, alternative: string): Term | undefined {
  return LIST_NAME.test(alternative) && Object.hasOwn(lists, alternative) ? lists[alternative] : undefined;
}

/** A cue as written: the texts of it that hold alternatives. */
interface CueWords {
  pattern: string | readonly string[];
  near?: string | undefined;
  unless?: string | undefined;
  notAfter?: string | undefined;
  notBefore?: string | undefined;
}

function cueTexts(cue: CueWords): string[] {
  const patterns = typeof cue.pattern === 'string' ? [cue.pattern] : cue.pattern;
  return [...patterns, cue.near, cue.unless, cue.notAfter, cue.notBefore].filter(
    (text) => text !== undefined,
  );
}

/** Where a cue names a word list that does not exist (a typo would otherwise match nothing, silently). */
export function unknownListIssues(
  themes: ReadonlyArray<{ cues: readonly CueWords[] }>,
  lists: WordLists,
): string[] {
  return themes.flatMap((theme, themeIndex) =>
    theme.cues.flatMap((cue, cueIndex) =>
      cueTexts(cue)
        .flatMap((text) => text.split(/[\s|]+/))
        .filter(
          (alternative) =>
            !wordClassNamed(alternative) && LIST_NAME.test(alternative) && !Object.hasOwn(lists, alternative),
        )
        .map(
          (name) =>
            `themes.${themeIndex}.cues.${cueIndex}: ${name} is no word list (lists: ${Object.keys(lists).join(', ') || 'none'}; words are written in lower case)`,
        ),
    ),
  );
}
