import type { SentimentResult } from '../feedback-analysis.js';
import { POSSESSIVES } from '../lexicon/social-words.js';
import type { Token } from '../text/tokenize.js';
import { decidedNeutral } from './neutral-decision.js';
import type { SentimentEvidence } from './sentiment-features.js';

/** A possessive and at most this many words after it: "my order", "your mobile app". */
const MOST_WORDS_NAMED = 2;

/**
 * Whether the comment only names a thing of someone's: a possessive, then one or two words, no emoji
 * ("my order", "your broadband", "our table"). A customer starting a thread, or a reply cut short.
 */
export function isBareMention(tokens: readonly Token[]): boolean {
  if (tokens.length < 2 || tokens.length > 1 + MOST_WORDS_NAMED) return false;
  if (!POSSESSIVES.has((tokens[0] as Token).word)) return false;
  return tokens.every((token) => !token.lexeme.symbol);
}

/**
 * A bare mention with no sentiment word, CX fact or emphasis gives no verdict: neutral, whatever the
 * model learned of its words ("my" leans warm in tweets about "my birthday", "my family"). A word of
 * the lexicon ("my awful router") or an exclamation ("my order!!") keeps the reading.
 */
export function neutralIfBareMention(result: SentimentResult, evidence: SentimentEvidence): SentimentResult {
  if (!evidence.bareMention || result.label === 'neutral') return result;
  if (evidence.praise !== 0 || evidence.complaint !== 0 || evidence.cxValence !== 0) return result;
  return evidence.emphasis > 0 ? result : decidedNeutral(result.score);
}
