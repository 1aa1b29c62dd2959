import type { SentimentResult } from '../feedback-analysis.js';
import {
  GREETINGS,
  QUESTION_OPENERS,
  QUESTION_SUBJECTS,
  REQUEST_WORDS,
  RHETORICAL_OPENERS,
} from '../lexicon/social-words.js';
import type { Token } from '../text/tokenize.js';
import { decidedNeutral } from './neutral-decision.js';
import type { SentimentEvidence } from './sentiment-features.js';

const INDIGNANT = /\?\?|\?!|!\?/;

/**
 * Whether the comment asks or requests something: a question mark, a request word first ("please send
 * me the form"), or a question opener with its subject ("can I", "do you", "is there"), after any
 * greeting. A rhetorical opener ("why", "how come", "seriously") or doubled marks ("??", "?!") make it
 * no plain question.
 */
export function asksOrRequests(text: string, tokens: readonly Token[]): boolean {
  let k = 0;
  while (k < tokens.length && GREETINGS.has((tokens[k] as Token).word)) k++;
  const first = tokens[k]?.word;
  if (first === undefined || RHETORICAL_OPENERS.has(first)) return false;
  const second = tokens[k + 1]?.word;
  if (first === 'how' && second === 'come') return false;
  // "10 e-mails??", "four hours?!": doubled marks are indignation, not a question.
  const question = text.includes('?');
  if (question && INDIGNANT.test(text)) return false;
  if (question || REQUEST_WORDS.has(first)) return true;
  return QUESTION_OPENERS.has(first) && second !== undefined && QUESTION_SUBJECTS.has(second);
}

/** Polite words ("thanks", "please", "would be great") stay below this much praise. */
const POLITE_PRAISE = 3;

/**
 * A question or request with no complaint in it is neutral ("can I take skis as hand luggage?", "please
 * send me the form, thanks"): no complaint word, no CX fact, no complaint theme, and no more praise than
 * polite words carry. Anything else keeps its sentiment.
 */
export function neutralIfPlainRequest(result: SentimentResult, evidence: SentimentEvidence): SentimentResult {
  if (!evidence.request || result.label === 'neutral') return result;
  if (evidence.complaint < 0 || evidence.cxValence < 0 || evidence.praise >= POLITE_PRAISE) return result;
  return decidedNeutral(result.score);
}
