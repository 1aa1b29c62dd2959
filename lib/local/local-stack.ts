import { rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { CreateQueueCommand, GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDbFeedbackStore } from '../store/dynamodb-feedback-store.js';
import { EXPIRES_AT_ATTRIBUTE, feedbackTableDefinition } from '../store/feedback-table.js';
import type { ThemeMentionWrites } from '../store/theme-mention-writes.js';
import { startInMemoryDynamoDb } from './in-memory-dynamodb.js';
import { type LocalDynamoDb, startLocalDynamoDb } from './local-dynamodb.js';
import { LOCAL_DLQ_NAME, LOCAL_QUEUE_NAME, LOCAL_TABLE_NAME } from './local-names.js';
import { type LocalSqs, startLocalSqs } from './local-sqs.js';
import { makePrivateFolder } from './private-folder.js';
import { discardJournal, finishReplay, QueueJournal, takePendingMessages } from './queue-journal.js';
import { replayMessages } from './replay-messages.js';

export { LOCAL_DLQ_NAME, LOCAL_QUEUE_NAME, LOCAL_TABLE_NAME } from './local-names.js';

export interface LocalStackOptions {
  /** Folder for DynamoDB Local's data; in memory when unset. */
  dataDir?: string;
  /** Start from empty data. */
  fresh?: boolean;
  /** Receives before a message moves to the dead-letter queue (the deployed default is 5). */
  maxReceiveCount?: number;
  /** Days after submission a comment still gets a follow-up and an alert (default 14). */
  followUpMaxAgeDays?: number;
  /**
   * How the store writes theme mentions: in transactions unless told otherwise, because DynamoDB Local
   * on disk commits each BatchWriteItem item on its own (see ThemeMentionWrites).
   */
  themeMentionWrites?: ThemeMentionWrites;
}

export interface LocalStack {
  dynamodb: LocalDynamoDb;
  sqs: LocalSqs;
  tableName: string;
  queueUrl: string;
  queueArn: string;
  dlqUrl: string;
  store: DynamoDbFeedbackStore;
  /** The journal of what the feedback queue accepted (with `dataDir` only). */
  journal: QueueJournal | undefined;
  /** Messages a previous run accepted and never finished, put back on the queue at this start. */
  replayed: number;
  stop(): Promise<void>;
}

/**
 * The pipeline's AWS peers on loopback: DynamoDB Local (persisted under `dataDir`) and an in-process
 * SQS emulator, with the feedback table and the feedback queue + DLQ created as the CDK stack defines them.
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const { dataDir } = options;
  const dynamoDir = dataDir && join(dataDir, 'dynamodb');
  if (dynamoDir && options.fresh) rmSync(dynamoDir, { recursive: true, force: true });
  if (dataDir) {
    makePrivateFolder(dataDir);
    if (options.fresh) discardJournal(dataDir);
  }
  // What the last run accepted and did not finish (it was stopped or killed): sent again below.
  const pending = dataDir ? takePendingMessages(dataDir) : [];
  const journal = dataDir ? QueueJournal.open(dataDir) : undefined;
  const [dynamodbStart, sqsStart] = await Promise.allSettled([
    dynamoDir ? startLocalDynamoDb({ dataDir: dynamoDir }) : startInMemoryDynamoDb(),
    startLocalSqs({ feedbackQueueName: LOCAL_QUEUE_NAME, ...(journal && { journal }) }),
  ]);
  if (dynamodbStart.status === 'rejected' || sqsStart.status === 'rejected') {
    // The one that started must not outlive the failed start: its server would keep the process alive.
    await Promise.all([
      dynamodbStart.status === 'fulfilled' && dynamodbStart.value.stop(),
      sqsStart.status === 'fulfilled' && sqsStart.value.stop(),
    ]);
    journal?.close();
    throw dynamodbStart.status === 'rejected'
      ? dynamodbStart.reason
      : (sqsStart as PromiseRejectedResult).reason;
  }
  const [dynamodb, sqs] = [dynamodbStart.value, sqsStart.value];
  try {
    const [, queues] = await Promise.all([
      ensureTable(dynamodb, LOCAL_TABLE_NAME),
      createQueues(sqs.client, options.maxReceiveCount ?? 3),
    ]);
    if (dataDir) {
      if (pending.length > 0) await replayMessages(sqs.client, queues.queueUrl, pending);
      // Now on the new queue and in the new journal (or nothing was pending): the old journal goes.
      finishReplay(dataDir);
    }
    return {
      dynamodb,
      sqs,
      tableName: LOCAL_TABLE_NAME,
      ...queues,
      store: new DynamoDbFeedbackStore(dynamodb.client, {
        tableName: LOCAL_TABLE_NAME,
        themeMentionWrites: options.themeMentionWrites ?? 'transaction',
        ...(options.followUpMaxAgeDays !== undefined && { followUpMaxAgeDays: options.followUpMaxAgeDays }),
      }),
      journal,
      replayed: pending.length,
      stop: async () => {
        await Promise.all([sqs.stop(), dynamodb.stop()]);
        journal?.close();
      },
    };
  } catch (error) {
    await Promise.all([sqs.stop(), dynamodb.stop()]);
    journal?.close();
    throw error;
  }
}

export async function ensureTable(dynamodb: LocalDynamoDb, tableName: string): Promise<void> {
  try {
    await dynamodb.client.send(new DescribeTableCommand({ TableName: tableName }));
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
    await dynamodb.client.send(new CreateTableCommand(feedbackTableDefinition(tableName)));
    // As deployed: items carry `expiresAt` when an account sets a retention.
    await dynamodb.client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: EXPIRES_AT_ATTRIBUTE, Enabled: true },
      }),
    );
  }
}

async function queueArnOf(client: SQSClient, queueUrl: string): Promise<string> {
  const { Attributes } = await client.send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }),
  );
  return Attributes?.QueueArn ?? '';
}

export async function createQueues(client: SQSClient, maxReceiveCount: number) {
  const dlq = await client.send(new CreateQueueCommand({ QueueName: LOCAL_DLQ_NAME }));
  const dlqUrl = dlq.QueueUrl ?? '';
  const queue = await client.send(
    new CreateQueueCommand({
      QueueName: LOCAL_QUEUE_NAME,
      Attributes: {
        RedrivePolicy: JSON.stringify({
          deadLetterTargetArn: await queueArnOf(client, dlqUrl),
          maxReceiveCount,
        }),
      },
    }),
  );
  const queueUrl = queue.QueueUrl ?? '';
  return { queueUrl, queueArn: await queueArnOf(client, queueUrl), dlqUrl };
}
