import { type Lexeme, LexemeCache, LexemeNumbers } from '../text/lexemes.js';
import { AlternativeIndex } from './alternative-index.js';
import { TermTable } from './term-table.js';
import type { CompiledCue, Term, ThemeTaxonomy } from './theme-taxonomy.js';

// The taxonomy compiled for matching: built once per taxonomy (WeakMap) and reused by every comment.

/**
 * One cue sequence, filed under the alternatives of its first word. Every entry has the same fields
 * (absent options are -1, the cue's flags are copied): the matching loop reads entries of one shape,
 * where optional fields made eight.
 */
export interface IndexedSequence {
  themeIndex: number;
  cue: CompiledCue;
  /** Its words' terms, by number in `CueIndex.terms`. */
  sequence: number[];
  window: number;
  negatable: boolean;
  judged: boolean;
  /** The numbers of the cue's `near`, `unless` and `notAfter` terms; -1 where it has none. */
  near: number;
  unless: number;
  notAfter: number;
  /** Position in taxonomy order, so ties between hits sort the same whatever the lookup order. */
  order: number;
}

/**
 * Cue sequences filed under the alternatives of one of their words. A bare `*` (an empty prefix, which
 * every word has) is filed under nothing here: a sequence never starts or continues on just any word.
 */
function fileUnder(index: AlternativeIndex<IndexedSequence>, term: Term, entry: IndexedSequence) {
  const filed = term.filter((alternative) => alternative.kind !== 'prefix' || alternative.prefix !== '');
  index.file(filed, entry);
}

/**
 * The taxonomy's cue sequences indexed by their first word, so that each token is checked only against
 * the cues that can start on it instead of every cue of every theme.
 */
export interface CueIndex {
  starts: AlternativeIndex<IndexedSequence>;
  /** Sequences of two or more words by the alternatives of their second word. */
  seconds: AlternativeIndex<IndexedSequence>;
  /** The widest window of any cue: how far after its first word a sequence's second word can stand. */
  widestWindow: number;
  /** Candidates per word, worked out once: survey text repeats a small vocabulary. */
  sequencesOf: LexemeCache<IndexedSequence[]>;
  /** Per word, how many sequences can start on it: most words start none (see `LexemeNumbers`). */
  startCountOf: LexemeNumbers;
  /** Per word that starts `MANY_STARTS` sequences or more, its sequences sorted for the look-ahead. */
  manyStartsOf: LexemeCache<ManyStarts>;
  /**
   * Per word, a bit (`firstTermBit`) for the first term of each sequence it can be the second word of:
   * 0 for most words. A word within reach whose bits share none with a `ManyStarts`' is no second word
   * of its sequences, told without looking them up.
   */
  firstTermsBefore: LexemeNumbers;
  /**
   * Per sequence (by `order`), the last look-ahead (by its number, see `nextLookAhead`) that tried it:
   * a sequence whose second word stands twice within reach is tried once. Marks in one array, so the
   * look-ahead allocates nothing.
   */
  followedIn: Int32Array;
  /** Number of the latest look-ahead. */
  lookAheads: number;
  /** Per word, the sequences whose second word it can be. */
  followersOf: LexemeCache<IndexedSequence[]>;
  /** The terms of every cue word and option, and which of them each word matches. */
  terms: TermTable;
}

const cueIndexes = new WeakMap<ThemeTaxonomy, CueIndex>();

export function cueIndexFor(taxonomy: ThemeTaxonomy): CueIndex {
  const cached = cueIndexes.get(taxonomy);
  if (cached) return cached;
  const index: CueIndex = {
    starts: new AlternativeIndex(),
    seconds: new AlternativeIndex(),
    widestWindow: 0,
    sequencesOf: new LexemeCache((lexeme) => lookUp(lexeme, index.starts)),
    startCountOf: new LexemeNumbers((lexeme) => index.sequencesOf.get(lexeme).length),
    manyStartsOf: new LexemeCache((lexeme) => manyStarts(index.sequencesOf.get(lexeme))),
    firstTermsBefore: new LexemeNumbers((lexeme) => firstTermBits(index.followersOf.get(lexeme))),
    followedIn: new Int32Array(0),
    lookAheads: 0,
    followersOf: new LexemeCache((lexeme) => lookUp(lexeme, index.seconds)),
    terms: new TermTable(),
  };
  const numberOf = (term: Term | undefined) => (term ? index.terms.add(term) : -1);
  let order = 0;
  taxonomy.themes.forEach((theme, themeIndex) => {
    for (const cue of theme.cues) {
      index.widestWindow = Math.max(index.widestWindow, cue.window);
      for (const sequence of cue.sequences) {
        const entry: IndexedSequence = {
          themeIndex,
          cue,
          sequence: sequence.map(numberOf),
          window: cue.window,
          negatable: cue.negatable,
          judged: cue.judged,
          near: numberOf(cue.near),
          unless: numberOf(cue.unless),
          notAfter: numberOf(cue.notAfter),
          order: order++,
        };
        fileUnder(index.starts, sequence[0] as Term, entry);
        if (sequence.length > 1) fileUnder(index.seconds, sequence[1] as Term, entry);
      }
    }
  });
  index.followedIn = new Int32Array(order).fill(-1);
  cueIndexes.set(taxonomy, index);
  return index;
}

/** The sequences filed under an alternative that this word matches. */
function lookUp(lexeme: Lexeme, index: AlternativeIndex<IndexedSequence>): IndexedSequence[] {
  const lists = index.listsMatching(lexeme);
  if (lists.length <= 1) return lists[0] ?? [];
  // A sequence filed under two alternatives that both match this token is still one candidate.
  return [...new Set(lists.flat())];
}

/** Below this many sequences on one word, each is simply tried (see `ManyStarts`). */
export const MANY_STARTS = 3;

/**
 * The sequences a word that starts many of them can begin, split for the look-ahead. Every negator
 * starts the "not fixed", "not called back", ... cues, some forty sequences of which a comment holds
 * the second word of one or two: they are tried when a word within reach can be their second word,
 * found by that word, so the other sequences are neither tried nor stepped over.
 */
export interface ManyStarts {
  /** The one-word sequences, always tried. */
  singles: IndexedSequence[];
  /** The sequences of two or more words. */
  longer: IndexedSequence[];
  /** Their first terms' bits (see `firstTermBits`). */
  firstTerms: number;
  /**
   * By the id of a word met within reach, the `longer` sequences whose second word it can be. A map,
   * not a `LexemeCache`: an array by id per starting word, as long as the vocabulary, missed the
   * processor's cache on most reads.
   */
  reachedBy: Map<number, IndexedSequence[]>;
}

const NONE_REACHED: IndexedSequence[] = [];

/** One of 32 bits per first term of the sequences: a sequence's bit is set, the others may be too. */
function firstTermBits(sequences: readonly IndexedSequence[]): number {
  let bits = 0;
  for (const entry of sequences) bits |= 1 << ((entry.sequence[0] as number) & 31);
  return bits;
}

function manyStarts(sequences: IndexedSequence[]): ManyStarts {
  return {
    singles: sequences.filter((entry) => entry.sequence.length === 1),
    longer: sequences.filter((entry) => entry.sequence.length > 1),
    firstTerms: firstTermBits(sequences.filter((entry) => entry.sequence.length > 1)),
    reachedBy: new Map(),
  };
}

/** The sequences of `starts` whose second word `lexeme` can be. */
export function sequencesReachedBy(index: CueIndex, starts: ManyStarts, lexeme: Lexeme): IndexedSequence[] {
  if ((index.firstTermsBefore.get(lexeme) & starts.firstTerms) === 0) return NONE_REACHED;
  const known = starts.reachedBy.get(lexeme.id);
  if (known) return known;
  const followers = new Set(index.followersOf.get(lexeme));
  const reached = starts.longer.filter((entry) => followers.has(entry));
  if (lexeme.id >= 0) starts.reachedBy.set(lexeme.id, reached.length > 0 ? reached : NONE_REACHED);
  return reached;
}

/** A new look-ahead number: sequences whose `followedIn` holds it have been tried in this look-ahead. */
export function nextLookAhead(index: CueIndex): number {
  if (index.lookAheads === 0x7fffffff) {
    // Numbers are about to run out (after two billion look-aheads): start again from clean marks.
    index.followedIn.fill(-1);
    index.lookAheads = 0;
  }
  return ++index.lookAheads;
}
