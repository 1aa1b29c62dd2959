import type { FeedbackAnalysis } from '../analysis/feedback-analysis.js';
import { redactOptional, redactSegment } from '../analysis/privacy/redact-fields.js';
import type { FeedbackMessage } from '../feedback/feedback-message.js';
import { dayOf } from '../model/calendar.js';
import type { FeedbackRecord } from '../model/feedback-record.js';
import { contentHash } from './content-hash.js';
import { followUpWindow } from './follow-up-window.js';
import { storedText } from './stored-text.js';

/**
 * The record stored for a message: redacted fields, the analysis, the content fingerprint, and a
 * follow-up when the comment needs one and is young enough (the follow-up window) at receipt.
 */
export function recordOfMessage(
  message: FeedbackMessage,
  analysis: FeedbackAnalysis,
  receivedAt: string,
  followUpOptions: { slaHours: number; maxAgeDays: number },
): FeedbackRecord {
  const { redactedText: fullText, ...rest } = analysis;
  const submittedAt = message.submittedAt ? new Date(message.submittedAt).toISOString() : receivedAt;
  // Redacted first (by the analysis), then cut: a cut never leaves part of an identifier readable.
  const { text: redactedText, truncated } = storedText(fullText);
  const window = followUpWindow(submittedAt, receivedAt, followUpOptions);
  const followUp = analysis.followUp.required && !window.tooOld;
  return {
    id: message.id,
    receivedAt,
    submittedAt,
    day: dayOf(submittedAt),
    score: message.score,
    scale: message.score === undefined ? undefined : (message.scale ?? 'nps'),
    channel: redactOptional(message.channel),
    segment: message.segment && redactSegment(message.segment),
    customerId: message.customerId,
    locale: message.locale,
    redactedText,
    ...(truncated && { textTruncated: true }),
    contentHash: contentHash(message),
    ...(analysis.followUp.required && window.tooOld && { followUpTooOld: true }),
    analysis: rest,
    followUp: {
      status: followUp ? 'open' : 'none',
      priority: analysis.followUp.priority,
      reasons: analysis.followUp.reasons,
      version: 0,
      ...(followUp && !window.tooOld && { dueAt: window.dueAt }),
      history: [],
    },
  };
}
