import { setTimeout as sleep } from 'node:timers/promises';
import {
  SendMessageBatchCommand,
  type SendMessageBatchRequestEntry,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { feedbackMessageSchema } from '../feedback/feedback-message.js';
import { issueLines } from '../feedback/issue-lines.js';
import { MAX_MESSAGE_BYTES, oversizeReason } from './message-size.js';

/** SQS limits for one SendMessageBatch call. */
const MAX_ENTRIES_PER_BATCH = 10;
const MAX_BATCH_BYTES = MAX_MESSAGE_BYTES;
const BATCHES_IN_FLIGHT = 4;

export interface SendFeedbackOptions {
  /**
   * Send messages that fail the schema anyway (they will be rejected and stored with their reason by
   * the pipeline). Off by default: a producer should not send what it knows is wrong.
   */
  sendInvalid?: boolean;
  /** Attempts per entry for failures SQS blames on itself (throttling, internal errors). */
  maxAttempts?: number;
}

export interface SendFailure {
  /** Position of the message in the input. */
  index: number;
  id?: string;
  reason: string;
}

export interface SendFeedbackResult {
  sent: number;
  /** Messages sent although invalid (only with `sendInvalid`). */
  sentInvalid: number;
  failed: SendFailure[];
}

interface Pending {
  index: number;
  id?: string;
  body: string;
}

/**
 * Sends feedback messages to the ingest queue: validates each with the shared schema, packs them into
 * SendMessageBatch calls (10 entries, 256 KB), retries entries SQS failed on its side, and reports
 * every message that could not be sent with the reason.
 */
export async function sendFeedback(
  client: SQSClient,
  queueUrl: string,
  messages: readonly unknown[],
  options: SendFeedbackOptions = {},
): Promise<SendFeedbackResult> {
  const result: SendFeedbackResult = { sent: 0, sentInvalid: 0, failed: [] };
  const pending: Pending[] = [];
  const invalid = new Set<number>();
  messages.forEach((message, index) => {
    const id = idOf(message);
    const parsed = feedbackMessageSchema.safeParse(message);
    if (!parsed.success) {
      const reason = issueLines(parsed.error.issues).join('; ');
      if (!options.sendInvalid) {
        result.failed.push({ index, ...(id && { id }), reason: `invalid: ${reason}` });
        return;
      }
      invalid.add(index);
    }
    const body = toMessageBody(message);
    const text = (message as { text?: unknown } | null)?.text;
    const oversize = oversizeReason(body, typeof text === 'string' ? text.length : undefined);
    if (oversize) {
      result.failed.push({ index, ...(id && { id }), reason: oversize });
      return;
    }
    pending.push({ index, ...(id && { id }), body });
  });

  const batches = packBatches(pending);
  const maxAttempts = options.maxAttempts ?? 3;
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next++] as Pending[];
      for (const outcome of await sendWithRetries(client, queueUrl, batch, maxAttempts)) {
        if ('reason' in outcome) result.failed.push(outcome);
        else {
          result.sent++;
          if (invalid.has(outcome.index)) result.sentInvalid++;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(BATCHES_IN_FLIGHT, batches.length) }, worker));
  result.failed.sort((a, b) => a.index - b.index);
  return result;
}

/**
 * JSON text with characters outside the Basic Multilingual Plane (emoji) written as `\u` escapes:
 * the same JSON value, accepted by every SQS implementation (fauxqs refuses raw astral characters,
 * which real SQS allows).
 */
export function escapeAstralCharacters(json: string): string {
  return json.replace(
    /[\u{10000}-\u{10FFFF}]/gu,
    (character) => `\\u${character.charCodeAt(0).toString(16)}\\u${character.charCodeAt(1).toString(16)}`,
  );
}

/** A message as an SQS body: JSON, emoji escaped. */
export function toMessageBody(message: unknown): string {
  return escapeAstralCharacters(JSON.stringify(message));
}

function idOf(message: unknown): string | undefined {
  const id = (message as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : undefined;
}

function packBatches(pending: Pending[]): Pending[][] {
  const batches: Pending[][] = [];
  let current: Pending[] = [];
  let bytes = 0;
  for (const entry of pending) {
    const size = Buffer.byteLength(entry.body);
    if (current.length === MAX_ENTRIES_PER_BATCH || bytes + size > MAX_BATCH_BYTES) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(entry);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

async function sendWithRetries(
  client: SQSClient,
  queueUrl: string,
  batch: Pending[],
  maxAttempts: number,
): Promise<Array<{ index: number } | SendFailure>> {
  const outcomes: Array<{ index: number } | SendFailure> = [];
  let remaining = batch;
  for (let attempt = 1; remaining.length > 0; attempt++) {
    const entries: SendMessageBatchRequestEntry[] = remaining.map((entry, i) => ({
      Id: String(i),
      MessageBody: entry.body,
    }));
    let retry: Pending[] = [];
    try {
      const response = await client.send(
        new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: entries }),
      );
      for (const ok of response.Successful ?? [])
        outcomes.push({ index: (remaining[Number(ok.Id)] as Pending).index });
      for (const failed of response.Failed ?? []) {
        const entry = remaining[Number(failed.Id)] as Pending;
        if (!failed.SenderFault && attempt < maxAttempts) retry.push(entry);
        else outcomes.push(failure(entry, `${failed.Code}: ${failed.Message ?? ''}`.trim()));
      }
    } catch (error) {
      // The SDK has already retried the call itself; what is left is reported, not swallowed.
      if (attempt < maxAttempts) retry = remaining;
      else for (const entry of remaining) outcomes.push(failure(entry, (error as Error).message));
    }
    remaining = retry;
    if (remaining.length > 0) await sleep(100 * 2 ** attempt);
  }
  return outcomes;
}

function failure(entry: Pending, reason: string): SendFailure {
  return { index: entry.index, ...(entry.id && { id: entry.id }), reason };
}
