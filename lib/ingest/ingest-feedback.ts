import { createHash } from 'node:crypto';
import { type AnalyzeOptions, analyzeFeedback } from '../analysis/analyze-feedback.js';
import { type Redacted, redactPii, truncateRedacted } from '../analysis/privacy/redact-pii.js';
import { InvalidFeedbackError, parseFeedbackMessage } from '../feedback/feedback-message.js';
import { type FeedbackStore, type FeedbackToStore, IdConflict } from '../store/feedback-store.js';
import { analysedPart } from './analysed-text.js';

/** Stored rejects keep at most this much of the body: enough to see and fix the mistake. */
export const MAX_REJECTED_BODY_CHARS = 2_000;

export type IngestOutcome =
  | { outcome: 'stored' | 'updated' | 'duplicate'; id: string; followUp: boolean }
  | { outcome: 'rejected' | 'duplicate_reject'; reason: Redacted; issues: Redacted[] };

export interface QueuedFeedback {
  body: string;
  /** The queue's message id, kept on rejects so an operator can trace them. */
  sourceMessageId?: string;
}

export interface IngestContext {
  store: FeedbackStore;
  receivedAt: string;
  analyzeOptions?: AnalyzeOptions;
}

type Prepared = { valid: FeedbackToStore } | { reason: string; issues: string[] };

/**
 * What `JSON.parse` says about a broken body, without the excerpt of the body that V8 quotes
 * (`Unexpected token 'x', "+447700900..." is not valid JSON`): a cut excerpt can hold a fragment of an
 * identifier too short to recognise. The position is what an operator needs.
 */
function describeJsonError(error: Error): string {
  const position = /position (\d+)/.exec(error.message)?.[1];
  return position === undefined
    ? 'the body is not valid JSON'
    : `the body is not valid JSON (at position ${position})`;
}

function prepare(body: string, context: IngestContext): Prepared {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    return { reason: 'invalid JSON', issues: [describeJsonError(error as Error)] };
  }
  try {
    const message = parseFeedbackMessage(json);
    const analysis = analyzeFeedback(analysedPart(message), context.analyzeOptions);
    return { valid: { message, analysis, receivedAt: context.receivedAt } };
  } catch (error) {
    if (!(error instanceof InvalidFeedbackError)) throw error;
    return { reason: 'schema violation', issues: error.issues };
  }
}

/**
 * Takes queue message bodies all the way: parse, validate, analyse, store. A body that can never
 * succeed (not JSON, wrong shape) is stored as a reject with its reason and counts as handled. The
 * valid ones are stored together (see `storeFeedbackBatch`). Per message: its outcome, or the error
 * that kept it from being stored, so that only those messages are retried by the queue.
 */
export async function ingestFeedbackBatch(
  messages: readonly QueuedFeedback[],
  context: IngestContext,
): Promise<Array<IngestOutcome | Error>> {
  const results: Array<IngestOutcome | Error> = new Array(messages.length);
  const valid: Array<{ index: number; entry: FeedbackToStore }> = [];
  for (const [index, message] of messages.entries()) {
    const prepared = prepare(message.body, context);
    if ('valid' in prepared) {
      const entry = message.sourceMessageId
        ? { ...prepared.valid, deliveryId: message.sourceMessageId }
        : prepared.valid;
      valid.push({ index, entry });
    } else {
      results[index] = await reject(message, context, prepared.reason, prepared.issues).catch(
        (error: Error) => error,
      );
    }
  }
  const stored = await context.store.storeFeedbackBatch(valid.map((v) => v.entry));
  for (const [i, { index, entry }] of valid.entries()) {
    const outcome = stored[i] as Awaited<ReturnType<FeedbackStore['storeFeedbackBatch']>>[number];
    if (outcome instanceof IdConflict) {
      results[index] = await rejectConflict(messages[index] as QueuedFeedback, context, outcome).catch(
        (error: Error) => error,
      );
    } else {
      results[index] =
        outcome instanceof Error
          ? outcome
          : { outcome, id: entry.message.id, followUp: entry.analysis.followUp.required };
    }
  }
  return results;
}

/**
 * An id already stored with other content: two different comments given one id (a reused export
 * row number, a tool's id scheme changing). Dropping it as a duplicate would lose a comment without
 * a word, so it is kept as a reject with both fingerprints for an operator to resolve.
 */
function rejectConflict(
  message: QueuedFeedback,
  context: IngestContext,
  conflict: IdConflict,
): Promise<IngestOutcome> {
  return reject(
    message,
    context,
    'id conflict',
    [
      `id ${conflict.id} is already stored with different content ` +
        `(stored ${conflict.storedContentHash}, received ${conflict.receivedContentHash}); give this comment its own id`,
    ],
    { storedContentHash: conflict.storedContentHash, receivedContentHash: conflict.receivedContentHash },
  );
}

async function reject(
  message: QueuedFeedback,
  context: IngestContext,
  rawReason: string,
  rawIssues: string[],
  hashes: { storedContentHash?: string; receivedContentHash?: string } = {},
): Promise<IngestOutcome> {
  // Reasons and zod issues quote what the message held (an unknown key, a bad value): through the gate.
  const reason = redactPii(rawReason);
  const issues = rawIssues.slice(0, 20).map((issue) => redactPii(issue));
  const outcome = await context.store.storeRejected({
    // Same body, same reject: a redelivered bad message is listed once.
    rejectId: createHash('sha256').update(message.body).digest('hex').slice(0, 32),
    receivedAt: context.receivedAt,
    reason,
    issues,
    // The body is what a customer wrote: redacted, then cut, so no cut hides an identifier. Redacting
    // twice what is kept is enough (no identifier is written over 2,000 characters) and keeps a 1 MB
    // body from costing seconds.
    body: truncateRedacted(
      redactPii(message.body.slice(0, 2 * MAX_REJECTED_BODY_CHARS)),
      MAX_REJECTED_BODY_CHARS,
    ),
    ...(message.sourceMessageId && { sourceMessageId: message.sourceMessageId }),
    ...hashes,
  });
  return { outcome: outcome === 'stored' ? 'rejected' : 'duplicate_reject', reason, issues };
}
