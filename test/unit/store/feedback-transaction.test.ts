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

describe('FeedbackTransaction', () => {
  it('puts each record conditionally, first, and sums counters shared by the group into one update', () => {
    const transaction = newTransaction();
    transaction.tryAdd(record('a', 'On hold for 45 minutes', 2, { department: 'Billing' }));
    transaction.tryAdd(record('b', 'Lovely, thanks', 10, { department: 'Billing' }));
    const items = transaction.items();
    expect(items.slice(0, 2).map((item) => item.Put?.ConditionExpression)).toEqual([
      'attribute_not_exists(PK)',
      'attribute_not_exists(PK)',
    ]);
    expect(items.slice(0, 2).map((item) => item.Put?.Item?.PK)).toEqual(['FEEDBACK#a', 'FEEDBACK#b']);
    const counters = items.filter((item) => item.Update);
    expect(counters.map((item) => item.Update?.Key)).toEqual([
      { PK: 'COUNTS#all', SK: 'DAY#2026-11-01' },
      { PK: 'COUNTS#department#Billing', SK: 'DAY#2026-11-01' },
    ]);
    const billing = counters[1]?.Update;
    const added = (attribute: string) => {
      const name = Object.entries(billing?.ExpressionAttributeNames ?? {}).find(
        ([, a]) => a === attribute,
      )?.[0];
      return billing?.ExpressionAttributeValues?.[`:v${name?.slice(2)}`];
    };
    expect(added('feedback')).toBe(2);
    expect(added('responses')).toBe(2);
    expect(added('detractors')).toBe(1);
    expect(added('promoters')).toBe(1);
    expect(added('theme_wait_time')).toBe(1);
    expect(added('themedet_wait_time')).toBe(1);
  });

  it('records the segment values seen on the account-wide counter as a set', () => {
    const transaction = newTransaction();
    transaction.tryAdd(record('a', 'ok', 7, { department: 'Sales', agent: 'x' }));
    transaction.tryAdd(record('b', 'ok', 7, { department: 'Billing', agent: 'x' }));
    const all = transaction.items().find((item) => item.Update?.Key?.PK === 'COUNTS#all')?.Update;
    const values = Object.values(all?.ExpressionAttributeValues ?? {}).filter((v) => v instanceof Set);
    expect(values).toEqual([new Set(['Sales', 'Billing']), new Set(['x'])]);
  });

  it('refuses a record that would take the transaction past the item limit', () => {
    const transaction = newTransaction();
    let added = 0;
    for (let i = 0; i < 200; i++) {
      const fits = transaction.tryAdd(
        record(`r${i}`, 'Third time I called, on hold an hour, bill wrong', 1, { agent: `agent-${i}` }),
      );
      if (!fits) break;
      added++;
    }
    expect(added).toBeGreaterThan(5);
    expect(added).toBeLessThan(200);
    expect(transaction.items().length).toBeLessThanOrEqual(MAX_TRANSACTION_ITEMS);
  });

  it('rebuilds itself without known duplicates, so their counts are not added', () => {
    const transaction = newTransaction();
    transaction.tryAdd(record('a', 'fine', 8));
    transaction.tryAdd(record('b', 'fine', 8));
    const rest = transaction.without(new Set(['a']));
    expect(rest.recordIds).toEqual(['b']);
    const all = rest.items().find((item) => item.Update)?.Update;
    const feedbackName = Object.entries(all?.ExpressionAttributeNames ?? {}).find(
      ([, a]) => a === 'feedback',
    )?.[0];
    expect(all?.ExpressionAttributeValues?.[`:v${feedbackName?.slice(2)}`]).toBe(1);
  });

  it('never stores the raw text: only the redacted text goes into the item', () => {
    const transaction = newTransaction();
    transaction.tryAdd(record('a', 'Call me on 07700 900123 or mail jo@example.com', 3));
    const item = transaction.items()[0]?.Put?.Item;
    expect(JSON.stringify(item)).not.toMatch(/07700|jo@example/);
    expect(item?.redactedText).toMatch(/\[PHONE\].*\[EMAIL\]/);
  });
});
