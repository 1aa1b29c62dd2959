import type { Token } from '../text/tokenize.js';
import { ClauseSums, type LexicalSentiment, type SentimentCue } from './score-lexical-sentiment.js';

/**
 * The lexicon's sums (praise, complaint, each clause's net) of a list of cues, after a rule changed it.
 * Built field by field in the order `scoreLexicalSentiment` builds its reading, not spread from it: every
 * reading then has one shape, and the steps that read them all (`scoreSentiment` on every comment) read
 * a field directly instead of through V8's generic lookup for objects of many shapes.
 */
export function sumCues(
  tokens: readonly Token[],
  lexical: LexicalSentiment,
  cues: SentimentCue[],
): LexicalSentiment {
  let positive = 0;
  let negative = 0;
  const clauseValence = new ClauseSums(tokens);
  for (const cue of cues) {
    const clause = (tokens[cue.at] as Token).clause;
    clauseValence.add(clause, cue.valence);
    if (cue.valence > 0) positive += cue.valence;
    else negative += cue.valence;
  }
  return {
    positive,
    negative,
    clauseValence,
    cues,
    complaintByForm: lexical.complaintByForm,
    lapseMarkers: lexical.lapseMarkers,
    concessionMarkers: lexical.concessionMarkers,
    repeatMarkers: lexical.repeatMarkers,
    frontedNegator: lexical.frontedNegator,
    closingVerdict: lexical.closingVerdict,
  };
}
