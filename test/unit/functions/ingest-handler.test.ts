import { Logger } from '@aws-lambda-powertools/logger';
import { describe, expect, it } from 'vitest';
import { createIngestHandler } from '../../../functions/ingest/ingest-handler.js';
import { TransientStoreError } from '../../../lib/store/feedback-store.js';
import { InMemoryFeedbackStore } from '../../support/in-memory-feedback-store.js';
import { sqsEvent } from '../../support/sqs-event.js';

const logger = new Logger({ logLevel: 'SILENT' });
const now = () => new Date('2026-11-30T09:00:00Z');
const submittedAt = '2026-11-30T08:00:00Z';

describe('ingest handler (in-memory store)', () => {
  it('stores good messages, keeps bad ones as rejects, and retries none of them', async () => {
    const store = new InMemoryFeedbackStore();
    const handler = createIngestHandler({ store, logger, now });
    const response = await handler(
      sqsEvent([
        JSON.stringify({ id: 'good-1', text: 'Lovely staff, sorted in minutes', score: 10, submittedAt }),
        '{"id": "broken", "text": ',
        JSON.stringify({ id: 'wrong-1', text: 'fine', score: 11 }),
        JSON.stringify({ id: 'ünïcødé-😀', text: 'Złe 😡 obsługa', score: 1, submittedAt }),
      ]),
    );
    expect(response.batchItemFailures).toEqual([]);
    expect([...store.records.keys()].length + [...store.rejected.keys()].length).toBe(4);
    expect(store.records.has('good-1')).toBe(true);
    expect([...store.rejected.values()].map((reject) => reject.reason).sort()).toEqual(
      expect.arrayContaining(['invalid JSON']),
    );
  });

  it('counts a redelivery as a duplicate, writing nothing twice', async () => {
    const store = new InMemoryFeedbackStore();
    const outcomes: string[] = [];
    const handler = createIngestHandler({ store, logger, now, onOutcome: (o) => outcomes.push(o.outcome) });
    const body = JSON.stringify({ id: 'dup-1', text: 'Still not fixed', score: 2, submittedAt });
    await handler(sqsEvent([body]));
    await handler(sqsEvent([body]));
    expect(outcomes).toEqual(['stored', 'duplicate']);
    expect(store.records.size).toBe(1);
  });

  it('hands a message back to the queue when the store fails, and only that one', async () => {
    const store = new InMemoryFeedbackStore();
    const real = store.storeFeedbackBatch.bind(store);
    store.storeFeedbackBatch = async (entries) =>
      Promise.all(
        entries.map(async (entry) =>
          entry.message.id === 'throttled'
            ? new TransientStoreError('throttled')
            : ((await real([entry]))[0] as Awaited<ReturnType<typeof real>>[number]),
        ),
      );
    const handler = createIngestHandler({ store, logger, now });
    const response = await handler(
      sqsEvent([
        JSON.stringify({ id: 'fine-1', text: 'All good', score: 9, submittedAt }),
        JSON.stringify({ id: 'throttled', text: 'Waited an hour on hold', score: 3, submittedAt }),
      ]),
    );
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'm-1' }]);
    expect([...store.records.keys()]).toEqual(['fine-1']);
  });
});
