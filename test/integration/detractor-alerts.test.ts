import { Logger } from '@aws-lambda-powertools/logger';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlertHandler } from '../../functions/alert/alert-handler.js';
import {
  type AlertPublisher,
  type DetractorAlert,
  defaultAlertRouting,
} from '../../lib/alerts/detractor-alert.js';
import { type LocalPipeline, startLocalPipeline } from '../../lib/local/local-pipeline.js';
import { sendFeedback } from '../../lib/queue/send-feedback.js';

const logger = new Logger({ logLevel: 'SILENT' });
let pipeline: LocalPipeline;

const messages = [
  {
    id: 'al-churn',
    text: 'Third time calling, I am cancelling my contract. Mail me at jo@example.com',
    score: 1,
  },
  { id: 'al-rude', text: 'Rude agent', score: 4, segment: { department: 'Care' } },
  { id: 'al-happy', text: 'Lovely service, thanks', score: 10 },
  { id: 'al-neutral', text: 'It was fine', score: 8 },
];

beforeAll(async () => {
  pipeline = await startLocalPipeline({
    alertRouting: {
      defaultTopic: 'detractors',
      rules: [...defaultAlertRouting.rules, { topic: 'care', departments: ['Care'] }],
    },
  });
  await sendFeedback(pipeline.stack.sqs.client, pipeline.stack.queueUrl, [...messages, messages[0]]);
  await pipeline.drain();
});

afterAll(async () => {
  await pipeline?.stop();
});

/** An alert handler on the real store that records what it publishes instead of publishing. */
function recordingHandler(sent: string[]) {
  return createAlertHandler({
    store: pipeline.stack.store,
    publisher: { deliver: async (alert) => void sent.push(alert.id) },
    routing: defaultAlertRouting,
    logger,
  });
}

/** The stream event Lambda would deliver for the stored record with this id. */
async function insertEvent(id: string, sequence: string): Promise<DynamoDBStreamEvent> {
  const record = await pipeline.stack.store.getFeedback(id);
  const image = marshall(
    { PK: `FEEDBACK#${id}`, SK: 'FEEDBACK', type: 'feedback', ...record },
    { removeUndefinedValues: true },
  );
  return {
    Records: [
      {
        eventID: `e-${sequence}`,
        eventName: 'INSERT',
        eventSource: 'aws:dynamodb',
        dynamodb: { NewImage: image as never, SequenceNumber: sequence, StreamViewType: 'NEW_IMAGE' },
      },
    ],
  };
}

describe('detractor alerts from the table stream', () => {
  it('alerts once for each stored follow-up, routed by the rules, with redacted text only', async () => {
    expect(pipeline.alerts.map(({ alert }) => alert.id).sort()).toEqual(['al-churn', 'al-rude']);
    const churn = pipeline.alerts.find(({ alert }) => alert.id === 'al-churn');
    expect(churn?.topics).toEqual(['detractors', 'urgent']);
    expect(pipeline.alerts.find(({ alert }) => alert.id === 'al-rude')?.topics).toEqual([
      'detractors',
      'care',
    ]);

    const notifications = await pipeline.alertSink.receiveNotifications();
    expect(notifications.map((n) => n.topic).sort()).toEqual(['care', 'detractors', 'detractors', 'urgent']);
    const text = JSON.stringify(notifications);
    expect(text).not.toContain('jo@example.com');
    expect(text).toContain('[EMAIL]');

    expect(pipeline.alertSink.events).toHaveLength(2);
    expect(pipeline.alertSink.events[0]).toMatchObject({
      source: 'closeloop.feedback',
      detailType: 'DetractorFeedbackReceived',
    });
    const detail = pipeline.alertSink.events.find((e) => e.detail.id === 'al-churn')?.detail;
    expect(detail).toMatchObject({ score: 1, intents: expect.arrayContaining(['churn_risk']) });
    expect(detail?.priority).toBeGreaterThanOrEqual(50);
  });

  it('does not alert twice when the stream delivers a record again', async () => {
    const sent: string[] = [];
    const handler = recordingHandler(sent);
    const event = await insertEvent('al-rude', '900');
    expect(await handler(event)).toEqual({ batchItemFailures: [] });
    expect(await handler(event)).toEqual({ batchItemFailures: [] });
    expect(sent).toEqual([]); // already alerted by the pipeline
  });

  it('reports a failed delivery for retry, and the retry sends only where the alert has not gone', async () => {
    await sendFeedback(pipeline.stack.sqs.client, pipeline.stack.queueUrl, [
      { id: 'al-retry', text: 'Never again, awful', score: 0 },
    ]);
    await pipeline.drain();
    const tried: string[] = [];
    let failOn: string | undefined = 'topic:care';
    const flaky: AlertPublisher = {
      deliver: async (alert: DetractorAlert, destination) => {
        tried.push(`${alert.id} ${destination}`);
        if (destination === failOn) throw new Error('SNS unavailable');
      },
    };
    const handler = createAlertHandler({
      store: pipeline.stack.store,
      publisher: flaky,
      routing: { defaultTopic: 'detractors', rules: [{ topic: 'care', minPriority: 0 }] },
      logger,
    });
    // The pipeline has alerted al-retry already: the same record under a new id takes the path afresh.
    const event = await insertEvent('al-retry', '901');
    (event.Records[0]?.dynamodb?.NewImage as Record<string, { S: string }>).id = { S: 'al-retry-copy' };
    expect(await handler(event)).toEqual({ batchItemFailures: [{ itemIdentifier: '901' }] });
    failOn = undefined;
    expect(await handler(event)).toEqual({ batchItemFailures: [] });
    // The first topic got it once: the retry went on from the topic that failed.
    expect(tried).toEqual([
      'al-retry-copy topic:detractors',
      'al-retry-copy topic:care',
      'al-retry-copy topic:care',
      'al-retry-copy events',
    ]);
    expect(await handler(event)).toEqual({ batchItemFailures: [] });
    expect(tried).toHaveLength(4);
  });

  it('retries rather than skips while another attempt holds the alert', async () => {
    const handler = createAlertHandler({
      store: pipeline.stack.store,
      publisher: { deliver: async () => undefined },
      routing: defaultAlertRouting,
      logger,
    });
    const event = await insertEvent('al-churn', '902');
    (event.Records[0]?.dynamodb?.NewImage as Record<string, { S: string }>).id = { S: 'al-held' };
    expect(await pipeline.stack.store.beginAlert('al-held', new Date().toISOString(), 60)).toEqual({
      status: 'send',
      delivered: [],
    });
    expect(await handler(event)).toEqual({ batchItemFailures: [{ itemIdentifier: '902' }] });
  });

  it('ignores records that are not new feedback needing a follow-up', async () => {
    const sent: string[] = [];
    const handler = recordingHandler(sent);
    const happy = await insertEvent('al-happy', '903');
    const modify = await insertEvent('al-churn', '904');
    (modify.Records[0] as { eventName: string }).eventName = 'MODIFY';
    const counter: DynamoDBStreamEvent = {
      Records: [
        {
          eventName: 'INSERT',
          dynamodb: {
            NewImage: marshall({ PK: 'COUNTS#all', SK: 'DAY#2026-01-01', feedback: 1 }) as never,
            SequenceNumber: '905',
          },
        },
      ],
    };
    for (const event of [happy, modify, counter])
      expect(await handler(event)).toEqual({ batchItemFailures: [] });
    expect(sent).toEqual([]);
  });
});
