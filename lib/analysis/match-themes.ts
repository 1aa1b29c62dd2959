import type { SentimentLabel, ThemeMatch } from './feedback-analysis.js';
import { isNegated, isNegator } from './score-lexical-sentiment.js';
import type { CompiledCue, CompiledTheme, Term, ThemeTaxonomy } from './theme-taxonomy.js';
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

function matchesTerm(token: Token, term: Term): boolean {
  for (const alternative of term) {
    if (
      alternative.kind === 'stem'
        ? token.stem === alternative.stem
        : alternative.kind === 'prefix'
          ? token.word.startsWith(alternative.prefix)
          : isNegator(token.word)
    ) {
      return true;
    }
  }
  return false;
}

/** Index of the last token of `sequence` when it matches from `start`, else -1. */
function matchSequence(tokens: readonly Token[], start: number, sequence: Term[], window: number): number {
  const clause = (tokens[start] as Token).clause;
  let position = start;
  for (let t = 1; t < sequence.length; t++) {
    const term = sequence[t] as Term;
    let found = -1;
    for (let j = position + 1; j < tokens.length && j <= position + 1 + window; j++) {
      const token = tokens[j] as Token;
      if (token.clause !== clause) break;
      if (matchesTerm(token, term)) {
        found = j;
        break;
      }
    }
    if (found < 0) return -1;
    position = found;
  }
  return position;
}

function clauseHas(tokens: readonly Token[], clause: number, term: Term): boolean {
  return tokens.some((token) => token.clause === clause && matchesTerm(token, term));
}

function findCueHits(tokens: readonly Token[], theme: CompiledTheme): CueHit[] {
  const hits: CueHit[] = [];
  for (const cue of theme.cues) {
    for (const sequence of cue.sequences) {
      for (let i = 0; i < tokens.length; i++) {
        if (!matchesTerm(tokens[i] as Token, sequence[0] as Term)) continue;
        const last = matchSequence(tokens, i, sequence, cue.window);
        if (last < 0) continue;
        const clause = (tokens[i] as Token).clause;
        if (cue.negatable && isNegated(tokens, i)) continue;
        if (cue.near && !clauseHas(tokens, clause, cue.near)) continue;
        if (cue.unless && clauseHas(tokens, clause, cue.unless)) continue;
        hits.push({ first: i, last, cue });
      }
    }
  }
  return hits.sort((a, b) => a.first - b.first || b.last - a.last);
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
  for (const theme of taxonomy.themes) {
    const hits = findCueHits(tokens, theme);
    if (hits.length === 0) continue;
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
