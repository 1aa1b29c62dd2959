import type { SentimentLabel, ThemeMatch } from '../feedback-analysis.js';
import type { Token } from '../text/tokenize.js';
import { cueIndexFor, type IndexedSequence, markFollowersAfter } from './cue-index.js';
import type { TermTable } from './term-table.js';
import type { CompiledCue, ThemeTaxonomy } from './theme-taxonomy.js';

/** Weight of a cue's own polarity against the lexical valence of the clause it stands in. */
const CUE_SENTIMENT_WEIGHT = 2;
/** Below this net valence a theme mention reads as neutral. */
const THEME_SENTIMENT_THRESHOLD = 0.5;

interface CueHit {
  first: number;
  last: number;
  cue: CompiledCue;
}

/** A hit with its cue sequence's position in the taxonomy, to break ties. */
type OrderedHit = CueHit & { order: number };

/** Index of the last token of `sequence` when it matches from `start`, else -1. */
function matchSequence(
  tokens: readonly Token[],
  start: number,
  sequence: readonly number[],
  window: number,
  terms: TermTable,
): number {
  const clause = (tokens[start] as Token).clause;
  let position = start;
  for (let t = 1; t < sequence.length; t++) {
    const term = sequence[t] as number;
    let found = -1;
    for (let j = position + 1; j < tokens.length && j <= position + 1 + window; j++) {
      const token = tokens[j] as Token;
      if (token.clause !== clause) break;
      if (terms.matches(token.lexeme, term)) {
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
    if (terms.matches((tokens[j] as Token).lexeme, term)) return true;
  for (let j = at + 1; j < tokens.length && (tokens[j] as Token).clause === clause; j++)
    if (terms.matches((tokens[j] as Token).lexeme, term)) return true;
  return false;
}

/** Whether the word just before token `at`, in the same clause, matches `term`. */
function followsWord(tokens: readonly Token[], at: number, term: number, terms: TermTable): boolean {
  const before = tokens[at - 1];
  return (
    before !== undefined &&
    before.clause === (tokens[at] as Token).clause &&
    terms.matches(before.lexeme, term)
  );
}

// Below this many candidates on one word, each sequence is simply tried.
const MANY_CANDIDATES = 3;

/** Reading order; a longer hit first where two start on the same word; then taxonomy order. */
function byPosition(a: OrderedHit, b: OrderedHit): number {
  return a.first - b.first || b.last - a.last || a.order - b.order;
}

/**
 * Sorts a theme's hits `byPosition`. They arrive in reading order but for hits that start on the same
 * word, so an insertion sort does little more than one pass.
 */
function sortByPosition(hits: Array<OrderedHit>): void {
  for (let k = 1; k < hits.length; k++) {
    const hit = hits[k] as OrderedHit;
    let j = k - 1;
    for (; j >= 0 && byPosition(hits[j] as OrderedHit, hit) > 0; j--) hits[j + 1] = hits[j] as OrderedHit;
    hits[j + 1] = hit;
  }
}

/** Every cue hit in the text, per theme (index in the taxonomy) in reading order; undefined if none. */
function findCueHits(
  tokens: readonly Token[],
  taxonomy: ThemeTaxonomy,
  clauseValence: ReadonlyMap<number, number>,
): Array<CueHit[] | undefined> | undefined {
  const index = cueIndexFor(taxonomy);
  let hitsByTheme: Array<Array<OrderedHit> | undefined> | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const count = index.startCountOf.get(token.lexeme);
    if (count === 0) continue;
    const candidates = index.sequencesOf.get(token.lexeme);
    // With many candidates, a sequence of two or more words whose second word is not within reach is
    // skipped, read off its code (see `startCodesOf`) without loading it.
    const codes = count >= MANY_CANDIDATES ? index.startCodesOf.get(token.lexeme) : undefined;
    const lookAhead = codes ? markFollowersAfter(tokens, i, index) : -1;
    for (let c = 0; c < candidates.length; c++) {
      if (codes) {
        const code = codes[c] as number;
        if ((code & 1) === 1 && index.followedIn[code >> 1] !== lookAhead) continue;
      }
      const candidate = candidates[c] as IndexedSequence;
      const { themeIndex, cue, sequence, near, unless, notAfter, order } = candidate;
      if (candidate.negatable && token.negated) continue;
      // A judged cue counts only where its clause says something good or bad.
      if (candidate.judged && Math.abs(clauseValence.get(token.clause) ?? 0) < THEME_SENTIMENT_THRESHOLD)
        continue;
      const last =
        sequence.length === 1 ? i : matchSequence(tokens, i, sequence, candidate.window, index.terms);
      if (last < 0) continue;
      if (near >= 0 && !clauseHas(tokens, i, near, index.terms)) continue;
      if (unless >= 0 && clauseHas(tokens, i, unless, index.terms)) continue;
      if (notAfter >= 0 && followsWord(tokens, i, notAfter, index.terms)) continue;
      hitsByTheme ??= new Array(taxonomy.themes.length).fill(undefined);
      const hits = hitsByTheme[themeIndex];
      const hit = { first: i, last, cue, order };
      if (hits) hits.push(hit);
      else hitsByTheme[themeIndex] = [hit];
    }
  }
  for (const hits of hitsByTheme ?? []) {
    if (hits && hits.length > 1) sortByPosition(hits);
  }
  return hitsByTheme;
}

function labelFor(valence: number): SentimentLabel | undefined {
  if (valence <= -THEME_SENTIMENT_THRESHOLD) return 'negative';
  if (valence >= THEME_SENTIMENT_THRESHOLD) return 'positive';
  return undefined;
}

const cuePolarity: Record<SentimentLabel, number> = { negative: -1, neutral: 0, positive: 1 };

/**
 * Finds the taxonomy's themes in tokenised text. Each theme carries the words that triggered it and
 * its own sentiment: the cues' polarity plus the lexical valence of the clauses they stand in, falling
 * back to the theme's default and then to the comment's overall sentiment.
 */
export function matchThemes(
  text: string,
  tokens: readonly Token[],
  taxonomy: ThemeTaxonomy,
  clauseValence: ReadonlyMap<number, number>,
  overall: SentimentLabel,
): ThemeMatch[] {
  const matches: ThemeMatch[] = [];
  const hitsByTheme = findCueHits(tokens, taxonomy, clauseValence);
  if (!hitsByTheme) return matches;
  for (let themeIndex = 0; themeIndex < hitsByTheme.length; themeIndex++) {
    const hits = hitsByTheme[themeIndex];
    if (!hits) continue;
    const theme = taxonomy.themes[themeIndex] as ThemeTaxonomy['themes'][number];
    const evidence: string[] = [];
    const clauses = new Set<number>();
    let valence = 0;
    let coveredUntil = -1;
    for (const hit of hits) {
      valence += cuePolarity[hit.cue.sentiment ?? 'neutral'] * CUE_SENTIMENT_WEIGHT;
      clauses.add((tokens[hit.first] as Token).clause);
      // Overlapping hits (two cues on the same words) give one piece of evidence.
      if (hit.first <= coveredUntil) continue;
      evidence.push(text.slice((tokens[hit.first] as Token).start, (tokens[hit.last] as Token).end));
      coveredUntil = hit.last;
    }
    for (const clause of clauses) valence += clauseValence.get(clause) ?? 0;
    const sentiment =
      labelFor(valence) ?? (theme.defaultSentiment !== 'neutral' ? theme.defaultSentiment : overall);
    matches.push({ id: theme.id, label: theme.label, group: theme.group, sentiment, evidence });
  }
  return matches;
}
