import { Logger } from '@aws-lambda-powertools/logger';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIngestHandler } from '../../functions/ingest/ingest-handler.js';
import { analyzeFeedback } from '../../lib/analysis/analyze-feedback.js';
import { ingestFeedbackBatch } from '../../lib/ingest/ingest-feedback.js';
import { drainQueue } from '../../lib/local/drain-queue.js';
import { type LocalStack, startLocalStack } from '../../lib/local/local-stack.js';
import { QueuePoller } from '../../lib/local/queue-poller.js';
import { sendFeedback } from '../../lib/queue/send-feedback.js';
import type { FeedbackStore } from '../../lib/store/feedback-store.js';
import { FOLLOW_UP_ANY_AGE } from '../support/any-age.js';
import { withBatchWrite } from '../support/store-faults.js';

const logger = new Logger({ logLevel: 'SILENT' });
let stack: LocalStack;

beforeAll(async () => {
  stack = await startLocalStack({ maxReceiveCount: 5, ...FOLLOW_UP_ANY_AGE });
});

afterAll(async () => {
  await stack?.stop();
});

/**
 * The real store, except that the first `crashes` batches die part-way: the first half of the batch
 * is written, then the process "dies" (the handler throws, as a Lambda killed by a timeout would end).
 */
function crashingMidBatch(store: FeedbackStore, crashes: number): FeedbackStore {
  let left = crashes;
  return withBatchWrite(store, async (entries, write) => {
    if (left <= 0) return write(entries);
    left--;
    await write(entries.slice(0, Math.ceil(entries.length / 2)));
    throw new Error('Lambda timed out after writing half the batch');
  });
}

async function runThrough(store: FeedbackStore, messages: Array<Record<string, unknown>>) {
  const poller = new QueuePoller({
    client: stack.sqs.client,
    queueUrl: stack.queueUrl,
    queueArn: stack.queueArn,
    handler: createIngestHandler({ store, logger }),
    batchSize: 20,
    visibilityTimeoutSeconds: 1,
  });
  expect((await sendFeedback(stack.sqs.client, stack.queueUrl, messages)).failed).toEqual([]);
  poller.start();
  try {
    await drainQueue(stack.sqs.client, stack.queueUrl, poller, 60_000);
  } finally {
    await poller.stop();
  }
  return poller.stats;
}

function expectedCounts(messages: Array<Record<string, unknown>>) {
  const counts = { feedback: 0, promoters: 0, passives: 0, detractors: 0, followUps: 0 };
  for (const message of messages) {
    const analysis = analyzeFeedback(message as never);
    counts.feedback++;
    if (analysis.nps) counts[`${analysis.nps.category}s`]++;
    if (analysis.followUp.required) counts.followUps++;
  }
  return counts;
}

describe('fault injection on the local pipeline', () => {
  it('counts exactly once when the function dies half-way through writing its batches', async () => {
    const day = '2026-02-10';
    const messages = Array.from({ length: 60 }, (_, i) => ({
      id: `crash-${i}`,
      text: ['On hold 40 minutes', 'Great help', 'Third call, still broken', 'ok'][i % 4] as string,
      score: i % 11,
      segment: { department: 'Crash' },
      submittedAt: `${day}T10:00:00Z`,
    }));
    const stats = await runThrough(crashingMidBatch(stack.store, 2), messages);
    expect(stats.handlerErrors).toBe(2);
    const [counts] = await stack.store.readDailyCounts({ dimension: 'department', value: 'Crash' }, day, day);
    expect(counts).toMatchObject(expectedCounts(messages));
    for (const message of messages) expect(await stack.store.getFeedback(message.id)).toBeDefined();
  }, 90_000);

  it('counts exactly once when the function dies between inserting records and adding their counts', async () => {
    const day = '2026-02-12';
    // The first two counting transactions never reach the table: the records are in, their counts
    // only in pending-counts items, as after a Lambda killed at that moment.
    let crashes = 2;
    stack.dynamodb.client.middlewareStack.add(
      (next, context) => async (args) => {
        const items = (args.input as { TransactItems?: Array<{ Delete?: { Key?: { PK?: unknown } } }> })
          .TransactItems;
        const counting = items?.some((item) => String(item.Delete?.Key?.PK).startsWith('PENDINGCOUNTS#'));
        if (context.commandName === 'TransactWriteItemsCommand' && counting && crashes > 0) {
          crashes--;
          throw new Error('Lambda timed out before adding the counts');
        }
        return next(args);
      },
      { step: 'initialize', name: 'crashBeforeCounting' },
    );
    const messages = Array.from({ length: 40 }, (_, i) => ({
      id: `uncounted-${i}`,
      text: ['On hold 40 minutes', 'Great help', 'Third call, still broken', 'ok'][i % 4] as string,
      score: i % 11,
      segment: { department: 'Uncounted' },
      submittedAt: `${day}T10:00:00Z`,
    }));
    try {
      const stats = await runThrough(stack.store, messages);
      expect(crashes).toBe(0);
      expect(stats.failedRecords).toBeGreaterThan(0);
    } finally {
      stack.dynamodb.client.middlewareStack.remove('crashBeforeCounting');
    }
    const [counts] = await stack.store.readDailyCounts(
      { dimension: 'department', value: 'Uncounted' },
      day,
      day,
    );
    expect(counts).toMatchObject(expectedCounts(messages));
    const waits = await stack.store.listThemeMentions('wait_time', day, day);
    const expectedWaits = messages.filter((m) =>
      analyzeFeedback(m as never).themes.some((t) => t.id === 'wait_time'),
    );
    expect(new Set(waits.map((m) => m.id))).toEqual(new Set(expectedWaits.map((m) => m.id)));
  }, 90_000);

  it('recovers when every write fails for a while (a table outage shorter than the retries)', async () => {
    const day = '2026-02-11';
    // Counted, not timed: on a busy machine a timed outage could end before the first poll.
    let failedWritesLeft = 3;
    const flaky = withBatchWrite(stack.store, async (entries, write) => {
      if (failedWritesLeft > 0) {
        failedWritesLeft--;
        throw new Error('connect ECONNREFUSED 127.0.0.1');
      }
      return write(entries);
    });
    const messages = Array.from({ length: 30 }, (_, i) => ({
      id: `outage-${i}`,
      text: 'The app keeps crashing',
      score: i % 11,
      segment: { department: 'Outage' },
      submittedAt: `${day}T10:00:00Z`,
    }));
    const stats = await runThrough(flaky, messages);
    expect(failedWritesLeft).toBe(0);
    expect(stats.handlerErrors).toBe(3);
    const [counts] = await stack.store.readDailyCounts(
      { dimension: 'department', value: 'Outage' },
      day,
      day,
    );
    expect(counts).toMatchObject(expectedCounts(messages));
  }, 90_000);

  /**
   * Holds every counting transaction (the one that deletes a pending-counts item) until `release`:
   * `reached` resolves when the first one arrives.
   */
  function holdCounting() {
    let arrive: () => void = () => {};
    let release: () => void = () => {};
    const reached = new Promise<void>((resolve) => {
      arrive = resolve;
    });
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let holding = true;
    stack.dynamodb.client.middlewareStack.add(
      (next, context) => async (args) => {
        const items = (args.input as { TransactItems?: Array<{ Delete?: { Key?: { PK?: unknown } } }> })
          .TransactItems;
        const counting = items?.some((item) => String(item.Delete?.Key?.PK).startsWith('PENDINGCOUNTS#'));
        if (context.commandName === 'TransactWriteItemsCommand' && counting && holding) {
          holding = false;
          arrive();
          await released;
        }
        return next(args);
      },
      { step: 'initialize', name: 'holdCounting' },
    );
    return {
      reached,
      release: () => {
        release();
        stack.dynamodb.client.middlewareStack.remove('holdCounting');
      },
    };
  }

  const delivery = (day: string, id: string, sourceMessageId: string) => ({
    sourceMessageId,
    body: JSON.stringify({
      id,
      text: 'On hold 40 minutes, nobody called back',
      score: 2,
      segment: { department: id },
      submittedAt: `${day}T10:00:00Z`,
    }),
  });

  it('reports a comment stored once when its second delivery arrives while the first is still counting', async () => {
    // A vendor retrying a webhook, with two batches in flight: the second delivery finds the record
    // inserted and its counts pending, and finishes the counting itself; the first then finds it done.
    const day = '2026-02-13';
    const id = 'MetHalfway';
    const context = { store: stack.store, receivedAt: `${day}T11:00:00Z` };
    const hold = holdCounting();
    const first = ingestFeedbackBatch([delivery(day, id, 'delivery-1')], context);
    await hold.reached;
    const second = await ingestFeedbackBatch([delivery(day, id, 'delivery-2')], context);
    hold.release();
    expect([(await first)[0], second[0]]).toMatchObject([{ outcome: 'stored' }, { outcome: 'duplicate' }]);
    const [counts] = await stack.store.readDailyCounts({ dimension: 'department', value: id }, day, day);
    expect(counts).toMatchObject({ feedback: 1, detractors: 1 });
  }, 30_000);

  it('reports a comment stored by the redelivery of the message whose function died before counting it', async () => {
    const day = '2026-02-14';
    const id = 'DiedBeforeCounting';
    const context = { store: stack.store, receivedAt: `${day}T11:00:00Z` };
    const hold = holdCounting();
    // The first invocation inserts and stalls at the counting, as if killed there; its message comes back.
    const stalled = ingestFeedbackBatch([delivery(day, id, 'delivery-1')], context);
    await hold.reached;
    const redelivery = await ingestFeedbackBatch([delivery(day, id, 'delivery-1')], context);
    const otherDelivery = await ingestFeedbackBatch([delivery(day, id, 'delivery-2')], context);
    expect([redelivery[0], otherDelivery[0]]).toMatchObject([
      { outcome: 'stored' },
      { outcome: 'duplicate' },
    ]);
    hold.release();
    await stalled;
    const [counts] = await stack.store.readDailyCounts({ dimension: 'department', value: id }, day, day);
    expect(counts).toMatchObject({ feedback: 1, detractors: 1 });
  }, 30_000);
});
