import { oncePerObject } from '../once-per-object.js';
import { InternedRuns } from '../text/interned-runs.js';
import { type Lexeme, LexemeNumbers } from '../text/lexemes.js';
import type { Token } from '../text/tokenize.js';
import { AlternativeIndex } from './alternative-index.js';
import { matchesEveryWord } from './compiled-taxonomy.js';
import { TermTable } from './term-table.js';
import type { CompiledCue, Term, ThemeTaxonomy } from './theme-taxonomy.js';

// The taxonomy compiled for matching: built once per taxonomy (WeakMap) and reused by every comment.

/**
 * One cue sequence, filed under the alternatives of its first word. Every entry has the same fields
 * (absent options are -1, the cue's flags are copied), all numbers or flags, so that the matching loop
 * reads them from typed arrays (see `SequenceTable`).
 */
export interface IndexedSequence {
  themeIndex: number;
  /** The cue's own sentiment as -1, 0 or 1. */
  polarity: number;
  /** Its words' terms, by number in `CueIndex.terms`. */
  sequence: number[];
  window: number;
  negatable: boolean;
  judged: boolean;
  /** The numbers of the cue's `near`, `unless`, `notAfter` and `notBefore` terms; -1 where it has none. */
  near: number;
  unless: number;
  notAfter: number;
  notBefore: number;
  /** Position in taxonomy order, so ties between hits sort the same whatever the lookup order. */
  order: number;
  /** Its second word may be any word (`best *`), so no look-ahead can rule the sequence out. */
  anySecondWord: boolean;
}

/**
 * Cue sequences filed under the alternatives of one of their words. A bare `*` is filed under nothing
 * here: a sequence never starts on just any word, and one that continues on any word is never ruled out
 * by a look-ahead for its second word (`anySecondWord`).
 */
function fileUnder(index: AlternativeIndex<IndexedSequence>, term: Term, entry: IndexedSequence) {
  const filed = term.filter((alternative) => !matchesEveryWord(alternative));
  index.file(filed, entry);
}

/**
 * The taxonomy's cue sequences indexed by their first word, so that each token is checked only against
 * the cues that can start on it instead of every cue of every theme. What the matching loop reads per
 * word and per sequence is in typed arrays: a few kilobytes it reads again comment after comment, where
 * an array and an object per word and per sequence, spread over the heap, missed the processor's cache
 * on nearly every read once the comment's other steps had run (matching took ~3x its time alone).
 */
export interface CueIndex {
  /**
   * Per word, where its start plan stands in `startPlans`: how many sequences can start on it, the
   * widest window of those of two or more words (how far `markFollowersAfter` looks for their second
   * words; most windows are 0 to 2 words, the widest 5), then each one's code: its `order` times two,
   * plus one for a sequence whose second word a look-ahead can look for (see `lookedAheadFor`). Most
   * words start none.
   */
  startPlanAt: LexemeNumbers;
  startPlans: InternedRuns;
  /**
   * Per word, where its follower plan stands in `followerPlans`: how many sequences of two or more
   * words it can be the second word of, then their `order`s.
   */
  followerPlanAt: LexemeNumbers;
  followerPlans: InternedRuns;
  /** The sequences by `order`, a typed array per field (see `SequenceTable`). */
  sequences: SequenceTable;
  /**
   * Per sequence (by `order`), the last `markFollowersAfter` look-ahead (by its number) that found its
   * second word: marks in one array instead of a list of the sequences found, so the look-ahead
   * allocates nothing.
   */
  followedIn: Int32Array;
  /** Number of the latest look-ahead. */
  lookAheads: number;
  /** The terms of every cue word and option, and which of them each word matches. */
  terms: TermTable;
}

// `SequenceTable.flags`: what a cue's options say of where it counts.
export const NEGATABLE_CUE = 1;
export const JUDGED_CUE = 2;

/** The fields of `IndexedSequence` the matching loop reads, by the sequence's `order`. */
export interface SequenceTable {
  themeIndex: Int32Array;
  polarity: Int32Array;
  window: Int32Array;
  near: Int32Array;
  unless: Int32Array;
  notAfter: Int32Array;
  notBefore: Int32Array;
  /** `NEGATABLE_CUE`, `JUDGED_CUE`. */
  flags: Int32Array;
  /** Where the sequence's terms start in `terms`: its number of words, then their term numbers. */
  termsAt: Int32Array;
  terms: Int32Array;
}

/** The taxonomy's cue index, built once per taxonomy. */
export const cueIndexFor = oncePerObject((taxonomy: ThemeTaxonomy): CueIndex => {
  const starts = new AlternativeIndex<IndexedSequence>();
  // Sequences of two or more words by the alternatives of their second word.
  const seconds = new AlternativeIndex<IndexedSequence>();
  const terms = new TermTable();
  const numberOf = (term: Term | undefined) => (term ? terms.add(term) : -1);
  const entries: IndexedSequence[] = [];
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
          notBefore: numberOf(cue.notBefore),
          order: entries.length,
          anySecondWord: sequence.length > 1 && (sequence[1] as Term).some(matchesEveryWord),
        };
        entries.push(entry);
        fileUnder(starts, sequence[0] as Term, entry);
        if (sequence.length > 1 && !entry.anySecondWord) fileUnder(seconds, sequence[1] as Term, entry);
      }
    }
  });
  const startPlans = new InternedRuns();
  const followerPlans = new InternedRuns();
  return {
    startPlanAt: new LexemeNumbers((lexeme) => startPlans.add(startPlanOf(lookUp(lexeme, starts)))),
    startPlans,
    followerPlanAt: new LexemeNumbers((lexeme) => followerPlans.add(followerPlanOf(lookUp(lexeme, seconds)))),
    followerPlans,
    sequences: sequenceTableOf(entries),
    followedIn: new Int32Array(entries.length).fill(-1),
    lookAheads: 0,
    terms,
  };
});

/** A word's start plan (see `CueIndex.startPlanAt`) from the sequences that can start on it. */
function startPlanOf(entries: readonly IndexedSequence[]): number[] {
  const codes = entries.map((entry) => 2 * entry.order + (lookedAheadFor(entry) ? 1 : 0));
  return [entries.length, widestWindowOf(entries), ...codes];
}

/** How many sequences can start on a word, read off its start plan (at `plan` in `plans`). */
export function startCountIn(plans: Int32Array, plan: number): number {
  return plans[plan] as number;
}

/** The widest window of the sequences of two or more words that can start on a word, off its plan. */
export function widestWindowIn(plans: Int32Array, plan: number): number {
  return plans[plan + 1] as number;
}

/** The code of the `c`th sequence that can start on a word, off its plan. */
export function startCodeIn(plans: Int32Array, plan: number, c: number): number {
  return plans[plan + 2 + c] as number;
}

/** A word's follower plan (see `CueIndex.followerPlanAt`) from the sequences it can be the second word of. */
function followerPlanOf(entries: readonly IndexedSequence[]): number[] {
  return [entries.length, ...entries.map((entry) => entry.order)];
}

function sequenceTableOf(entries: readonly IndexedSequence[]): SequenceTable {
  const field = (read: (entry: IndexedSequence) => number) => Int32Array.from(entries, read);
  const terms: number[] = [];
  const termsAt = new Int32Array(entries.length);
  for (const entry of entries) {
    termsAt[entry.order] = terms.length;
    terms.push(entry.sequence.length, ...entry.sequence);
  }
  return {
    themeIndex: field((entry) => entry.themeIndex),
    polarity: field((entry) => entry.polarity),
    window: field((entry) => entry.window),
    near: field((entry) => entry.near),
    unless: field((entry) => entry.unless),
    notAfter: field((entry) => entry.notAfter),
    notBefore: field((entry) => entry.notBefore),
    flags: field((entry) => (entry.negatable ? NEGATABLE_CUE : 0) | (entry.judged ? JUDGED_CUE : 0)),
    termsAt,
    terms: Int32Array.from(terms),
  };
}

function polarityOf(cue: CompiledCue): number {
  return cue.sentiment === 'negative' ? -1 : cue.sentiment === 'positive' ? 1 : 0;
}

/** A sequence of two or more words whose second word is some word, not any word. */
function lookedAheadFor(entry: IndexedSequence): boolean {
  return entry.sequence.length > 1 && !entry.anySecondWord;
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
 * in one pass instead of one per sequence. Only the words within `widest`, the widest window of the
 * sequences that start on token `at` (from its start plan), are read: no second word of theirs stands
 * further.
 */
export function markFollowersAfter(
  tokens: readonly Token[],
  at: number,
  widest: number,
  index: CueIndex,
): number {
  if (index.lookAheads === 0x7fffffff) {
    // Numbers are about to run out (after two billion look-aheads): start again from clean marks.
    index.followedIn.fill(-1);
    index.lookAheads = 0;
  }
  const lookAhead = ++index.lookAheads;
  const followedIn = index.followedIn;
  const clause = (tokens[at] as Token).clause;
  const reach = at + 1 + widest;
  for (let j = at + 1; j < tokens.length && j <= reach; j++) {
    const token = tokens[j] as Token;
    if (token.clause !== clause) break;
    const plan = index.followerPlanAt.of(token);
    // Read after `of`, which may have added a plan (and so replaced the array).
    const plans = index.followerPlans.values;
    const count = plans[plan] as number;
    for (let k = 1; k <= count; k++) followedIn[plans[plan + k] as number] = lookAhead;
  }
  return lookAhead;
}
