import type { SentimentResult } from '../feedback-analysis.js';
import {
  GREETINGS,
  QUESTION_OPENERS,
  QUESTION_SUBJECTS,
  REQUEST_OPENINGS,
  REQUEST_WORDS,
  RHETORICAL_OPENERS,
} from '../lexicon/social-words.js';
import { LexemeNumbers } from '../text/lexemes.js';
import type { Token } from '../text/tokenize.js';
import { decidedNeutral } from './neutral-decision.js';
import type { LexicalSentiment } from './score-lexical-sentiment.js';
import type { SentimentEvidence } from './sentiment-features.js';

const INDIGNANT = /\?\?|\?!|!\?/;

// The request openings by their first word: most comments' first word starts none.
const requestOpeningsByFirst = new Map<string, (readonly string[])[]>();
for (const opening of REQUEST_OPENINGS) {
  const first = opening[0] as string;
  requestOpeningsByFirst.set(first, [...(requestOpeningsByFirst.get(first) ?? []), opening]);
}

// Which of the word lists below a word is in, as bits read off one number per distinct word: every
// comment's first words are checked, and a number read by lexeme id costs less than set lookups by text.
const GREETING = 1;
const RHETORICAL_OPENER = 2;
const REQUEST_WORD = 4;
const QUESTION_OPENER = 8;
const QUESTION_SUBJECT = 16;
const REQUEST_OPENER = 32;
const roleOf = new LexemeNumbers(
  ({ word }) =>
    (GREETINGS.has(word) ? GREETING : 0) |
    (RHETORICAL_OPENERS.has(word) ? RHETORICAL_OPENER : 0) |
    (REQUEST_WORDS.has(word) ? REQUEST_WORD : 0) |
    (QUESTION_OPENERS.has(word) ? QUESTION_OPENER : 0) |
    (QUESTION_SUBJECTS.has(word) ? QUESTION_SUBJECT : 0) |
    (requestOpeningsByFirst.has(word) ? REQUEST_OPENER : 0),
);

/** The word's roles (see above); 0 past the last token. */
function rolesAt(tokens: readonly Token[], at: number): number {
  const token = tokens[at];
  return token === undefined ? 0 : roleOf.of(token);
}

/** Whether the words from `at`, the first a request opener's, open a request ("I'd like to", "I need to"). */
function opensRequest(tokens: readonly Token[], at: number): boolean {
  const openings = requestOpeningsByFirst.get((tokens[at] as Token).word);
  return openings?.some((opening) => opening.every((word, i) => tokens[at + i]?.word === word)) ?? false;
}

/**
 * Whether the comment asks or requests something: a question mark, a request word or opening first
 * ("please send me the form", "I'd like to change my address"), or a question opener with its subject
 * ("can I", "do you", "is there"), after any greeting. A rhetorical opener ("why", "how come",
 * "seriously") or doubled marks ("??", "?!") make it no plain question.
 */
export function asksOrRequests(
  text: string,
  tokens: readonly Token[],
  question = text.includes('?'),
): boolean {
  let k = 0;
  while ((rolesAt(tokens, k) & GREETING) !== 0) k++;
  if (k === tokens.length) return false;
  const first = rolesAt(tokens, k);
  if ((first & RHETORICAL_OPENER) !== 0) return false;
  if ((tokens[k] as Token).word === 'how' && tokens[k + 1]?.word === 'come') return false;
  // "10 e-mails??", "four hours?!": doubled marks are indignation, not a question.
  if (question && INDIGNANT.test(text)) return false;
  if (question || (first & REQUEST_WORD) !== 0) return true;
  if ((first & REQUEST_OPENER) !== 0 && opensRequest(tokens, k)) return true;
  return (first & QUESTION_OPENER) !== 0 && (rolesAt(tokens, k + 1) & QUESTION_SUBJECT) !== 0;
}

/** Polite words ("thanks", "please", "would be great") stay below this much praise. */
const POLITE_PRAISE = 3;

/**
 * Whether a question or request says nothing good or bad of what it names: no complaint word and no
 * more praise than polite words carry. "Do you allow food in the park?" and "can I bring a pram?" are
 * no verdict on the food or the pram, though "allow" and "free" are kind words.
 */
export function asksWithoutVerdict(request: boolean, lexical: LexicalSentiment): boolean {
  return request && lexical.negative === 0 && lexical.positive < POLITE_PRAISE;
}

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
