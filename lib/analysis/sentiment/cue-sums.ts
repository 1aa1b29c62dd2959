import type { Token } from '../text/tokenize.js';
import type { LexicalSentiment, SentimentCue } from './score-lexical-sentiment.js';

/** The lexicon's sums (praise, complaint, each clause's net) of a list of cues, after a rule changed it. */
export function sumCues(
  tokens: readonly Token[],
  lexical: LexicalSentiment,
  cues: SentimentCue[],
): LexicalSentiment {
  let positive = 0;
  let negative = 0;
  const clauseValence = new Map<number, number>();
  for (const cue of cues) {
    const clause = (tokens[cue.at] as Token).clause;
    clauseValence.set(clause, (clauseValence.get(clause) ?? 0) + cue.valence);
    if (cue.valence > 0) positive += cue.valence;
    else negative += cue.valence;
  }
  return { ...lexical, positive, negative, clauseValence, cues };
}
