import { type Redacted, truncateRedacted } from '../analysis/privacy/redact-pii.js';

/**
 * Longest comment text kept on a stored record. A comment may be far longer (up to the queue's
 * 256 KiB message); it is analysed before this cap and only the stored copy is cut, so an item stays
 * small (DynamoDB items are at most 400 KB, a transaction 4 MB) and an alert stays readable.
 */
export const MAX_STORED_TEXT_CHARS = 8_000;

/** The redacted text to store, cut at the cap (on a code point boundary), and whether it was cut. */
export function storedText(redactedText: Redacted): { text: Redacted; truncated: boolean } {
  if (redactedText.length <= MAX_STORED_TEXT_CHARS) return { text: redactedText, truncated: false };
  return { text: truncateRedacted(redactedText, MAX_STORED_TEXT_CHARS), truncated: true };
}
