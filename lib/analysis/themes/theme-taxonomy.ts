import * as z from 'zod';
import { issueLines } from '../../feedback/issue-lines.js';
import { CX_ABBREVIATIONS } from '../lexicon/cx-abbreviations.js';
import { stemWord } from '../text/tokenize.js';
import builtInTaxonomyJson from './taxonomy/cx-taxonomy.json' with { type: 'json' };

const sentimentLabelSchema = z.enum(['negative', 'neutral', 'positive']);

/**
 * A cue pattern: words separated by spaces, each word a `|`-list of alternatives. An alternative is a
 * word (matches any word with the same Porter stem: `wait` matches "waited", "waiting"), a prefix
 * ending in `*` (`transfer*`), or `NEG` (any negator: not, never, nobody, didn't, ...).
 */
const patternSchema = z
  .string()
  .trim()
  .min(1)
  .max(400)
  .regex(/^[\p{L}\p{N}'*|\- ]+$/u, 'a pattern holds words, `|`, `*` and spaces only');

// A bare string is shorthand for `{ pattern }` with every option at its default.
const cueSchema = z.preprocess(
  (cue) => (typeof cue === 'string' ? { pattern: cue } : cue),
  z.strictObject({
    /** One pattern, or several alternatives of which any may match. */
    pattern: z.union([patternSchema, z.array(patternSchema).min(1)]),
    /** How many other words may stand between two consecutive pattern words (same clause only). */
    window: z.number().int().min(0).max(8).default(0),
    /** When true (the default), a negator just before the cue cancels it: "no wait at all". */
    negatable: z.boolean().default(true),
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
     * The cue only counts in a clause that says something good or bad: a waiter who "forgot the
     * drinks" or "was a star" is the staff's theme, a waiter who "brought the menu" is no theme.
     */
    judged: z.boolean().default(false),
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
    /** `extend` adds to / overrides the built-in themes by id; `replace` (default) stands alone. */
    mode: z.enum(['replace', 'extend']).default('replace'),
    themes: z.array(themeSchema).min(1),
  })
  .superRefine((taxonomy, ctx) => {
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
export type ThemeSentiment = z.infer<typeof sentimentLabelSchema>;

/** One alternative for one word position of a cue. */
export type TermAlternative =
  | { kind: 'stem'; stem: string }
  | { kind: 'prefix'; prefix: string }
  | { kind: 'negator' };
export type Term = TermAlternative[];

export interface CompiledCue {
  /** Alternative word sequences; any may match. */
  sequences: Term[][];
  window: number;
  negatable: boolean;
  sentiment?: ThemeSentiment;
  near?: Term;
  unless?: Term;
  notAfter?: Term;
  judged: boolean;
}

export interface CompiledTheme {
  id: string;
  label: string;
  group: string;
  description: string;
  defaultSentiment: ThemeSentiment;
  backdrop: boolean;
  cues: CompiledCue[];
}

/** A validated taxonomy ready for matching. */
export interface ThemeTaxonomy {
  name: string;
  version: string;
  themes: CompiledTheme[];
}

/** Raised for a taxonomy file that does not follow the schema, with every problem listed. */
export class InvalidTaxonomyError extends Error {
  constructor(readonly issues: string[]) {
    super(`invalid theme taxonomy: ${issues.join('; ')}`);
    this.name = 'InvalidTaxonomyError';
  }
}

/** Each shorthand's stem with the full word and its stem, worked out once. */
const abbreviations = Object.entries(CX_ABBREVIATIONS).map(([short, full]) => ({
  shortStem: stemWord(short),
  full,
  fullStem: stemWord(full),
}));
type Abbreviation = (typeof abbreviations)[number];

// The shorthand of each full word's stem, and of each start of a full word (what a prefix alternative
// such as `cancel*` reads): one lookup per alternative, as the taxonomy compiles at every cold start.
const abbreviationsByFullStem = new Map<string, Abbreviation[]>();
const abbreviationsByFullStart = new Map<string, Abbreviation[]>();
for (const abbreviation of abbreviations) {
  const { full, fullStem } = abbreviation;
  abbreviationsByFullStem.set(fullStem, [...(abbreviationsByFullStem.get(fullStem) ?? []), abbreviation]);
  for (let end = 0; end <= full.length; end++) {
    const start = full.slice(0, end);
    abbreviationsByFullStart.set(start, [...(abbreviationsByFullStart.get(start) ?? []), abbreviation]);
  }
}

/** The shorthand that an alternative of a term reads as its full word. */
function shorthandOfAlternative(alternative: TermAlternative): readonly Abbreviation[] {
  if (alternative.kind === 'stem') return abbreviationsByFullStem.get(alternative.stem) ?? [];
  if (alternative.kind === 'prefix') return abbreviationsByFullStart.get(alternative.prefix) ?? [];
  return [];
}

/** The shorthand that some alternative of a term reads as its full word, in the list's order. */
function shorthandOf(alternatives: readonly TermAlternative[]): Abbreviation[] {
  const found = new Set(alternatives.flatMap(shorthandOfAlternative));
  return found.size === 0 ? [] : abbreviations.filter((abbreviation) => found.has(abbreviation));
}

function compileTerm(term: string): Term {
  const alternatives = term.split('|').map((alternative): TermAlternative => {
    const lower = alternative.toLowerCase();
    if (alternative === 'NEG') return { kind: 'negator' };
    if (lower.endsWith('*')) return { kind: 'prefix', prefix: lower.slice(0, -1) };
    return { kind: 'stem', stem: stemWord(lower) };
  });
  // A term that reads "flight" or "cancel*" reads "flt" and "cxld" too: shorthand is the same word.
  const own = new Set(
    alternatives.flatMap((alternative) => (alternative.kind === 'stem' ? [alternative.stem] : [])),
  );
  for (const { shortStem } of shorthandOf(alternatives)) {
    if (own.has(shortStem)) continue;
    alternatives.push({ kind: 'stem', stem: shortStem });
    own.add(shortStem);
  }
  return alternatives;
}

function compilePattern(pattern: string): Term[] {
  return pattern.split(/\s+/).map(compileTerm);
}

function compileTheme(theme: ThemeTaxonomyDefinition['themes'][number]): CompiledTheme {
  return {
    id: theme.id,
    label: theme.label,
    group: theme.group,
    description: theme.description,
    defaultSentiment: theme.defaultSentiment,
    backdrop: theme.backdrop,
    cues: theme.cues.map((cue): CompiledCue => {
      const patterns = Array.isArray(cue.pattern) ? cue.pattern : [cue.pattern];
      return {
        sequences: patterns.map(compilePattern),
        window: cue.window,
        negatable: cue.negatable,
        judged: cue.judged,
        ...(cue.sentiment && { sentiment: cue.sentiment }),
        ...(cue.near && { near: compileTerm(cue.near.replaceAll(' ', '|')) }),
        ...(cue.unless && { unless: compileTerm(cue.unless.replaceAll(' ', '|')) }),
        ...(cue.notAfter && { notAfter: compileTerm(cue.notAfter.replaceAll(' ', '|')) }),
      };
    }),
  };
}

/**
 * Validates and compiles a taxonomy definition (parsed JSON). With `mode: "extend"`, its themes are
 * merged over `base` (by id), so an account can add or refine a few themes without copying the rest.
 */
export function loadTaxonomy(definition: unknown, base: ThemeTaxonomy = builtInTaxonomy): ThemeTaxonomy {
  const result = themeTaxonomySchema.safeParse(definition);
  if (!result.success) {
    throw new InvalidTaxonomyError(issueLines(result.error.issues));
  }
  const own = result.data.themes.map(compileTheme);
  if (result.data.mode === 'replace')
    return { name: result.data.name, version: result.data.version, themes: own };
  const ownIds = new Set(own.map((theme) => theme.id));
  return {
    name: `${base.name}+${result.data.name}`,
    version: `${base.version}+${result.data.version}`,
    themes: [...base.themes.filter((theme) => !ownIds.has(theme.id)), ...own],
  };
}

/** The CX taxonomy shipped with closeloop (contact centre, operations, money, product, people). */
export const builtInTaxonomy: ThemeTaxonomy = loadTaxonomy(builtInTaxonomyJson, {
  name: '',
  version: '',
  themes: [],
});
