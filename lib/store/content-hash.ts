import { createHash } from 'node:crypto';
import type { FeedbackMessage } from '../feedback/feedback-message.js';

/** JSON with object keys sorted at every depth: the same content always gives the same text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * A fingerprint of what a message says (every field, key order ignored), kept on the stored record:
 * a later message with the same id and another fingerprint is a conflict, not a redelivery. A hash
 * only, so it holds nothing a reader could turn back into the comment.
 */
export function contentHash(message: FeedbackMessage): string {
  return `sha256:${createHash('sha256').update(canonicalJson(message)).digest('hex').slice(0, 32)}`;
}
