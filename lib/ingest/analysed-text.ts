import type { FeedbackMessage } from '../feedback/feedback-message.js';

/**
 * How much of a comment the analysis reads: the first 20,000 characters (about 3,500 words, two
 * orders of magnitude more than a typical survey comment). Read in full, a 250,000-character comment
 * takes seconds (`bench/long-comments.ts`) and a batch of them would outrun the ingest function's timeout; themes, signals and sentiment of a complaint are in its first
 * pages. The whole comment is accepted; only the analysis and the stored copy are bounded.
 */
export const MAX_ANALYSED_TEXT_CHARS = 20_000;

/**
 * The message as the analysis sees it: the text cut at the last whitespace before the limit, so no
 * word, e-mail address or card number is cut in half (a half identifier could escape redaction).
 */
export function analysedPart(message: FeedbackMessage): FeedbackMessage {
  if (message.text.length <= MAX_ANALYSED_TEXT_CHARS) return message;
  const head = message.text.slice(0, MAX_ANALYSED_TEXT_CHARS + 1);
  const cut = head.search(/\s\S*$/);
  return { ...message, text: head.slice(0, cut > 0 ? cut : MAX_ANALYSED_TEXT_CHARS).toWellFormed() };
}
