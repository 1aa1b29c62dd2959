import { Logger } from '@aws-lambda-powertools/logger';
import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIngestHandler } from '../../functions/ingest/ingest-handler.js';
import { analyzeFeedback } from '../../lib/analysis/analyze-feedback.js';
import { drainQueue, queueDepth } from '../../lib/local/drain-queue.js';
import { type LocalStack, startLocalStack } from '../../lib/local/local-stack.js';
import { QueuePoller } from '../../lib/local/queue-poller.js';
import { sendFeedback } from '../../lib/queue/send-feedback.js';
import {
  type FeedbackStore,
  type StoreOutcome,
  TransientStoreError,
} from '../../lib/store/feedback-store.js';
import { FOLLOW_UP_ANY_AGE } from '../support/any-age.js';
import { sqsEvent } from '../support/sqs-event.js';
import { withBatchWrite } from '../support/store-faults.js';

const logger = new Logger({ logLevel: 'SILENT' });
let stack: LocalStack;

beforeAll(async () => {
  stack = await startLocalStack({ maxReceiveCount: 2, ...FOLLOW_UP_ANY_AGE });
});

afterAll(async () => {
  await stack?.stop();
});

/** The real store, failing writes for some ids the way a throttled table does. */
function throttledFor(store: FeedbackStore, ids: Set<string>): FeedbackStore {
  return withBatchWrite(store, async (entries, write) => {
    const passed = entries.filter((entry) => !ids.has(entry.message.id));
    const stored = await write(passed);
    return entries.map((entry) =>
      ids.has(entry.message.id)
        ? new TransientStoreError('ProvisionedThroughputExceededException')
        : (stored[passed.indexOf(entry)] as StoreOutcome | Error),
    );
  });
}

const day = '2026-03-04';
const submittedAt = `${day}T10:00:00Z`;

describe('ingest handler on DynamoDB Local', () => {
  it('stores a message once however often it is delivered', async () => {
    const handler = createIngestHandler({ store: stack.store, logger });
    const body = JSON.stringify({
      id: 'dup-1',
      text: 'Third time I have called and still not fixed',
      score: 2,
      segment: { department: 'Duplicates' },
      submittedAt,
    });
    expect(await handler(sqsEvent([body, body]))).toEqual({ batchItemFailures: [] });
    expect(await handler(sqsEvent([body]))).toEqual({ batchItemFailures: [] });
    const [counts] = await stack.store.readDailyCounts(
      { dimension: 'department', value: 'Duplicates' },
      day,
      day,
    );
    expect(counts).toMatchObject({ feedback: 1, responses: 1, detractors: 1 });
    expect((await stack.store.getFeedback('dup-1'))?.redactedText).toBe(
      'Third time I have called and still not fixed',
    );
  });

  it('writes the new records of a batch that also holds stored ones, counting each once', async () => {
    const outcomes: string[] = [];
    const handler = createIngestHandler({
      store: stack.store,
      logger,
      onOutcome: (o) => outcomes.push(o.outcome),
    });
    const body = (id: string, score: number) =>
      JSON.stringify({
        id,
        text: 'Waited two hours',
        score,
        segment: { department: 'Mixed Known' },
        submittedAt,
      });
    await handler(sqsEvent([body('mk-a', 1), body('mk-b', 9)]));
    outcomes.length = 0;
    const response = await handler(
      sqsEvent([body('mk-b', 9), body('mk-c', 8), body('mk-a', 1), body('mk-d', 0)]),
    );
    expect(response.batchItemFailures).toEqual([]);
    expect(outcomes).toEqual(['duplicate', 'stored', 'duplicate', 'stored']);
    const [counts] = await stack.store.readDailyCounts(
      { dimension: 'department', value: 'Mixed Known' },
      day,
      day,
    );
    expect(counts).toMatchObject({ feedback: 4, promoters: 1, passives: 1, detractors: 2 });
    expect(
      (await stack.store.listThemeMentions('wait_time', day, day)).filter((m) => m.id.startsWith('mk-')),
    ).toHaveLength(4);
  });

  it('stores good records, rejects bad ones with a reason and reports only transient failures', async () => {
    const handler = createIngestHandler({
      store: throttledFor(stack.store, new Set(['mix-throttled'])),
      logger,
    });
    const response = await handler(
      sqsEvent([
        JSON.stringify({ id: 'mix-good', text: 'Lovely staff, sorted in minutes', score: 10, submittedAt }),
        '{"id": "mix-broken", "text": ',
        JSON.stringify({ id: 'mix-wrong', text: 'fine', score: 11 }),
        JSON.stringify({ id: 'mix-throttled', text: 'Waited an hour on hold', score: 3, submittedAt }),
      ]),
    );
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'm-3' }]);
    expect(await stack.store.getFeedback('mix-good')).toBeDefined();
    expect(await stack.store.getFeedback('mix-throttled')).toBeUndefined();
    const rejects = await stack.store.listRejected({ months: [new Date().toISOString().slice(0, 7)] });
    const reasons = rejects.map((r) => r.reason);
    expect(reasons).toContain('invalid JSON');
    const schemaReject = rejects.find((r) => r.body.includes('mix-wrong'));
    expect(schemaReject?.reason).toBe('schema violation');
    expect(schemaReject?.issues.join(' ')).toMatch(/score/);
  });

  it('stores a reject once when the same bad body is delivered again', async () => {
    const handler = createIngestHandler({ store: stack.store, logger });
    const month = new Date().toISOString().slice(0, 7);
    const before = (await stack.store.listRejected({ months: [month], limit: 1000 })).length;
    await handler(sqsEvent(['not json at all, card 4111 1111 1111 1111']));
    await handler(sqsEvent(['not json at all, card 4111 1111 1111 1111']));
    const rejects = await stack.store.listRejected({ months: [month], limit: 1000 });
    expect(rejects.length).toBe(before + 1);
    expect(rejects[0]?.body).toBe('not json at all, card [CARD]');
  });

  it('lists open follow-ups highest priority first, oldest first within a priority', async () => {
    const handler = createIngestHandler({ store: stack.store, logger });
    const messages = [
      { id: 'fu-mild', text: 'Not great, a bit slow', score: 6 },
      { id: 'fu-churn', text: 'On hold 2 hours, third time calling, I am cancelling my contract', score: 0 },
      { id: 'fu-happy', text: 'Brilliant, thank you', score: 10 },
      { id: 'fu-middle', text: 'Nobody called me back as promised', score: 3 },
    ].map((m) => JSON.stringify({ ...m, segment: { department: 'Queue Order' }, submittedAt }));
    await handler(sqsEvent(messages));
    const page = await stack.store.listFollowUps({ department: 'Queue Order' });
    const ids = page.items.map((r) => r.id);
    expect(ids).not.toContain('fu-happy');
    expect(ids[0]).toBe('fu-churn');
    const priorities = page.items.map((r) => r.followUp.priority);
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
  });
});

describe('the local event source mapping', () => {
  it('moves a message that keeps failing to the dead-letter queue and stores the rest', async () => {
    const handler = createIngestHandler({
      store: throttledFor(stack.store, new Set(['dlq-always'])),
      logger,
    });
    const poller = new QueuePoller({
      client: stack.sqs.client,
      queueUrl: stack.queueUrl,
      queueArn: stack.queueArn,
      handler,
      visibilityTimeoutSeconds: 1,
    });
    await stack.sqs.client.send(
      new SendMessageBatchCommand({
        QueueUrl: stack.queueUrl,
        Entries: [
          {
            Id: '1',
            MessageBody: JSON.stringify({ id: 'dlq-always', text: 'Rude agent', score: 1, submittedAt }),
          },
          {
            Id: '2',
            MessageBody: JSON.stringify({ id: 'dlq-fine', text: 'All good', score: 9, submittedAt }),
          },
        ],
      }),
    );
    poller.start();
    try {
      await drainQueue(stack.sqs.client, stack.queueUrl, poller, 30_000);
    } finally {
      await poller.stop();
    }
    expect(await queueDepth(stack.sqs.client, stack.dlqUrl)).toBe(1);
    expect(await stack.store.getFeedback('dlq-fine')).toBeDefined();
    expect(await stack.store.getFeedback('dlq-always')).toBeUndefined();
    expect(poller.stats.failedRecords).toBeGreaterThanOrEqual(2);
  }, 60_000);

  it('counts 1,000 messages exactly once through SQS despite duplicates', async () => {
    const texts = [
      'On hold for 45 minutes and nobody could help',
      'Great service, fixed first time',
      'Bill was wrong again, third time I have called',
      'It was ok',
      'Engineer never turned up, I am switching to another provider',
    ];
    const messages = Array.from({ length: 1_000 }, (_, i) => ({
      id: `bulk-${i}`,
      text: texts[i % texts.length] as string,
      score: i % 11,
      segment: { department: 'Bulk', agent: `bulk-agent-${i % 7}` },
      submittedAt: `2026-03-0${5 + (i % 3)}T12:00:00Z`,
    }));
    const duplicates = messages.filter((_, i) => i % 10 === 0);
    const sent = await sendFeedback(stack.sqs.client, stack.queueUrl, [...messages, ...duplicates]);
    expect(sent).toMatchObject({ sent: 1_100, failed: [] });

    const poller = new QueuePoller({
      client: stack.sqs.client,
      queueUrl: stack.queueUrl,
      queueArn: stack.queueArn,
      handler: createIngestHandler({ store: stack.store, logger }),
      batchSize: 100,
      concurrency: 2,
    });
    poller.start();
    try {
      await drainQueue(stack.sqs.client, stack.queueUrl, poller, 120_000);
    } finally {
      await poller.stop();
    }

    // Recount from the analysis of the unique messages, independently of the counters.
    const expected = { feedback: 0, promoters: 0, passives: 0, detractors: 0, negative: 0, followUps: 0 };
    const expectedThemes = new Map<string, number>();
    for (const message of messages) {
      const analysis = analyzeFeedback(message);
      expected.feedback++;
      if (analysis.nps) expected[`${analysis.nps.category}s`]++;
      if (analysis.sentiment.label === 'negative') expected.negative++;
      if (analysis.followUp.required) expected.followUps++;
      for (const theme of analysis.themes)
        expectedThemes.set(theme.id, (expectedThemes.get(theme.id) ?? 0) + 1);
    }
    const days = await stack.store.readDailyCounts(
      { dimension: 'department', value: 'Bulk' },
      '2026-03-05',
      '2026-03-07',
    );
    const sum = (field: 'feedback' | 'promoters' | 'passives' | 'detractors' | 'negative' | 'followUps') =>
      days.reduce((total, d) => total + d[field], 0);
    expect(days.map((d) => d.day)).toEqual(['2026-03-05', '2026-03-06', '2026-03-07']);
    for (const field of Object.keys(expected) as Array<keyof typeof expected>) {
      expect(sum(field), field).toBe(expected[field]);
    }
    for (const [theme, mentions] of expectedThemes) {
      expect(
        days.reduce((total, d) => total + (d.themes[theme]?.mentions ?? 0), 0),
        theme,
      ).toBe(mentions);
    }
    const agents = await Promise.all(
      Array.from({ length: 7 }, (_, a) =>
        stack.store.readDailyCounts(
          { dimension: 'agent', value: `bulk-agent-${a}` },
          '2026-03-05',
          '2026-03-07',
        ),
      ),
    );
    expect(agents.flat().reduce((total, d) => total + d.feedback, 0)).toBe(1_000);
  }, 180_000);
});
