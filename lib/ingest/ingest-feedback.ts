import { createHash } from 'node:crypto';
import { type AnalyzeOptions, analyzeFeedback } from '../analysis/analyze-feedback.js';
import { redactPii } from '../analysis/redact-pii.js';
import { InvalidFeedbackError, parseFeedbackMessage } from '../feedback/feedback-message.js';
import type { FeedbackStore } from '../store/feedback-store.js';

/** Stored rejects keep at most this much of the body: enough to see and fix the mistake. */
export const MAX_REJECTED_BODY_CHARS = 2_000;

export type IngestOutcome =
  | { outcome: 'stored' | 'duplicate'; id: string; followUp: boolean }
  | { outcome: 'rejected' | 'duplicate_reject'; reason: string; issues: string[] };

export interface IngestContext {
  store: FeedbackStore;
  receivedAt: string;
  /** The queue's message id, kept on rejects so an operator can trace them. */
  sourceMessageId?: string;
  analyzeOptions?: AnalyzeOptions;
}

/**
 * Takes one queue message body all the way: parse, validate, analyse, store. A body that can never
 * succeed (not JSON, wrong shape) is stored as a reject with its reason and counts as handled; store
 * failures propagate so the queue retries the message (and finally dead-letters it).
 */
export async function ingestFeedback(body: string, context: IngestContext): Promise<IngestOutcome> {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    return reject(body, context, 'invalid JSON', [(error as Error).message]);
  }
  let message: ReturnType<typeof parseFeedbackMessage>;
  try {
    message = parseFeedbackMessage(json);
  } catch (error) {
    if (!(error instanceof InvalidFeedbackError)) throw error;
    return reject(body, context, 'schema violation', error.issues);
  }
  const analysis = analyzeFeedback(message, context.analyzeOptions);
  const outcome = await context.store.storeFeedback(message, analysis, context.receivedAt);
  return { outcome, id: message.id, followUp: analysis.followUp.required };
}

async function reject(
  body: string,
  context: IngestContext,
  reason: string,
  issues: string[],
): Promise<IngestOutcome> {
  const outcome = await context.store.storeRejected({
    // Same body, same reject: a redelivered bad message is listed once.
    rejectId: createHash('sha256').update(body).digest('hex').slice(0, 32),
    receivedAt: context.receivedAt,
    reason,
    issues: issues.slice(0, 20),
    // The body is what a customer wrote: redact it like any stored text.
    body: redactPii(body.slice(0, MAX_REJECTED_BODY_CHARS)),
    ...(context.sourceMessageId && { sourceMessageId: context.sourceMessageId }),
  });
  return { outcome: outcome === 'stored' ? 'rejected' : 'duplicate_reject', reason, issues };
}
