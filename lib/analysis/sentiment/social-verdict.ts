import type { SentimentResult } from '../feedback-analysis.js';
import type { Token } from '../text/tokenize.js';
import { neutralIfFaintPraise } from './faint-leaning.js';
import { valenceInNames } from './name-words.js';
import { neutralIfNoVerdict } from './no-verdict.js';
import type { LexicalSentiment } from './score-lexical-sentiment.js';
import { scoreSentiment } from './score-sentiment.js';
import type { SentimentEvidence } from './sentiment-features.js';

/**
 * The rules' verdict on a social post when they decide alone (see `SentimentEvidence.rulesAlone`):
 * words inside names and titles ("The Walking Dead", "Miss USA") are not the writer's, and one mild
 * warm word is no praise (see `faint-leaning.ts`). Posts are mostly news, plans and chatter about
 * things other than a service, which the lexicon alone reads as opinions.
 */
export function readSocialVerdict(
  text: string,
  tokens: readonly Token[],
  lexical: LexicalSentiment,
  evidence: SentimentEvidence,
): SentimentResult {
  const named = valenceInNames(text, tokens, lexical.cues);
  const own = scoreSentiment(
    { positive: lexical.positive - named.positive, negative: lexical.negative - named.negative },
    evidence.cxValence,
    0,
    evidence.emphasis,
  );
  return neutralIfFaintPraise(neutralIfNoVerdict(own, evidence), evidence);
}
