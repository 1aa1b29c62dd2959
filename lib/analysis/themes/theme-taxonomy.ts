import * as z from 'zod';
import { issueLines } from '../../feedback/issue-lines.js';
import { CX_ABBREVIATIONS } from '../lexicon/cx-abbreviations.js';
import { type PackedJson, unpackJson } from '../packed-data.js';
import { stemWord } from '../text/tokenize.js';
import {
  alternativeText,
  type CompiledCue,
  type CompiledTaxonomyFile,
  type CompiledTheme,
  CUE_DEFAULTS,
  readAlternative,
  readCompiledTaxonomy,
  type Term,
  type TermAlternative,
  type ThemeTaxonomy,
  themeWithCues,
  type WordLists,
  wordClassNamed,
} from './compiled-taxonomy.js';
import compiledTaxonomyJson from './taxonomy/cx-taxonomy.compiled.json' with { type: 'json' };
import { listNamed, unknownListIssues, wordListNameProblem, wordListSchema } from './word-lists.js';

const sentimentLabelSchema = z.enum(['negative', 'neutral', 'positive']);

/**
 * A cue pattern: words separated by spaces, each word a `|`-list of alternatives. An alternative is a
 * word (matches any word with the same Porter stem: `wait` matches "waited", "waiting"), a prefix
 * ending in `*` (`transfer*`), a word after `=` that matches itself alone (`=late`: not "lately", whose
 * stem is the same), `NEG` (any negator: not, never, nobody, didn't, ...), `NAME` (a person's
 * given name: "Priya", "Dan"; see `bare-given-names.ts`), or the name of a word list (`STAFF`), which
 * stands for every word of the list.
 */
const patternSchema = z
  .string()
  .trim()
  .min(1)
  .max(400)
  .regex(/^[\p{L}\p{N}\p{Sc}'*=|\- ]+$/u, 'a pattern holds words, `|`, `*`, `=` and spaces only');

// A bare string is shorthand for `{ pattern }` with every option at its default.
const cueSchema = z.preprocess(
  (cue) => (typeof cue === 'string' ? { pattern: cue } : cue),
  z.strictObject({
    /** One pattern, or several alternatives of which any may match. */
    pattern: z.union([patternSchema, z.array(patternSchema).min(1)]),
    /** How many other words may stand between two consecutive pattern words (same clause only). */
    window: z.number().int().min(0).max(8).default(CUE_DEFAULTS.window),
    /** When true (the default), a negator just before the cue cancels it: "no wait at all". */
    negatable: z.boolean().default(CUE_DEFAULTS.negatable),
    /** Sentiment the cue carries by itself ("rude" is negative whatever surrounds it). */
    sentiment: sentimentLabelSchema.optional(),
    /** The cue only counts when one of these words stands in the same clause. */
    near: patternSchema.optional(),
    /** The cue does not count when one of these words stands in the same clause. */
    unless: patternSchema.optional(),
    /**
     * The cue does not count when one of these words stands just before it: "I hung up" is the
     * customer's doing, "they hung up" the agent's; a "busy signal" is no network fault.
     */
    notAfter: patternSchema.optional(),
    /**
     * The cue does not count when one of these words stands just after it: "my late husband" is a
     * bereavement, not a delay.
     */
    notBefore: patternSchema.optional(),
    /**
     * The cue only counts in a clause that says something good or bad: a waiter who "forgot the
     * drinks" or "was a star" is the staff's theme, a waiter who "brought the menu" is no theme.
     */
    judged: z.boolean().default(CUE_DEFAULTS.judged),
  }),
);

const themeSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'theme ids are snake_case'),
  label: z.string().trim().min(1).max(80),
  group: z.string().trim().min(1).max(40),
  description: z.string().trim().max(400).default(''),
  /** Sentiment when nothing around the cue says otherwise (a long wait is a complaint by itself). */
  defaultSentiment: sentimentLabelSchema.default('neutral'),
  /**
   * How a problem was handled or what it cost the customer (a wait, a transfer, having to chase, a
   * threat to leave) rather than what it was: the main theme only when no other problem is told.
   */
  backdrop: z.boolean().default(false),
  cues: z.array(cueSchema).min(1),
});

export const themeTaxonomySchema = z
  .strictObject({
    name: z.string().trim().min(1).max(80),
    version: z.string().trim().min(1).max(40),
    /**
     * Named lists of words that cues use by name: the roles of people who serve customers, the things a
     * courier carries. A word added to a list reaches every cue that names it.
     */
    wordLists: z.record(z.string(), wordListSchema).default({}),
    /** `extend` adds to / overrides the built-in themes by id; `replace` (default) stands alone. */
    mode: z.enum(['replace', 'extend']).default('replace'),
    themes: z.array(themeSchema).min(1),
  })
  .superRefine((taxonomy, ctx) => {
    for (const name of Object.keys(taxonomy.wordLists)) {
      const problem = wordListNameProblem(name);
      if (problem) ctx.addIssue({ code: 'custom', path: ['wordLists', name], message: problem });
    }
    const seen = new Set<string>();
    taxonomy.themes.forEach((theme, index) => {
      if (seen.has(theme.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['themes', index, 'id'],
          message: `duplicate theme id ${theme.id}`,
        });
      }
      seen.add(theme.id);
    });
  });

export type ThemeTaxonomyDefinition = z.infer<typeof themeTaxonomySchema>;
export type {
  CompiledCue,
  CompiledTheme,
  Term,
  TermAlternative,
  ThemeSentiment,
  ThemeTaxonomy,
} from './compiled-taxonomy.js';

/** Raised for a taxonomy file that does not follow the schema, with every problem listed. */
export class InvalidTaxonomyError extends Error {
  constructor(readonly issues: string[]) {
    super(`invalid theme taxonomy: ${issues.join('; ')}`);
    this.name = 'InvalidTaxonomyError';
  }
}

/** Each shorthand's stem with the full word and its stem. */
function readAbbreviations() {
  return Object.entries(CX_ABBREVIATIONS).map(([short, full]) => ({
    shortStem: stemWord(short),
    full,
    fullStem: stemWord(full),
  }));
}
type Abbreviation = ReturnType<typeof readAbbreviations>[number];

/**
 * The shorthand of each full word's stem, and of each start of a full word (what a prefix alternative
 * such as `cancel*` reads): one lookup per alternative. Built when a taxonomy is first compiled, which a
 * cold start with the built-in taxonomy never does.
 */
function indexAbbreviations() {
  const all = readAbbreviations();
  const byFullStem = new Map<string, Abbreviation[]>();
  const byFullStart = new Map<string, Abbreviation[]>();
  for (const abbreviation of all) {
    const { full, fullStem } = abbreviation;
    byFullStem.set(fullStem, [...(byFullStem.get(fullStem) ?? []), abbreviation]);
    // From one letter on: a bare `*` (no letter) reads every word already, its shorthand with it.
    for (let end = 1; end <= full.length; end++) {
      const start = full.slice(0, end);
      byFullStart.set(start, [...(byFullStart.get(start) ?? []), abbreviation]);
    }
  }
  return { all, byFullStem, byFullStart };
}
type AbbreviationIndex = ReturnType<typeof indexAbbreviations>;
let abbreviationIndex: AbbreviationIndex | undefined;

/** The shorthand that an alternative of a term reads as its full word. */
function shorthandOfAlternative(
  index: AbbreviationIndex,
  alternative: TermAlternative,
): readonly Abbreviation[] {
  if (alternative.kind === 'stem') return index.byFullStem.get(alternative.stem) ?? [];
  if (alternative.kind === 'prefix') return index.byFullStart.get(alternative.prefix) ?? [];
  return [];
}

/** The shorthand that some alternative of a term reads as its full word, in the list's order. */
function shorthandOf(alternatives: readonly TermAlternative[]): Abbreviation[] {
  abbreviationIndex ??= indexAbbreviations();
  const index = abbreviationIndex;
  const found = new Set(alternatives.flatMap((alternative) => shorthandOfAlternative(index, alternative)));
  return found.size === 0 ? [] : index.all.filter((abbreviation) => found.has(abbreviation));
}

/**
 * A term's alternatives, each once: "wait|waits|waiting" is one stem. The words of the word lists it
 * names come first, in the list's order, so that the compiled file can write a list's name for them.
 */
function compileTerm(term: string, lists: WordLists = {}): Term {
  const alternatives: Term = [];
  const seen = new Set<string>();
  const add = (alternative: TermAlternative) => {
    const key = alternativeText(alternative);
    if (seen.has(key)) return;
    seen.add(key);
    alternatives.push(alternative);
  };
  const plainWords: string[] = [];
  for (const word of term.split('|')) {
    const list = listNamed(lists, word);
    if (list) list.forEach(add);
    else plainWords.push(word);
  }
  const listed = alternatives.length;
  for (const written of plainWords) {
    // A word class is named in capitals; every other word is matched in lower case.
    const alternative = readAlternative(wordClassNamed(written) ? written : written.toLowerCase());
    add(alternative.kind === 'stem' ? { kind: 'stem', stem: stemWord(alternative.stem) } : alternative);
  }
  // A term that reads "flight" or "cancel*" reads "flt" and "cxld" too: shorthand is the same word.
  // (A list's words came with their shorthand.)
  for (const { shortStem } of shorthandOf(alternatives.slice(listed))) add({ kind: 'stem', stem: shortStem });
  return alternatives;
}

/** Each word list as one compiled term, as a cue that names it reads it. */
function compileWordLists(lists: Readonly<Record<string, string>>): WordLists {
  return Object.fromEntries(Object.entries(lists).map(([name, words]) => [name, compileTerm(words)]));
}

function compileTheme(theme: ThemeTaxonomyDefinition['themes'][number], lists: WordLists): CompiledTheme {
  const term = (text: string) => compileTerm(text.replaceAll(' ', '|'), lists);
  return themeWithCues(
    theme,
    theme.cues.map((cue): CompiledCue => {
      const patterns = Array.isArray(cue.pattern) ? cue.pattern : [cue.pattern];
      return {
        sequences: patterns.map((pattern) => pattern.split(/\s+/).map((words) => compileTerm(words, lists))),
        window: cue.window,
        negatable: cue.negatable,
        judged: cue.judged,
        ...(cue.sentiment && { sentiment: cue.sentiment }),
        ...(cue.near && { near: term(cue.near) }),
        ...(cue.unless && { unless: term(cue.unless) }),
        ...(cue.notAfter && { notAfter: term(cue.notAfter) }),
        ...(cue.notBefore && { notBefore: term(cue.notBefore) }),
      };
    }),
  );
}

/**
 * Validates and compiles a taxonomy definition (parsed JSON). With `mode: "extend"`, its themes are
 * merged over `base` (by id), so an account can add or refine a few themes without copying the rest.
 * Its cues may name `base`'s word lists as well as its own (its own win by name).
 */
export function loadTaxonomy(definition: unknown, base: ThemeTaxonomy = builtInTaxonomy): ThemeTaxonomy {
  const result = themeTaxonomySchema.safeParse(definition);
  if (!result.success) {
    throw new InvalidTaxonomyError(issueLines(result.error.issues));
  }
  const wordLists: WordLists = { ...base.wordLists, ...compileWordLists(result.data.wordLists) };
  const unknownLists = unknownListIssues(result.data.themes, wordLists);
  if (unknownLists.length > 0) throw new InvalidTaxonomyError(unknownLists);
  const own = result.data.themes.map((theme) => compileTheme(theme, wordLists));
  const lists = Object.keys(wordLists).length > 0 ? { wordLists } : {};
  if (result.data.mode === 'replace')
    return { name: result.data.name, version: result.data.version, themes: own, ...lists };
  const ownIds = new Set(own.map((theme) => theme.id));
  return {
    name: `${base.name}+${result.data.name}`,
    version: `${base.version}+${result.data.version}`,
    themes: [...base.themes.filter((theme) => !ownIds.has(theme.id)), ...own],
    ...lists,
  };
}

/**
 * The CX taxonomy shipped with closeloop (contact centre, operations, money, product, people), edited in
 * `taxonomy/cx-taxonomy.json` and read compiled (see `compiled-taxonomy.ts`) and packed (`packed-data.ts`).
 */
export const builtInTaxonomy: ThemeTaxonomy = readCompiledTaxonomy(
  unpackJson(compiledTaxonomyJson as PackedJson) as CompiledTaxonomyFile,
);
