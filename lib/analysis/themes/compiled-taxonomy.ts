// A taxonomy compiled for matching, and the file that holds the built-in one already compiled. Compiling
// the built-in taxonomy (validating 337 cues, stemming every word of 1,182 terms, adding shorthand) took
// ~40 ms of every cold start; `npm run build:tables` does it once, and a cold start reads the result.

export type ThemeSentiment = 'negative' | 'neutral' | 'positive';

/** One alternative for one word position of a cue. */
export type TermAlternative =
  | { kind: 'stem'; stem: string }
  | { kind: 'prefix'; prefix: string }
  | { kind: 'word'; word: string }
  | { kind: 'negator' }
  | { kind: 'givenName' };
export type Term = TermAlternative[];

/** Whether an alternative is a bare `*`: an empty prefix, which every word has. */
export function matchesEveryWord(alternative: TermAlternative): boolean {
  return alternative.kind === 'prefix' && alternative.prefix === '';
}

export interface CompiledCue {
  /** Alternative word sequences; any may match. */
  sequences: Term[][];
  window: number;
  negatable: boolean;
  sentiment?: ThemeSentiment;
  near?: Term;
  unless?: Term;
  notAfter?: Term;
  notBefore?: Term;
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

/** Named lists of words (`STAFF`: agent, waiter, nurse, ...), each compiled as one term. */
export type WordLists = Readonly<Record<string, Term>>;

/** A validated taxonomy ready for matching. */
export interface ThemeTaxonomy {
  name: string;
  version: string;
  themes: CompiledTheme[];
  /** Its named word lists, which an account's taxonomy extending it may use in its own cues. */
  wordLists?: WordLists;
}

/** A cue's options when its definition leaves them out: the schema's defaults and the file's. */
export const CUE_DEFAULTS = { window: 0, negatable: true, judged: false } as const;

/**
 * A term as the file writes it: its alternatives joined by `|`, a stem as itself, a prefix with its
 * `*`, any negator as `NEG`, any given name as `NAME` (a stem is lower case, so never either). A
 * sequence's terms are joined by a space, as in a taxonomy's own patterns, but every word is already
 * its stem.
 */
type TermText = string;

/** One sequence, or several. */
type SequencesText = TermText | TermText[];

/**
 * A cue as the file writes it, in short: every cold start reads ~400 of them, and their option names
 * written out took ~12 KB of the ingest bundle. A cue with no option other than its defaults is its
 * sequences alone; any other is `s`, its sequences, with the options that differ from the defaults:
 * `w` its window, `n: 0` not negatable, `j: 1` judged, `p` its sentiment as -1, 0 or 1, `a` the words
 * it must stand near (`near`), `u` those it must not (`unless`), `b` those that must not stand just
 * before it (`notAfter`), `f` those that must not stand just after it (`notBefore`).
 */
type CompiledCueFile =
  | SequencesText
  | {
      s: SequencesText;
      w?: number;
      n?: 0;
      j?: 1;
      p?: Polarity;
      a?: TermText;
      u?: TermText;
      b?: TermText;
      f?: TermText;
    };

type Polarity = -1 | 0 | 1;
const POLARITY_OF: Readonly<Record<ThemeSentiment, Polarity>> = { negative: -1, neutral: 0, positive: 1 };
const SENTIMENT_OF: Readonly<Record<Polarity, ThemeSentiment>> = {
  [-1]: 'negative',
  0: 'neutral',
  1: 'positive',
};

export interface CompiledTaxonomyFile {
  name: string;
  version: string;
  /**
   * Each word list compiled. A term that holds a list's words writes the list's name instead: the
   * `STAFF` list alone would otherwise be written out in a dozen cues of every cold start's file.
   */
  wordLists?: Record<string, TermText>;
  themes: Array<Omit<CompiledTheme, 'cues'> & { cues: CompiledCueFile[] }>;
}

/**
 * An alternative as a pattern writes it: a stem, a prefix with its `*`, a word with its `=`, `NEG` or
 * `NAME`.
 */
export function alternativeText(alternative: TermAlternative): string {
  if (alternative.kind === 'negator') return 'NEG';
  if (alternative.kind === 'givenName') return 'NAME';
  if (alternative.kind === 'word') return `=${alternative.word}`;
  return alternative.kind === 'prefix' ? `${alternative.prefix}*` : alternative.stem;
}

function termText(term: Term): TermText {
  return term.map(alternativeText).join('|');
}

/**
 * The file form of a compiled taxonomy: what `npm run build:tables` writes for the built-in one. A term
 * that holds all of a word list's words in its order (as `compileTerm` puts them) writes the list's name.
 */
export function writeCompiledTaxonomy(taxonomy: ThemeTaxonomy): CompiledTaxonomyFile {
  const lists = Object.entries(taxonomy.wordLists ?? {}).map(
    ([name, term]) => [name, `|${termText(term)}|`] as const,
  );
  const write = (term: Term): TermText => {
    let text = `|${termText(term)}|`;
    for (const [name, words] of lists) text = text.replace(words, `|${name}|`);
    return text.slice(1, -1);
  };
  return {
    name: taxonomy.name,
    version: taxonomy.version,
    ...(lists.length > 0 && {
      wordLists: Object.fromEntries(lists.map(([name, words]) => [name, words.slice(1, -1)])),
    }),
    themes: taxonomy.themes.map(({ cues, ...theme }) => ({
      ...theme,
      cues: cues.map((cue) => writeCue(cue, write)),
    })),
  };
}

function writeCue(cue: CompiledCue, write: (term: Term) => TermText): CompiledCueFile {
  const sequences = cue.sequences.map((sequence) => sequence.map(write).join(' '));
  const s = sequences.length === 1 ? (sequences[0] as TermText) : sequences;
  const options = {
    ...(cue.window !== CUE_DEFAULTS.window && { w: cue.window }),
    ...(cue.negatable !== CUE_DEFAULTS.negatable && { n: 0 as const }),
    ...(cue.judged !== CUE_DEFAULTS.judged && { j: 1 as const }),
    ...(cue.sentiment && { p: POLARITY_OF[cue.sentiment] }),
    ...(cue.near && { a: write(cue.near) }),
    ...(cue.unless && { u: write(cue.unless) }),
    ...(cue.notAfter && { b: write(cue.notAfter) }),
    ...(cue.notBefore && { f: write(cue.notBefore) }),
  };
  return Object.keys(options).length === 0 ? s : { s, ...options };
}

/**
 * The classes of words a pattern names in capitals, as no word is written: each with the alternative it
 * reads as and what it stands for.
 */
const WORD_CLASSES: Readonly<Record<string, { alternative: TermAlternative; means: string }>> = {
  NEG: { alternative: { kind: 'negator' }, means: 'any negator' },
  NAME: { alternative: { kind: 'givenName' }, means: "any person's given name" },
};

/** The word class `text` names (`NEG`, `NAME`), if it names one. */
export function wordClassNamed(text: string): { alternative: TermAlternative; means: string } | undefined {
  return Object.hasOwn(WORD_CLASSES, text) ? WORD_CLASSES[text] : undefined;
}

/**
 * An alternative as a pattern or a compiled file writes it: `NEG`, `NAME`, a prefix with its `*`, a word
 * with its `=`, else a stem. A compiled file's stem is one already; a pattern's word is stemmed by
 * `compileTerm`.
 */
export function readAlternative(text: string): TermAlternative {
  const wordClass = wordClassNamed(text);
  if (wordClass) return wordClass.alternative;
  if (text.endsWith('*')) return { kind: 'prefix', prefix: text.slice(0, -1) };
  if (text.startsWith('=')) return { kind: 'word', word: text.slice(1) };
  return { kind: 'stem', stem: text };
}

/**
 * The taxonomy a compiled file holds. Terms that read the same are one array (the lists of negators
 * and determiners recur in hundreds of cues); nothing changes a term once it is compiled.
 */
export function readCompiledTaxonomy(file: CompiledTaxonomyFile): ThemeTaxonomy {
  const terms = new Map<TermText, Term>();
  const lists = new Map(
    Object.entries(file.wordLists ?? {}).map(([name, words]) => [
      name,
      words.split('|').map(readAlternative),
    ]),
  );
  const readTerm = (text: TermText): Term => {
    let term = terms.get(text);
    if (term === undefined) {
      term = text.split('|').flatMap((word) => lists.get(word) ?? [readAlternative(word)]);
      terms.set(text, term);
    }
    return term;
  };
  return {
    name: file.name,
    version: file.version,
    ...(lists.size > 0 && { wordLists: Object.fromEntries(lists) }),
    themes: file.themes.map((theme) =>
      themeWithCues(
        theme,
        theme.cues.map((cue) => readCue(cue, readTerm)),
      ),
    ),
  };
}

/**
 * A theme with its compiled cues, written out field by field: themes made by spreading took shapes of
 * their own, and every read of a theme's fields while matching went through V8's slowest (megamorphic)
 * lookup. The built-in taxonomy and an account's own are both made here, so all share one shape.
 */
export function themeWithCues(theme: Omit<CompiledTheme, 'cues'>, cues: CompiledCue[]): CompiledTheme {
  return {
    id: theme.id,
    label: theme.label,
    group: theme.group,
    description: theme.description,
    defaultSentiment: theme.defaultSentiment,
    backdrop: theme.backdrop,
    cues,
  };
}

function readCue(cue: CompiledCueFile, readTerm: (text: TermText) => Term): CompiledCue {
  const options = typeof cue === 'string' || Array.isArray(cue) ? { s: cue } : cue;
  const sequences = typeof options.s === 'string' ? [options.s] : options.s;
  return {
    sequences: sequences.map((sequence) => sequence.split(' ').map(readTerm)),
    window: options.w ?? CUE_DEFAULTS.window,
    negatable: options.n === undefined ? CUE_DEFAULTS.negatable : false,
    judged: options.j === undefined ? CUE_DEFAULTS.judged : true,
    ...(options.p !== undefined && { sentiment: SENTIMENT_OF[options.p] }),
    ...(options.a && { near: readTerm(options.a) }),
    ...(options.u && { unless: readTerm(options.u) }),
    ...(options.b && { notAfter: readTerm(options.b) }),
    ...(options.f && { notBefore: readTerm(options.f) }),
  };
}
