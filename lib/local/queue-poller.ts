import { setTimeout as sleep } from 'node:timers/promises';
import {
  DeleteMessageBatchCommand,
  type Message,
  ReceiveMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { LOCAL_REGION } from './local-dynamodb.js';

export type SqsHandler = (event: SQSEvent) => Promise<SQSBatchResponse>;

export interface QueuePollerOptions {
  client: SQSClient;
  queueUrl: string;
  queueArn: string;
  handler: SqsHandler;
  /** Records per handler call, as the event source mapping's BatchSize (1-100 here). */
  batchSize?: number;
  /** Parallel polling loops, as the mapping's maximum concurrency. */
  concurrency?: number;
  /** Seconds a received message stays hidden; a failed record reappears after it. */
  visibilityTimeoutSeconds?: number;
  /** Called after each handler call, for progress and tests. */
  onBatch?: (batch: { records: number; failed: number }) => void;
  /** Called with the ids of messages deleted after they were handled (the local queue journal marks them done). */
  onDeleted?: (messageIds: string[]) => void;
}

export interface PollerStats {
  batches: number;
  records: number;
  failedRecords: number;
  /** Handler calls that threw: every record of the batch goes back to the queue. */
  handlerErrors: number;
  /** Receive or delete calls that failed (SQS unreachable): polling goes on after a pause. */
  queueErrors: number;
}

/**
 * What Lambda's SQS event source mapping does, for the local stack: long-polls the queue, gathers up
 * to `batchSize` messages into one SQS event, invokes the handler, deletes the records it did not report
 * as failed, and leaves the failed ones to reappear after the visibility timeout (the queue's redrive
 * policy then moves a message that keeps failing to the dead-letter queue).
 */
export class QueuePoller {
  readonly stats: PollerStats = {
    batches: 0,
    records: 0,
    failedRecords: 0,
    handlerErrors: 0,
    queueErrors: 0,
  };
  private running = false;
  private loops: Promise<void>[] = [];
  private inFlight = 0;
  private readonly abort = new AbortController();

  constructor(private readonly options: QueuePollerOptions) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loops = Array.from({ length: this.options.concurrency ?? 1 }, () => this.loop());
  }

  /** True when no batch is being handled right now. */
  get idle(): boolean {
    return this.inFlight === 0;
  }

  /** Stops polling after the batches in flight are handled (and their messages deleted). */
  async stop(): Promise<void> {
    this.running = false;
    this.abort.abort();
    await Promise.all(this.loops);
  }

  private async loop(): Promise<void> {
    let pauseMs = 0;
    while (this.running) {
      let messages: Message[];
      try {
        messages = await this.receiveBatch();
        pauseMs = 0;
      } catch {
        if (!this.running) return;
        // As the event source mapping does when SQS is unreachable: keep polling, backing off.
        this.stats.queueErrors++;
        pauseMs = Math.min(2_000, Math.max(100, pauseMs * 2));
        await sleep(pauseMs);
        continue;
      }
      if (messages.length === 0) continue;
      this.inFlight++;
      try {
        await this.handle(messages);
      } finally {
        this.inFlight--;
      }
    }
  }

  private async receiveBatch(): Promise<Message[]> {
    const batchSize = this.options.batchSize ?? 10;
    const messages: Message[] = [];
    while (this.running && messages.length < batchSize) {
      const { Messages = [] } = await this.options.client.send(
        new ReceiveMessageCommand({
          QueueUrl: this.options.queueUrl,
          MaxNumberOfMessages: Math.min(10, batchSize - messages.length),
          // Long-poll for the first message, then take only what is already there (batching window 0).
          WaitTimeSeconds: messages.length === 0 ? 1 : 0,
          VisibilityTimeout: this.options.visibilityTimeoutSeconds ?? 30,
          MessageSystemAttributeNames: ['All'],
          MessageAttributeNames: ['All'],
        }),
        { abortSignal: this.abort.signal },
      );
      messages.push(...Messages);
      if (Messages.length === 0) break;
    }
    return messages;
  }

  private async handle(messages: Message[]): Promise<void> {
    const event: SQSEvent = { Records: messages.map((m) => this.toRecord(m)) };
    let failedIds: Set<string>;
    try {
      const response = await this.options.handler(event);
      failedIds = new Set(response.batchItemFailures.map((f) => f.itemIdentifier));
    } catch {
      this.stats.handlerErrors++;
      failedIds = new Set(event.Records.map((r) => r.messageId));
    }
    const done = messages.filter((m) => !failedIds.has(m.MessageId ?? ''));
    for (let i = 0; i < done.length; i += 10) {
      const chunk = done.slice(i, i + 10);
      try {
        const { Successful = [] } = await this.options.client.send(
          new DeleteMessageBatchCommand({
            QueueUrl: this.options.queueUrl,
            Entries: chunk.map((m, j) => ({ Id: String(j), ReceiptHandle: m.ReceiptHandle })),
          }),
        );
        this.options.onDeleted?.(Successful.map((entry) => chunk[Number(entry.Id)]?.MessageId ?? ''));
      } catch {
        // Not deleted: the messages reappear after the visibility timeout and come back as duplicates,
        // which the handler ignores. Nothing is lost.
        this.stats.queueErrors++;
      }
    }
    this.stats.batches++;
    this.stats.records += messages.length;
    this.stats.failedRecords += failedIds.size;
    this.options.onBatch?.({ records: messages.length, failed: failedIds.size });
  }

  private toRecord(message: Message): SQSRecord {
    const attributes = message.Attributes ?? {};
    return {
      messageId: message.MessageId ?? '',
      receiptHandle: message.ReceiptHandle ?? '',
      body: message.Body ?? '',
      attributes: {
        ApproximateReceiveCount: attributes.ApproximateReceiveCount ?? '1',
        SentTimestamp: attributes.SentTimestamp ?? String(Date.now()),
        SenderId: attributes.SenderId ?? 'local',
        ApproximateFirstReceiveTimestamp: attributes.ApproximateFirstReceiveTimestamp ?? String(Date.now()),
      },
      messageAttributes: {},
      md5OfBody: message.MD5OfBody ?? '',
      eventSource: 'aws:sqs',
      eventSourceARN: this.options.queueArn,
      awsRegion: LOCAL_REGION,
    };
  }
}
