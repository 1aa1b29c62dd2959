import type { Redacted } from '../analysis/privacy/redact-pii.js';

/** A message that can never be stored, kept with its reason so an operator can fix and resend it. */
export interface RejectedMessage {
  /** Hash of the body: the same bad message delivered twice is one reject. */
  rejectId: string;
  receivedAt: string;
  reason: Redacted;
  issues: Redacted[];
  /** The body as received, redacted, then capped in size; expires with the retention. */
  body: Redacted;
  sourceMessageId?: string;
  /** For an id conflict: the content fingerprints of the stored record and of the message received. */
  storedContentHash?: string;
  receivedContentHash?: string;
}
