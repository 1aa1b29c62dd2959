import { oncePerObject } from '../once-per-object.js';
import { type Lexeme, LexemeCache, LexemeNumbers } from '../text/lexemes.js';
import type { Token } from '../text/tokenize.js';
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
  /**
   * The cue's own sentiment as -1, 0 or 1: read off the entry, as the cues themselves, built with
   * optional fields, come in many shapes.
   */
  polarity: number;
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
  /** Candidates per word, worked out once: survey text repeats a small vocabulary. */
  sequencesOf: LexemeCache<IndexedSequence[]>;
  /** Per word, how many sequences can start on it: most words start none (see `LexemeNumbers`). */
  startCountOf: LexemeNumbers;
  /**
   * Per word, its candidates' `order` times two, plus one for a sequence of two or more words: what
   * the look-ahead filter reads without loading each candidate.
   */
  startCodesOf: LexemeCache<Int32Array>;
  /**
   * Per word, the widest window of the sequences of two or more words that can start on it: how far
   * `markFollowersAfter` looks for their second words (most windows are 0 to 2 words; the widest, 5).
   */
  startWindowOf: LexemeNumbers;
  /** Per word, how many sequences it can be the second word of, and their `order`s. */
  followerCountOf: LexemeNumbers;
  followerOrdersOf: LexemeCache<Int32Array>;
  /**
   * Per sequence (by `order`), the last `markFollowersAfter` look-ahead (by its number) that found its
   * second word: marks in one array instead of a list of the sequences found, so the look-ahead
   * allocates nothing.
   */
  followedIn: Int32Array;
  /** Number of the latest look-ahead. */
  lookAheads: number;
  /** Per word, the sequences whose second word it can be. */
  followersOf: LexemeCache<IndexedSequence[]>;
  /** The terms of every cue word and option, and which of them each word matches. */
  terms: TermTable;
}

/** The taxonomy's cue index, built once per taxonomy. */
export const cueIndexFor = oncePerObject((taxonomy: ThemeTaxonomy): CueIndex => {
  const index: CueIndex = {
    starts: new AlternativeIndex(),
    seconds: new AlternativeIndex(),
    sequencesOf: new LexemeCache((lexeme) => lookUp(lexeme, index.starts)),
    startCountOf: new LexemeNumbers((lexeme) => index.sequencesOf.get(lexeme).length),
    startCodesOf: new LexemeCache((lexeme) =>
      Int32Array.from(
        index.sequencesOf.get(lexeme),
        (entry) => 2 * entry.order + (entry.sequence.length > 1 ? 1 : 0),
      ),
    ),
    startWindowOf: new LexemeNumbers((lexeme) => widestWindowOf(index.sequencesOf.get(lexeme))),
    followerCountOf: new LexemeNumbers((lexeme) => index.followersOf.get(lexeme).length),
    followerOrdersOf: new LexemeCache((lexeme) =>
      Int32Array.from(index.followersOf.get(lexeme), (entry) => entry.order),
    ),
    followedIn: new Int32Array(0),
    lookAheads: 0,
    followersOf: new LexemeCache((lexeme) => lookUp(lexeme, index.seconds)),
    terms: new TermTable(),
  };
  const numberOf = (term: Term | undefined) => (term ? index.terms.add(term) : -1);
  let order = 0;
  taxonomy.themes.forEach((theme, themeIndex) => {
    for (const cue of theme.cues) {
      for (const sequence of cue.sequences) {
        const entry: IndexedSequence = {
          themeIndex,
          polarity: polarityOf(cue),
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
  return index;
});

function polarityOf(cue: CompiledCue): number {
  return cue.sentiment === 'negative' ? -1 : cue.sentiment === 'positive' ? 1 : 0;
}

/** The widest window of the sequences of two or more words among `entries`; 0 when there are none. */
function widestWindowOf(entries: readonly IndexedSequence[]): number {
  let widest = 0;
  for (const entry of entries) if (entry.sequence.length > 1) widest = Math.max(widest, entry.window);
  return widest;
}

/** The sequences filed under an alternative that this word matches. */
function lookUp(lexeme: Lexeme, index: AlternativeIndex<IndexedSequence>): IndexedSequence[] {
  const lists = index.listsMatching(lexeme);
  if (lists.length <= 1) return lists[0] ?? [];
  // A sequence filed under two alternatives that both match this token is still one candidate.
  return [...new Set(lists.flat())];
}

/**
 * Marks the sequences whose second word stands within reach after token `at`: their `followedIn` is set
 * to the number returned. A word that starts many sequences (every negator starts the "not fixed",
 * "not called back", ... cues) is then checked only against the few whose next word is really there,
 * in one pass instead of one per sequence. Only the words within the widest window of the sequences
 * that start on token `at` are read: no second word of theirs stands further.
 */
export function markFollowersAfter(tokens: readonly Token[], at: number, index: CueIndex): number {
  if (index.lookAheads === 0x7fffffff) {
    // Numbers are about to run out (after two billion look-aheads): start again from clean marks.
    index.followedIn.fill(-1);
    index.lookAheads = 0;
  }
  const lookAhead = ++index.lookAheads;
  const followedIn = index.followedIn;
  const clause = (tokens[at] as Token).clause;
  const reach = at + 1 + index.startWindowOf.of(tokens[at] as Token);
  for (let j = at + 1; j < tokens.length && j <= reach; j++) {
    const token = tokens[j] as Token;
    if (token.clause !== clause) break;
    if (index.followerCountOf.of(token) === 0) continue;
    const orders = index.followerOrdersOf.of(token);
    for (let k = 0; k < orders.length; k++) followedIn[orders[k] as number] = lookAhead;
  }
  return lookAhead;
}
