import { describe, expect, it } from 'vitest';
import { feedbackMessageSchema } from '../../../lib/feedback/feedback-message.js';
import { deriveFeedbackId, FeedbackIdDeriver } from '../../../lib/import/derive-id.js';
import { parseSubmittedAt } from '../../../lib/import/parse-date.js';
import { parseScore } from '../../../lib/import/parse-score.js';

describe('parseSubmittedAt', () => {
  it.each([
    ['2026-11-04', undefined, '2026-11-04'],
    ['2026-11-04 05:30', undefined, '2026-11-04T05:30:00Z'],
    ['2026-11-04T05:30', undefined, '2026-11-04T05:30:00Z'],
    ['2026-11-04 05:30:12', undefined, '2026-11-04T05:30:12Z'],
    ['2026-11-04T05:30:12.250Z', undefined, '2026-11-04T05:30:12.250Z'],
    ['2026-11-04T05:30:12+0100', undefined, '2026-11-04T05:30:12+01:00'],
    ['2026-11-04 05:30 -05:00', undefined, '2026-11-04T05:30:00-05:00'],
    [' 2026-11-04 5:30 ', undefined, '2026-11-04T05:30:00Z'],
    ['04/11/2026 05:30', 'dmy', '2026-11-04T05:30:00Z'],
    ['04/11/2026 05:30', 'mdy', '2026-04-11T05:30:00Z'],
    ['4.11.2026', 'dmy', '2026-11-04'],
    ['11/04/2026 05:30:12 PM', 'mdy', '2026-11-04T17:30:12Z'],
    ['11/04/2026 12:05:00 AM', 'mdy', '2026-11-04T00:05:00Z'],
  ] as const)('%j (%s) -> %s', (cell, order, expected) => {
    const parsed = parseSubmittedAt(cell, order);
    expect(parsed).toEqual({ value: expected });
    // What comes out is what the message schema takes.
    expect(feedbackMessageSchema.safeParse({ id: 'a', text: 'x', submittedAt: expected }).success).toBe(true);
  });

  it.each([
    ['04/11/2026 05:30', undefined, /--date-format dmy .* or mdy/],
    ['2026-02-30', undefined, /not a calendar date/],
    ['31/04/2026', 'dmy', /not a calendar date/],
    ['13/25/2026', 'mdy', /not a calendar date/],
    ['2026-11-04 25:00', undefined, /not a time of day/],
    ['11/04/2026 13:00 PM', 'mdy', /not a time of day/],
    ['yesterday', undefined, /not a date: use ISO 8601/],
    ['2026-11-04T05:30:00+01:00 extra', undefined, /not a date/],
  ] as const)('%j (%s) is an error that says why', (cell, order, message) => {
    const parsed = parseSubmittedAt(cell, order);
    expect('error' in parsed && parsed.error).toMatch(message);
  });
});

describe('parseScore', () => {
  it.each([
    ['7', 7],
    [' 10 ', 10],
    ['0', 0],
    ['7.0', 7],
    ['10 - Extremely likely', 10],
    ['0 - Not at all likely', 0],
    ['9: Very likely', 9],
    ['-1', -1],
  ])('%j -> %d', (cell, expected) => {
    expect(parseScore(cell)).toEqual({ value: expected });
  });

  it.each([
    ['7.5', 'nps', 'score "7.5" is not a whole number: the nps scale takes whole numbers from 0 to 10'],
    ['4,5', 'csat', 'score "4,5" is not a whole number: the csat scale takes whole numbers from 1 to 5'],
    ['ten', 'nps', 'score "ten" is not a number: the nps scale takes whole numbers from 0 to 10'],
    [
      'Extremely likely',
      'nps',
      'score "Extremely likely" is not a number: the nps scale takes whole numbers from 0 to 10',
    ],
  ] as const)('%j on %s: %s', (cell, scale, message) => {
    expect(parseScore(cell, scale)).toEqual({ error: message });
  });
});

describe('deriveFeedbackId', () => {
  const response = {
    customerId: 'c1',
    submittedAt: '2026-11-04T05:30:00Z',
    score: 3,
    text: 'Slow',
    segment: { department: 'Billing', agent: 'Ann' },
  };

  it('is stable, prefixed, valid as a message id, and independent of segment key order', () => {
    const id = deriveFeedbackId(response);
    expect(id).toMatch(/^row-[0-9a-f]{20}$/);
    expect(deriveFeedbackId({ ...response, segment: { agent: 'Ann', department: 'Billing' } })).toBe(id);
    expect(feedbackMessageSchema.safeParse({ id, text: 'x' }).success).toBe(true);
  });

  it.each([
    ['customer', { customerId: 'c2' }],
    ['date', { submittedAt: '2026-11-05T05:30:00Z' }],
    ['score', { score: 4 }],
    ['text', { text: 'Slower' }],
    ['segment', { segment: { department: 'Sales', agent: 'Ann' } }],
  ])('changes with the %s', (_name, change) => {
    expect(deriveFeedbackId({ ...response, ...change })).not.toBe(deriveFeedbackId(response));
  });

  it('numbers identical responses without a customer within one file, the same way each time', () => {
    const ids = () => {
      const deriver = new FeedbackIdDeriver();
      return [1, 2, 3].map(() => deriver.idFor({ text: '', score: 10, submittedAt: '2026-11-04' }));
    };
    const first = ids();
    expect(new Set(first).size).toBe(3);
    expect(first[1]).toBe(`${first[0]}-2`);
    expect(ids()).toEqual(first);
    const deriver = new FeedbackIdDeriver();
    expect(deriver.idFor(response)).toBe(deriver.idFor(response));
  });
});

describe('FeedbackIdDeriver at scale', () => {
  it('never derives an id the message schema refuses: a digest that reads as a phone or card number is spelt in letters', () => {
    // A 20-digit hex digest now and then holds a run of digits like a phone or card number.
    const deriver = new FeedbackIdDeriver();
    const ids = Array.from({ length: 20_000 }, (_, i) =>
      deriver.idFor({ text: `comment ${i}`, score: i % 11, submittedAt: '2026-11-04' }),
    );
    const spelt = ids.filter((id) => /^row-[g-v]{20}$/.test(id));
    expect(spelt.length).toBeGreaterThan(0);
    expect(ids.filter((id) => !feedbackMessageSchema.safeParse({ id, text: 'x' }).success)).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });
  it('gives 100,000 rows (a tenth of them repeated) distinct, repeatable ids past several table growths', () => {
    const run = () => {
      const deriver = new FeedbackIdDeriver();
      return Array.from({ length: 100_000 }, (_, i) =>
        deriver.idFor({ text: `comment ${i % 90_000}`, score: (i % 90_000) % 11 }),
      );
    };
    const ids = run();
    expect(new Set(ids).size).toBe(100_000);
    expect(ids.filter((id) => id.endsWith('-2'))).toHaveLength(10_000);
    expect(run()).toEqual(ids);
  });
});
