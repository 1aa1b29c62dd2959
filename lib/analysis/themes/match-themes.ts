import type { SentimentLabel, ThemeMatch } from '../feedback-analysis.js';
import type { ClauseValences } from '../sentiment/score-lexical-sentiment.js';
import type { Token } from '../text/tokenize.js';
import {
  type CueIndex,
  cueIndexFor,
  JUDGED_CUE,
  markFollowersAfter,
  NEGATABLE_CUE,
  startCodeIn,
  startCountIn,
  widestWindowIn,
} from './cue-index.js';
import type { TermTable } from './term-table.js';
import type { ThemeTaxonomy } from './theme-taxonomy.js';

/** Weight of a cue's own polarity against the lexical valence of the clause it stands in. */
const CUE_SENTIMENT_WEIGHT = 2;
/** Below this net valence a theme mention reads as neutral. */
const THEME_SENTIMENT_THRESHOLD = 0.5;

interface CueHit {
  first: number;
  last: number;
  /** The cue's own sentiment: -1, 0 or 1. */
  polarity: number;
}

/** A hit with its theme (index in the taxonomy) and its cue sequence's position there, to break ties. */
type OrderedHit = CueHit & { themeIndex: number; order: number };

/**
 * Index of the last token of the sequence numbered `order` when it matches from `start`, else -1: each
 * next word within `window` words of the one before, in the same clause.
 */
function matchSequence(tokens: readonly Token[], start: number, order: number, index: CueIndex): number {
  const { termsAt, terms: sequenceTerms, window: windows } = index.sequences;
  const at = termsAt[order] as number;
  const length = sequenceTerms[at] as number;
  const window = windows[order] as number;
  const clause = (tokens[start] as Token).clause;
  let position = start;
  for (let t = 1; t < length; t++) {
    const term = sequenceTerms[at + 1 + t] as number;
    let found = -1;
    for (let j = position + 1; j < tokens.length && j <= position + 1 + window; j++) {
      const token = tokens[j] as Token;
      if (token.clause !== clause) break;
      if (index.terms.tokenMatches(token, term)) {
        found = j;
        break;
      }
    }
    if (found < 0) return -1;
    position = found;
  }
  return position;
}

/** Whether a word of the clause that token `at` stands in matches `term` (a clause is a run of tokens). */
function clauseHas(tokens: readonly Token[], at: number, term: number, terms: TermTable): boolean {
  const clause = (tokens[at] as Token).clause;
  for (let j = at; j >= 0 && (tokens[j] as Token).clause === clause; j--)
    if (terms.tokenMatches(tokens[j] as Token, term)) return true;
  for (let j = at + 1; j < tokens.length && (tokens[j] as Token).clause === clause; j++)
    if (terms.tokenMatches(tokens[j] as Token, term)) return true;
  return false;
}

/** Whether the word just before (`side` -1) or just after (1) token `at`, in its clause, matches `term`. */
function besideMatches(
  tokens: readonly Token[],
  at: number,
  side: -1 | 1,
  term: number,
  terms: TermTable,
): boolean {
  const beside = tokens[at + side];
  return (
    beside !== undefined && beside.clause === (tokens[at] as Token).clause && terms.tokenMatches(beside, term)
  );
}

// Below this many candidates on one word, each sequence is simply tried.
const MANY_CANDIDATES = 3;

/**
 * Every cue hit in the text, sorted `byThemeThenPosition`; undefined if none. One list for all themes:
 * a comment hits a theme or two, and a slot per theme of the taxonomy, made for every comment with a
 * hit, then walked, was a good part of this step's time.
 */
function findCueHits(
  tokens: readonly Token[],
  taxonomy: ThemeTaxonomy,
  clauseValence: ClauseValences,
): OrderedHit[] | undefined {
  const index = cueIndexFor(taxonomy);
  let hits: OrderedHit[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const plan = index.startPlanAt.of(token);
    // Read after `of`, which may have added a plan (and so replaced the array).
    const plans = index.startPlans.values;
    const count = startCountIn(plans, plan);
    if (count === 0) continue;
    // With many candidates, a sequence of two or more words whose second word is not within reach is
    // skipped, read off its code (see `CueIndex.startPlanAt`).
    const lookAhead =
      count >= MANY_CANDIDATES ? markFollowersAfter(tokens, i, widestWindowIn(plans, plan), index) : -1;
    for (let c = 0; c < count; c++) {
      const code = startCodeIn(plans, plan, c);
      const order = code >> 1;
      if (lookAhead >= 0 && (code & 1) === 1 && index.followedIn[order] !== lookAhead) continue;
      const last = cueHitAt(tokens, i, order, index, clauseValence);
      if (last < 0) continue;
      const { polarity, themeIndex } = index.sequences;
      const hit = {
        first: i,
        last,
        polarity: polarity[order] as number,
        themeIndex: themeIndex[order] as number,
        order,
      };
      if (hits) hits.push(hit);
      else hits = [hit];
    }
  }
  if (hits && hits.length > 1) sortHits(hits);
  return hits;
}

/**
 * Index of the last token of the sequence numbered `order` when it hits from token `at`, with every
 * option of its cue met, else -1.
 */
function cueHitAt(
  tokens: readonly Token[],
  at: number,
  order: number,
  index: CueIndex,
  clauseValence: ClauseValences,
): number {
  const { flags, near, unless, notAfter, notBefore } = index.sequences;
  const token = tokens[at] as Token;
  const cueFlags = flags[order] as number;
  if ((cueFlags & NEGATABLE_CUE) !== 0 && token.negated) return -1;
  // A judged cue counts only where its clause says something good or bad.
  if (
    (cueFlags & JUDGED_CUE) !== 0 &&
    Math.abs(clauseValence.get(token.clause) ?? 0) < THEME_SENTIMENT_THRESHOLD
  )
    return -1;
  const last = matchSequence(tokens, at, order, index);
  if (last < 0) return -1;
  const nearTerm = near[order] as number;
  if (nearTerm >= 0 && !clauseHas(tokens, at, nearTerm, index.terms)) return -1;
  const unlessTerm = unless[order] as number;
  if (unlessTerm >= 0 && clauseHas(tokens, at, unlessTerm, index.terms)) return -1;
  const notAfterTerm = notAfter[order] as number;
  if (notAfterTerm >= 0 && besideMatches(tokens, at, -1, notAfterTerm, index.terms)) return -1;
  const notBeforeTerm = notBefore[order] as number;
  if (notBeforeTerm >= 0 && besideMatches(tokens, last, 1, notBeforeTerm, index.terms)) return -1;
  return last;
}

/**
 * Theme by theme in taxonomy order; within a theme, reading order, a longer hit first where two start
 * on the same word, then taxonomy order. No two hits compare equal (a sequence hits once per word).
 */
function byThemeThenPosition(a: OrderedHit, b: OrderedHit): number {
  return a.themeIndex - b.themeIndex || a.first - b.first || b.last - a.last || a.order - b.order;
}

// Up to this many hits (nearly every comment), an insertion sort beats calling the built-in sort.
const FEW_HITS = 16;

/** Sorts hits `byThemeThenPosition`: the same order either way, as no two hits compare equal. */
function sortHits(hits: OrderedHit[]): void {
  if (hits.length > FEW_HITS) {
    hits.sort(byThemeThenPosition);
    return;
  }
  for (let k = 1; k < hits.length; k++) {
    const hit = hits[k] as OrderedHit;
    let j = k - 1;
    for (; j >= 0 && byThemeThenPosition(hits[j] as OrderedHit, hit) > 0; j--)
      hits[j + 1] = hits[j] as OrderedHit;
    hits[j + 1] = hit;
  }
}

/** The words of the text a hit stands on. */
function evidenceOf(text: string, tokens: readonly Token[], hit: CueHit): string {
  return text.slice((tokens[hit.first] as Token).start, (tokens[hit.last] as Token).end);
}

function labelFor(valence: number): SentimentLabel | undefined {
  if (valence <= -THEME_SENTIMENT_THRESHOLD) return 'negative';
  if (valence >= THEME_SENTIMENT_THRESHOLD) return 'positive';
  return undefined;
}

/** The themes of a comment, and how many of those found negative are complaints (see `readThemes`). */
export interface ThemeReading {
  matches: ThemeMatch[];
  /** Themes that are complaints by nature (a wait, a delay: their default sentiment is negative). */
  complaints: number;
  /**
   * Other themes told by a cue that is a complaint in itself ("the front desk shrugged", "another
   * burst main"): a complaint told as a fact, with no word of the lexicon in it.
   */
  complaintsByCue: number;
}

/**
 * Finds the taxonomy's themes in tokenised text. Each theme carries the words that triggered it and
 * its own sentiment: the cues' polarity plus the lexical valence of the clauses they stand in, falling
 * back to the theme's default and then to the comment's overall sentiment.
 */
export function matchThemes(
  text: string,
  tokens: readonly Token[],
  taxonomy: ThemeTaxonomy,
  clauseValence: ClauseValences,
  overall: SentimentLabel,
): ThemeMatch[] {
  return readThemes(text, tokens, taxonomy, clauseValence, overall).matches;
}

/**
 * `matchThemes`, with counts of the themes found negative that are complaints. A theme found negative
 * only through its clause's words ("the app is awful") is no count: the lexicon has counted it.
 */
export function readThemes(
  text: string,
  tokens: readonly Token[],
  taxonomy: ThemeTaxonomy,
  clauseValence: ClauseValences,
  overall: SentimentLabel,
): ThemeReading {
  const matches: ThemeMatch[] = [];
  let complaints = 0;
  let complaintsByCue = 0;
  const hits = findCueHits(tokens, taxonomy, clauseValence);
  if (!hits) return { matches, complaints, complaintsByCue };
  for (let from = 0; from < hits.length; ) {
    const themeIndex = (hits[from] as OrderedHit).themeIndex;
    let to = from + 1;
    while (to < hits.length && (hits[to] as OrderedHit).themeIndex === themeIndex) to++;
    const theme = taxonomy.themes[themeIndex] as ThemeTaxonomy['themes'][number];
    // Made with its first piece (a theme's first hit gives one): a first push onto an empty array
    // would reserve room for 17, and most themes hold one piece of evidence.
    const firstHit = hits[from] as OrderedHit;
    const evidence = [evidenceOf(text, tokens, firstHit)];
    let cuePolarity = firstHit.polarity;
    let coveredUntil = firstHit.last;
    for (let h = from + 1; h < to; h++) {
      const hit = hits[h] as OrderedHit;
      cuePolarity += hit.polarity;
      // Overlapping hits (two cues on the same words) give one piece of evidence.
      if (hit.first <= coveredUntil) continue;
      evidence.push(evidenceOf(text, tokens, hit));
      coveredUntil = hit.last;
    }
    let valence = cuePolarity * CUE_SENTIMENT_WEIGHT;
    // Each clause a hit stands in counts once, in reading order (the order of the sum matters to the
    // last bit). A theme's hits come in reading order, so a clause's hits are neighbours: a clause is
    // new when it differs from the one before, and no set is needed.
    let lastClause = -1;
    for (let h = from; h < to; h++) {
      const clause = (tokens[(hits[h] as OrderedHit).first] as Token).clause;
      if (clause === lastClause) continue;
      valence += clauseValence.get(clause) ?? 0;
      lastClause = clause;
    }
    const sentiment =
      labelFor(valence) ?? (theme.defaultSentiment !== 'neutral' ? theme.defaultSentiment : overall);
    if (sentiment === 'negative' && theme.defaultSentiment === 'negative') complaints++;
    else if (sentiment === 'negative' && cuePolarity < 0) complaintsByCue++;
    matches.push({ id: theme.id, label: theme.label, group: theme.group, sentiment, evidence });
    from = to;
  }
  return { matches, complaints, complaintsByCue };
}
