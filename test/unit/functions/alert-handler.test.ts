import { Logger } from '@aws-lambda-powertools/logger';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createAlertHandler } from '../../../functions/alert/alert-handler.js';
import { type AlertDestination, defaultAlertRouting } from '../../../lib/alerts/detractor-alert.js';
import { analyzeFeedback } from '../../../lib/analysis/analyze-feedback.js';
import type { FeedbackMessage } from '../../../lib/feedback/feedback-message.js';
import type { FeedbackRecord } from '../../../lib/store/feedback-store.js';
import { InMemoryFeedbackStore } from '../../support/in-memory-feedback-store.js';

const logger = new Logger({ logLevel: 'SILENT' });
const now = () => new Date('2026-11-30T09:00:00Z');

async function storedRecord(store: InMemoryFeedbackStore, message: FeedbackMessage): Promise<FeedbackRecord> {
  await store.storeFeedbackBatch([
    { message, analysis: analyzeFeedback(message), receivedAt: now().toISOString() },
  ]);
  return (await store.getFeedback(message.id)) as FeedbackRecord;
}

/** The stream event for new items, as the table's stream delivers them (marshalled, with a type). */
function streamEvent(
  records: FeedbackRecord[],
  eventName: 'INSERT' | 'MODIFY' = 'INSERT',
): DynamoDBStreamEvent {
  return {
    Records: records.map((record, i) => ({
      eventID: `e-${i}`,
      eventName,
      eventSource: 'aws:dynamodb',
      dynamodb: {
        SequenceNumber: String(i + 1),
        NewImage: marshall({ ...record, type: 'feedback' }, { removeUndefinedValues: true }) as never,
      },
    })),
  };
}

const detractor: FeedbackMessage = {
  id: 'det-1',
  text: 'Waited two hours on hold and nobody called back',
  score: 1,
  submittedAt: '2026-11-30T08:00:00Z',
};

describe('alert handler (in-memory store)', () => {
  it('sends a detractor alert once however often the stream delivers it', async () => {
    const store = new InMemoryFeedbackStore();
    const record = await storedRecord(store, detractor);
    const sent: Array<[string, AlertDestination]> = [];
    const handler = createAlertHandler({
      store,
      logger,
      now,
      routing: defaultAlertRouting,
      publisher: { deliver: async (alert, destination) => void sent.push([alert.id, destination]) },
    });
    const first = await handler(streamEvent([record]));
    const again = await handler(streamEvent([record]));
    expect(first.batchItemFailures).toEqual([]);
    expect(again.batchItemFailures).toEqual([]);
    expect(sent.length).toBeGreaterThan(0);
    expect(new Set(sent.map(([id]) => id))).toEqual(new Set(['det-1']));
    expect(new Set(sent.map(([, to]) => to)).size).toBe(sent.length);
    expect(store.alerts.get('det-1')?.status).toBe('sent');
  });

  it('retries a failed delivery without sending again where it already went', async () => {
    const store = new InMemoryFeedbackStore();
    const record = await storedRecord(store, detractor);
    const sent: AlertDestination[] = [];
    let failEvents = true;
    const handler = createAlertHandler({
      store,
      logger,
      now,
      routing: defaultAlertRouting,
      publisher: {
        deliver: async (_, destination) => {
          if (destination === 'events' && failEvents) throw new Error('EventBridge down');
          sent.push(destination);
        },
      },
    });
    expect((await handler(streamEvent([record]))).batchItemFailures).toEqual([{ itemIdentifier: '1' }]);
    failEvents = false;
    expect((await handler(streamEvent([record]))).batchItemFailures).toEqual([]);
    expect(sent.filter((destination) => destination === 'events')).toHaveLength(1);
    expect(sent.filter((destination) => destination !== 'events').length).toBe(
      new Set(sent.filter((destination) => destination !== 'events')).size,
    );
  });

  it('ignores records that need no follow-up', async () => {
    const store = new InMemoryFeedbackStore();
    const record = await storedRecord(store, { id: 'pro-1', text: 'Brilliant, thank you', score: 10 });
    let deliveries = 0;
    const handler = createAlertHandler({
      store,
      logger,
      now,
      routing: defaultAlertRouting,
      publisher: { deliver: async () => void deliveries++ },
    });
    expect((await handler(streamEvent([record]))).batchItemFailures).toEqual([]);
    expect(deliveries).toBe(0);
  });

  it('alerts once for a follow-up a newer version opened (MODIFY with revisedAt), not for other changes', async () => {
    const store = new InMemoryFeedbackStore();
    await storedRecord(store, { id: 'chg-1', text: 'Fine', score: 8, updatedAt: '2026-11-30T08:00:00Z' });
    await store.storeFeedbackBatch([
      {
        message: { ...detractor, id: 'chg-1', updatedAt: '2026-11-30T08:05:00Z' },
        analysis: analyzeFeedback({ ...detractor, id: 'chg-1' }),
        receivedAt: now().toISOString(),
      },
    ]);
    const revised = (await store.getFeedback('chg-1')) as FeedbackRecord;
    expect(revised).toMatchObject({ revisedAt: now().toISOString(), followUp: { status: 'open' } });
    const sent: string[] = [];
    const handler = createAlertHandler({
      store,
      logger,
      now,
      routing: defaultAlertRouting,
      publisher: { deliver: async (alert) => void sent.push(alert.id) },
    });
    // A follow-up action is a MODIFY too, without revisedAt: not an alert.
    const { revisedAt: _, ...unrevised } = revised;
    await handler(streamEvent([unrevised as FeedbackRecord], 'MODIFY'));
    expect(sent).toEqual([]);
    await handler(streamEvent([revised], 'MODIFY'));
    const once = sent.length;
    await handler(streamEvent([revised], 'MODIFY'));
    expect(once).toBeGreaterThan(0);
    expect(sent.length).toBe(once);
    expect(new Set(sent)).toEqual(new Set(['chg-1']));
    expect(store.alerts.get('chg-1')?.status).toBe('sent');
  });
});
