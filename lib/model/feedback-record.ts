import type { FeedbackAnalysis } from '../analysis/feedback-analysis.js';
import type { RedactedSegment } from '../analysis/privacy/redact-fields.js';
import type { Redacted } from '../analysis/privacy/redact-pii.js';
import type { FeedbackMessage } from '../feedback/feedback-message.js';
import type { FollowUpState } from './follow-up-state.js';

/**
 * A stored, classified piece of feedback. Raw text is never stored: only `redactedText`. Every string
 * that came from the message is `Redacted` (it went through the redaction gate), except `id` (validated
 * to hold no identifier) and `customerId`.
 */
export interface FeedbackRecord {
  id: string;
  receivedAt: string;
  submittedAt: string;
  day: string;
  score?: number;
  scale?: FeedbackMessage['scale'];
  channel?: Redacted;
  segment?: RedactedSegment;
  /**
   * The key the team uses to reach the customer: personal data, kept only here and in the follow-up
   * views, never in counter keys, alerts or logs; it expires with the record (retention).
   */
  customerId?: string;
  locale?: string;
  redactedText: Redacted;
  /** Set when `redactedText` was cut to the stored-text cap (the analysis read the whole comment). */
  textTruncated?: true;
  /** Fingerprint of the message's content (see `contentHash`); absent on records stored before it existed. */
  contentHash?: string;
  /** Set when the comment needed a follow-up but was older than the follow-up window at receipt. */
  followUpTooOld?: true;
  analysis: Omit<FeedbackAnalysis, 'redactedText'>;
  followUp: FollowUpState;
}
