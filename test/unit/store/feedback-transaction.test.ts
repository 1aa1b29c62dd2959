import { describe, expect, it } from 'vitest';
import { analyzeFeedback } from '../../../lib/analysis/analyze-feedback.js';
import { redactSegment } from '../../../lib/analysis/privacy/redact-fields.js';
import type { Segment } from '../../../lib/feedback/feedback-message.js';
import type { FeedbackRecord } from '../../../lib/store/feedback-store.js';
import { FeedbackTransaction, MAX_TRANSACTION_ITEMS } from '../../../lib/store/feedback-transaction.js';

function record(id: string, text: string, score: number, segment: Segment = {}): FeedbackRecord {
  const { redactedText, ...analysis } = analyzeFeedback({ id, text, score });
  return {
    id,
    receivedAt: '2026-11-01T12:00:00.000Z',
    submittedAt: '2026-11-01T11:00:00.000Z',
    day: '2026-11-01',
    score,
    scale: 'nps',
    segment: redactSegment(segment),
    redactedText,
    analysis,
    followUp: {
      status: analysis.followUp.required ? 'open' : 'none',
      priority: analysis.followUp.priority,
      reasons: analysis.followUp.reasons,
      version: 0,
      history: [],
    },
  };
}

const newTransaction = () => new FeedbackTransaction('feedback', () => 1_800_000_000);

/** What the applying transaction adds to one counter item, by attribute. */
function added(transaction: FeedbackTransaction, pk: string): Map<string, number | Set<string>> {
  const item = transaction.counters.entries().find(({ key }) => key.PK === pk);
  return new Map(item?.increments ?? []);
}

describe('FeedbackTransaction', () => {
  it('puts each record conditionally, first, then a pending-counts item naming them; counters summed aside', () => {
    const transaction = newTransaction();
    transaction.tryAdd(record('a', 'On hold for 45 minutes', 2, { department: 'Billing' }));
    transaction.tryAdd(record('b', 'Lovely, thanks', 10, { department: 'Billing' }));
    const items = transaction.items();
    expect(items).toHaveLength(3);
    expect(items.slice(0, 2).map((item) => item.Put?.ConditionExpression)).toEqual([
      'attribute_not_exists(PK)',
      'attribute_not_exists(PK)',
    ]);
    expect(items.slice(0, 2).map((item) => item.Put?.Item?.PK)).toEqual(['FEEDBACK#a', 'FEEDBACK#b']);
    expect(items.slice(0, 2).map((item) => item.Put?.Item?.countedBy)).toEqual([
      transaction.pendingId,
      transaction.pendingId,
    ]);
    expect(items[2]?.Put?.Item).toMatchObject({
      PK: `PENDINGCOUNTS#${transaction.pendingId}`,
      ids: ['a', 'b'],
    });
    expect(items.some((item) => item.Update)).toBe(false);
    expect(transaction.counters.entries().map(({ key }) => key)).toEqual([
      { PK: 'COUNTS#all', SK: 'DAY#2026-11-01' },
      { PK: 'COUNTS#department#Billing', SK: 'DAY#2026-11-01' },
    ]);
    const billing = added(transaction, 'COUNTS#department#Billing');
    expect(billing.get('feedback')).toBe(2);
    expect(billing.get('responses')).toBe(2);
    expect(billing.get('detractors')).toBe(1);
    expect(billing.get('promoters')).toBe(1);
    expect(billing.get('theme_wait_time')).toBe(1);
    expect(billing.get('themedet_wait_time')).toBe(1);
  });

  it('records the segment values seen on the account-wide counter as a set', () => {
    const transaction = newTransaction();
    transaction.tryAdd(record('a', 'ok', 7, { department: 'Sales', agent: 'x' }));
    transaction.tryAdd(record('b', 'ok', 7, { department: 'Billing', agent: 'x' }));
    const values = [...added(transaction, 'COUNTS#all').values()].filter((v) => v instanceof Set);
    expect(values).toEqual([new Set(['Sales', 'Billing']), new Set(['x'])]);
  });

  it('refuses a record whose counter items would not fit one applying transaction', () => {
    const transaction = newTransaction();
    let added = 0;
    for (let i = 0; i < 200; i++) {
      const fits = transaction.tryAdd(
        record(`r${i}`, 'Third time I called, on hold an hour, bill wrong', 1, { agent: `agent-${i}` }),
      );
      if (!fits) break;
      added++;
    }
    expect(added).toBe(MAX_TRANSACTION_ITEMS - 2);
    expect(transaction.counters.size + 1).toBeLessThanOrEqual(MAX_TRANSACTION_ITEMS);
    expect(transaction.items().length).toBeLessThanOrEqual(MAX_TRANSACTION_ITEMS);
  });

  it('refuses the 100th record: 99 records and their pending-counts item fill a transaction', () => {
    const transaction = newTransaction();
    let added = 0;
    for (let i = 0; i < 150 && transaction.tryAdd(record(`r${i}`, 'fine', 8)); i++) added++;
    expect(added).toBe(MAX_TRANSACTION_ITEMS - 1);
    expect(transaction.items()).toHaveLength(MAX_TRANSACTION_ITEMS);
  });

  it('rebuilds itself without known duplicates under a new pending id, so their counts are not added', () => {
    const transaction = newTransaction();
    transaction.tryAdd(record('a', 'fine', 8));
    transaction.tryAdd(record('b', 'fine', 8));
    const rest = transaction.without(new Set(['a']));
    expect(rest.recordIds).toEqual(['b']);
    expect(rest.pendingId).not.toBe(transaction.pendingId);
    expect(added(rest, 'COUNTS#all').get('feedback')).toBe(1);
  });

  it('never stores the raw text: only the redacted text goes into the item', () => {
    const transaction = newTransaction();
    transaction.tryAdd(record('a', 'Call me on 07700 900123 or mail jo@example.com', 3));
    const item = transaction.items()[0]?.Put?.Item;
    expect(JSON.stringify(item)).not.toMatch(/07700|jo@example/);
    expect(item?.redactedText).toMatch(/\[PHONE\].*\[EMAIL\]/);
  });
});
