import { setTimeout as sleep } from 'node:timers/promises';
import { GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { QueuePoller } from './queue-poller.js';

/** Messages in the queue, waiting or in flight (received, not yet deleted). */
export async function queueDepth(client: SQSClient, queueUrl: string): Promise<number> {
  const { Attributes = {} } = await client.send(
    new GetQueueAttributesCommand({
      QueueUrl: queueUrl,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
    }),
  );
  return (
    Number(Attributes.ApproximateNumberOfMessages) + Number(Attributes.ApproximateNumberOfMessagesNotVisible)
  );
}

/** Resolves when the queue is empty and the poller has no batch in flight. */
export async function drainQueue(
  client: SQSClient,
  queueUrl: string,
  poller: QueuePoller,
  timeoutMs = 120_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await queueDepth(client, queueUrl).catch(() => Number.NaN)) !== 0 || !poller.idle) {
    // NaN: the queue could not be asked (SQS unreachable for a moment), so it is not known to be empty.
    if (Date.now() > deadline) throw new Error(`the queue did not drain within ${timeoutMs} ms`);
    await sleep(50);
  }
}
