import type { SentimentLabel, ThemeMatch } from './feedback-analysis.js';
import { type Lexeme, LexemeCache } from './lexemes.js';
import type { CompiledCue, Term, ThemeTaxonomy } from './theme-taxonomy.js';
import type { Token } from './tokenize.js';

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

/** A term's alternatives sorted by kind, so that a token is checked with set lookups. */
interface TermMatcher {
  stems: ReadonlySet<string>;
  prefixes: ReadonlySet<string>;
  negator: boolean;
}

function compileTerm(term: Term): TermMatcher {
  const stems = new Set<string>();
  const prefixes = new Set<string>();
  let negator = false;
  for (const alternative of term) {
    if (alternative.kind === 'stem') stems.add(alternative.stem);
    else if (alternative.kind === 'prefix') prefixes.add(alternative.prefix);
    else negator = true;
  }
  return { stems, prefixes, negator };
}

function matchesTerm(token: Token, term: TermMatcher, index: CueIndex): boolean {
  if (term.stems.has(token.stem) || (term.negator && token.negator)) return true;
  if (term.prefixes.size === 0) return false;
  // Most words start with none of the taxonomy's prefixes, so this loop rarely runs at all.
  for (const prefix of index.prefixesOf.get(token.lexeme)) if (term.prefixes.has(prefix)) return true;
  return false;
}

/** Index of the last token of `sequence` when it matches from `start`, else -1. */
function matchSequence(
  tokens: readonly Token[],
  start: number,
  sequence: readonly TermMatcher[],
  window: number,
  index: CueIndex,
): number {
  const clause = (tokens[start] as Token).clause;
  let position = start;
  for (let t = 1; t < sequence.length; t++) {
    const term = sequence[t] as TermMatcher;
    let found = -1;
    for (let j = position + 1; j < tokens.length && j <= position + 1 + window; j++) {
      const token = tokens[j] as Token;
      if (token.clause !== clause) break;
      if (matchesTerm(token, term, index)) {
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
function clauseHas(tokens: readonly Token[], at: number, term: TermMatcher, index: CueIndex): boolean {
  const clause = (tokens[at] as Token).clause;
  for (let j = at; j >= 0 && (tokens[j] as Token).clause === clause; j--)
    if (matchesTerm(tokens[j] as Token, term, index)) return true;
  for (let j = at + 1; j < tokens.length && (tokens[j] as Token).clause === clause; j++)
    if (matchesTerm(tokens[j] as Token, term, index)) return true;
  return false;
}

/** One cue sequence, filed under the alternatives of its first word. */
interface IndexedSequence {
  themeIndex: number;
  cue: CompiledCue;
  sequence: TermMatcher[];
  near?: TermMatcher;
  unless?: TermMatcher;
  /** Position in taxonomy order, so ties between hits sort the same whatever the lookup order. */
  order: number;
}

/** Cue sequences filed under the alternatives (stem, prefix, any negator) of one of their words. */
interface TermIndex {
  byStem: Map<string, IndexedSequence[]>;
  byPrefix: Map<string, IndexedSequence[]>;
  longestPrefix: number;
  byNegator: IndexedSequence[];
}

function emptyTermIndex(): TermIndex {
  return { byStem: new Map(), byPrefix: new Map(), longestPrefix: 0, byNegator: [] };
}

function fileUnder(index: TermIndex, term: Term, entry: IndexedSequence) {
  for (const alternative of term) {
    if (alternative.kind === 'negator') {
      if (!index.byNegator.includes(entry)) index.byNegator.push(entry);
      continue;
    }
    const [map, key] =
      alternative.kind === 'stem' ? [index.byStem, alternative.stem] : [index.byPrefix, alternative.prefix];
    const list = map.get(key);
    // "waits|waiting" stem alike: file the sequence once per key.
    if (list) {
      if (!list.includes(entry)) list.push(entry);
    } else map.set(key, [entry]);
    if (alternative.kind === 'prefix') index.longestPrefix = Math.max(index.longestPrefix, key.length);
  }
}

/**
 * The taxonomy's cue sequences indexed by their first word, so that each token is checked only against
 * the cues that can start on it instead of every cue of every theme.
 */
interface CueIndex {
  starts: TermIndex;
  /** Sequences of two or more words by the alternatives of their second word. */
  seconds: TermIndex;
  /** The widest window of any cue: how far after its first word a sequence's second word can stand. */
  widestWindow: number;
  /** Candidates per word, worked out once: survey text repeats a small vocabulary. */
  sequencesOf: LexemeCache<IndexedSequence[]>;
  /** Per word, the sequences whose second word it can be. */
  followersOf: LexemeCache<IndexedSequence[]>;
  /** Every prefix alternative of the taxonomy, and per word the ones it starts with. */
  prefixes: Set<string>;
  prefixesOf: LexemeCache<string[]>;
}

const cueIndexes = new WeakMap<ThemeTaxonomy, CueIndex>();

function cueIndexFor(taxonomy: ThemeTaxonomy): CueIndex {
  const cached = cueIndexes.get(taxonomy);
  if (cached) return cached;
  const index: CueIndex = {
    starts: emptyTermIndex(),
    seconds: emptyTermIndex(),
    widestWindow: 0,
    sequencesOf: new LexemeCache((lexeme) => lookUp(lexeme, index.starts)),
    followersOf: new LexemeCache((lexeme) => lookUp(lexeme, index.seconds)),
    prefixes: new Set(),
    prefixesOf: new LexemeCache((lexeme) => [...index.prefixes].filter((p) => lexeme.word.startsWith(p))),
  };
  let order = 0;
  taxonomy.themes.forEach((theme, themeIndex) => {
    for (const cue of theme.cues) {
      index.widestWindow = Math.max(index.widestWindow, cue.window);
      for (const sequence of cue.sequences) {
        for (const term of [...sequence, cue.near ?? [], cue.unless ?? []]) {
          for (const alternative of term)
            if (alternative.kind === 'prefix') index.prefixes.add(alternative.prefix);
        }
        const entry: IndexedSequence = {
          themeIndex,
          cue,
          sequence: sequence.map(compileTerm),
          ...(cue.near && { near: compileTerm(cue.near) }),
          ...(cue.unless && { unless: compileTerm(cue.unless) }),
          order: order++,
        };
        fileUnder(index.starts, sequence[0] as Term, entry);
        if (sequence.length > 1) fileUnder(index.seconds, sequence[1] as Term, entry);
      }
    }
  });
  cueIndexes.set(taxonomy, index);
  return index;
}

/** The sequences filed under an alternative that this word matches. */
function lookUp(lexeme: Lexeme, index: TermIndex): IndexedSequence[] {
  const found: IndexedSequence[][] = [];
  const byStem = index.byStem.get(lexeme.stem);
  if (byStem) found.push(byStem);
  const longest = Math.min(lexeme.word.length, index.longestPrefix);
  for (let length = 1; length <= longest; length++) {
    const byPrefix = index.byPrefix.get(lexeme.word.slice(0, length));
    if (byPrefix) found.push(byPrefix);
  }
  if (index.byNegator.length > 0 && lexeme.negator) found.push(index.byNegator);
  if (found.length <= 1) return found[0] ?? [];
  // A sequence filed under two alternatives that both match this token is still one candidate.
  return [...new Set(found.flat())];
}

const NO_FOLLOWERS: readonly IndexedSequence[] = [];

/**
 * The sequences whose second word stands within reach after token `at`. A word that starts many
 * sequences (every negator starts the "not fixed", "not called back", ... cues) is then checked only
 * against the few whose next word is really there, in one pass instead of one per sequence.
 */
function followersAfter(tokens: readonly Token[], at: number, index: CueIndex): readonly IndexedSequence[] {
  const clause = (tokens[at] as Token).clause;
  let followers = NO_FOLLOWERS;
  for (let j = at + 1; j < tokens.length && j <= at + 1 + index.widestWindow; j++) {
    const token = tokens[j] as Token;
    if (token.clause !== clause) break;
    const found = index.followersOf.get(token.lexeme);
    if (found.length > 0) followers = followers.length === 0 ? found : [...followers, ...found];
  }
  return followers;
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
): Array<CueHit[] | undefined> | undefined {
  const index = cueIndexFor(taxonomy);
  let hitsByTheme: Array<Array<OrderedHit> | undefined> | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const candidates = index.sequencesOf.get(token.lexeme);
    if (candidates.length === 0) continue;
    const followers = candidates.length >= MANY_CANDIDATES ? followersAfter(tokens, i, index) : undefined;
    for (let c = 0; c < candidates.length; c++) {
      const candidate = candidates[c] as IndexedSequence;
      const { themeIndex, cue, sequence, near, unless, order } = candidate;
      if (followers && sequence.length > 1 && !followers.includes(candidate)) continue;
      if (cue.negatable && token.negated) continue;
      const last = sequence.length === 1 ? i : matchSequence(tokens, i, sequence, cue.window, index);
      if (last < 0) continue;
      if (near && !clauseHas(tokens, i, near, index)) continue;
      if (unless && clauseHas(tokens, i, unless, index)) continue;
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
  const hitsByTheme = findCueHits(tokens, taxonomy);
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
