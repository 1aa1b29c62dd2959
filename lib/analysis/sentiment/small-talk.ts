import type { SentimentResult } from '../feedback-analysis.js';
import { GREETING_TIMES, SMALL_TALK_WORDS } from '../lexicon/social-words.js';
import type { Token } from '../text/tokenize.js';
import { decidedNeutral } from './neutral-decision.js';
import type { SentimentEvidence } from './sentiment-features.js';

/** A reference or code ("XK7P2Q", "AB123") or a number: letters and digits, or digits alone. */
function isCode(token: Token): boolean {
  return token.lexeme.digits > 0;
}

/**
 * Whether the comment is small talk only: every word a polite formula, filler, greeting or reply
 * chatter ("thanks!", "ok lol", "good morning", "DM sent", "no worries"), a booking reference or a
 * number. An emoji or emoticon, or any other word, is an opinion or a subject, so the comment is not.
 */
export function isSmallTalk(tokens: readonly Token[]): boolean {
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t] as Token;
    if (token.lexeme.symbol) return false;
    if (isCode(token) || SMALL_TALK_WORDS.has(token.word)) continue;
    if (token.word === 'good' && GREETING_TIMES.has(tokens[t + 1]?.word ?? '')) continue;
    return false;
  }
  return tokens.length > 0;
}

/** Small talk gives no opinion of the service: neutral, whatever its words' warmth (see {@link isSmallTalk}). */
export function neutralIfSmallTalk(result: SentimentResult, evidence: SentimentEvidence): SentimentResult {
  if (!evidence.smallTalk || result.label === 'neutral') return result;
  return decidedNeutral(result.score);
}
