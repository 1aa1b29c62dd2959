import { join } from 'node:path';
import { Logger } from '@aws-lambda-powertools/logger';
import { createAlertHandler } from '../../functions/alert/alert-handler.js';
import { createIngestHandler } from '../../functions/ingest/ingest-handler.js';
import { type AlertRouting, type DetractorAlert, defaultAlertRouting } from '../alerts/detractor-alert.js';
import type { AnalyzeOptions } from '../analysis/analyze-feedback.js';
import type { IngestOutcome } from '../ingest/ingest-feedback.js';
import { drainQueue, queueDepth } from './drain-queue.js';
import { LocalAlertSink } from './local-alert-sink.js';
import { type LocalStack, type LocalStackOptions, startLocalStack } from './local-stack.js';
import { QueuePoller } from './queue-poller.js';
import { StreamPoller } from './stream-poller.js';

export type OutcomeCounts = Record<IngestOutcome['outcome'], number>;

export interface LocalPipeline {
  stack: LocalStack;
  poller: QueuePoller;
  /** What the ingest handler did with each record since start (a redelivered message counts again). */
  outcomes: OutcomeCounts;
  /**
   * The first outcome of each distinct queue message handled since start, by SQS message id. A
   * message redelivered (its visibility timeout ran out on a busy machine) is one entry: tests count these.
   */
  handled: Map<string, IngestOutcome['outcome']>;
  /** Alerts sent from the table's stream, in order, with the topics each went to. */
  alerts: Array<{ alert: DetractorAlert; topics: string[] }>;
  alertSink: LocalAlertSink;
  /** Where EventBridge alert events are appended, if anywhere. */
  alertEventsFile: string | undefined;
  /** Resolves when the queue is empty, no batch is in flight and the stream's alerts are sent. */
  drain(timeoutMs?: number): Promise<void>;
  /** Messages waiting in the dead-letter queue. */
  deadLettered(): Promise<number>;
  /** Messages in the feedback queue, waiting or in flight. */
  queueDepth(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * How the local event source mapping polls unless told otherwise: Lambda's largest SQS batch, and
 * as many batches at once as DynamoDB Local keeps busy without transactions conflicting on the shared
 * counter items (`npm run bench:pipeline -- --concurrency N` compares).
 */
export const LOCAL_POLLER_DEFAULTS = { batchSize: 100, concurrency: 2 } as const;

export interface LocalPipelineOptions extends LocalStackOptions {
  batchSize?: number;
  concurrency?: number;
  visibilityTimeoutSeconds?: number;
  /** Alert routing rules; closeloop's defaults when unset. */
  alertRouting?: AlertRouting;
  /** Append every EventBridge alert event to this JSON Lines file (default: `alert-events.jsonl` in `dataDir`). */
  alertEventsFile?: string;
  /** What the handlers log (to stdout, as in Lambda); errors only when unset. */
  logLevel?: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  /** Analysis options for the ingest function (an account's own taxonomy). */
  analyzeOptions?: AnalyzeOptions;
}

/**
 * The whole pipeline on this machine: local SQS and DynamoDB, the real ingest handler driven by a
 * poller that behaves like Lambda's SQS event source mapping, and the real alert handler on the
 * table's stream, publishing to a local SNS/EventBridge sink.
 */
export async function startLocalPipeline(options: LocalPipelineOptions = {}): Promise<LocalPipeline> {
  const stack = await startLocalStack(options);
  const outcomes: OutcomeCounts = { stored: 0, updated: 0, duplicate: 0, rejected: 0, duplicate_reject: 0 };
  const handled = new Map<string, IngestOutcome['outcome']>();
  const handler = createIngestHandler({
    store: stack.store,
    logger: new Logger({ serviceName: 'closeloop-ingest', logLevel: options.logLevel ?? 'ERROR' }),
    ...(options.analyzeOptions && { analyzeOptions: options.analyzeOptions }),
    onOutcome: (outcome, messageId) => {
      outcomes[outcome.outcome]++;
      if (!handled.has(messageId)) handled.set(messageId, outcome.outcome);
    },
  });
  const poller = new QueuePoller({
    client: stack.sqs.client,
    queueUrl: stack.queueUrl,
    queueArn: stack.queueArn,
    handler,
    batchSize: options.batchSize ?? LOCAL_POLLER_DEFAULTS.batchSize,
    concurrency: options.concurrency ?? LOCAL_POLLER_DEFAULTS.concurrency,
    // Long enough that a batch on a busy machine is not delivered again (and dead-lettered) while it runs.
    visibilityTimeoutSeconds: options.visibilityTimeoutSeconds ?? 30,
    ...(stack.journal && { onDeleted: (ids: string[]) => stack.journal?.done(ids) }),
  });
  poller.start();

  // Detractor alerts: the alert function on the table's stream, publishing to the local sink.
  const alerts: LocalPipeline['alerts'] = [];
  const alertEventsFile =
    options.alertEventsFile ?? (options.dataDir && join(options.dataDir, 'alert-events.jsonl'));
  const alertSink = await LocalAlertSink.start(stack.sqs, alertEventsFile);
  const streamPoller = new StreamPoller({
    dynamodb: stack.dynamodb.client,
    endpoint: stack.dynamodb.endpoint,
    tableName: stack.tableName,
    handler: createAlertHandler({
      store: stack.store,
      publisher: alertSink,
      routing: options.alertRouting ?? defaultAlertRouting,
      logger: new Logger({ serviceName: 'closeloop-alert', logLevel: options.logLevel ?? 'ERROR' }),
      onAlert: (alert, topics) => alerts.push({ alert, topics }),
    }),
  });
  await streamPoller.start();

  return {
    stack,
    poller,
    outcomes,
    handled,
    alerts,
    alertSink,
    alertEventsFile,
    drain: async (timeoutMs = 120_000) => {
      await drainQueue(stack.sqs.client, stack.queueUrl, poller, timeoutMs);
      await streamPoller.catchUp(timeoutMs);
    },
    deadLettered: () => queueDepth(stack.sqs.client, stack.dlqUrl),
    queueDepth: () => queueDepth(stack.sqs.client, stack.queueUrl),
    stop: async () => {
      await poller.stop();
      await streamPoller.stop();
      alertSink.stop();
      await stack.stop();
    },
  };
}
