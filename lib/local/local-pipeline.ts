import { Logger } from '@aws-lambda-powertools/logger';
import { createIngestHandler } from '../../functions/ingest/ingest-handler.js';
import type { IngestOutcome } from '../ingest/ingest-feedback.js';
import { drainQueue, queueDepth } from './drain-queue.js';
import { type LocalStack, type LocalStackOptions, startLocalStack } from './local-stack.js';
import { QueuePoller } from './queue-poller.js';

export type OutcomeCounts = Record<IngestOutcome['outcome'], number>;

export interface LocalPipeline {
  stack: LocalStack;
  poller: QueuePoller;
  /** What the ingest handler did with each record since start. */
  outcomes: OutcomeCounts;
  /** Resolves when the queue is empty and no batch is in flight. */
  drain(timeoutMs?: number): Promise<void>;
  /** Messages waiting in the dead-letter queue. */
  deadLettered(): Promise<number>;
  stop(): Promise<void>;
}

export interface LocalPipelineOptions extends LocalStackOptions {
  batchSize?: number;
  concurrency?: number;
  visibilityTimeoutSeconds?: number;
}

/**
 * The whole ingest pipeline on this machine: local SQS and DynamoDB, and the real ingest handler
 * driven by a poller that behaves like Lambda's SQS event source mapping.
 */
export async function startLocalPipeline(options: LocalPipelineOptions = {}): Promise<LocalPipeline> {
  const stack = await startLocalStack(options);
  const outcomes: OutcomeCounts = { stored: 0, duplicate: 0, rejected: 0, duplicate_reject: 0 };
  const handler = createIngestHandler({
    store: stack.store,
    logger: new Logger({ serviceName: 'closeloop-ingest', logLevel: 'ERROR' }),
    onOutcome: (outcome) => {
      outcomes[outcome.outcome]++;
    },
  });
  const poller = new QueuePoller({
    client: stack.sqs.client,
    queueUrl: stack.queueUrl,
    queueArn: stack.queueArn,
    handler,
    batchSize: options.batchSize ?? 100,
    concurrency: options.concurrency ?? 2,
    visibilityTimeoutSeconds: options.visibilityTimeoutSeconds ?? 10,
  });
  poller.start();

  return {
    stack,
    poller,
    outcomes,
    drain: (timeoutMs = 120_000) => drainQueue(stack.sqs.client, stack.queueUrl, poller, timeoutMs),
    deadLettered: () => queueDepth(stack.sqs.client, stack.dlqUrl),
    stop: async () => {
      await poller.stop();
      await stack.stop();
    },
  };
}
