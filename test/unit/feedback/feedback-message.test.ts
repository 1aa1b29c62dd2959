import { describe, expect, it } from 'vitest';
import {
  InvalidFeedbackError,
  MAX_TEXT_LENGTH,
  parseFeedbackMessage,
} from '../../../lib/feedback/feedback-message.js';

function issuesOf(value: unknown): string[] {
  try {
    parseFeedbackMessage(value);
  } catch (error) {
    if (error instanceof InvalidFeedbackError) return error.issues;
    throw error;
  }
  return [];
}

describe('parseFeedbackMessage', () => {
  it('accepts a complete message', () => {
    const message = parseFeedbackMessage({
      id: 'resp-123',
      text: 'Waited 45 minutes on hold',
      score: 3,
      scale: 'nps',
      channel: 'survey',
      segment: { department: 'Billing', team: 'North', agent: 'a-17', product: 'Broadband', region: 'UK' },
      customerId: 'c-9',
      submittedAt: '2026-11-20T10:15:00Z',
      locale: 'en-GB',
      metadata: { surveyId: 's1', tags: ['x'] },
    });
    expect(message.segment?.department).toBe('Billing');
  });

  it('accepts a score-only survey response and a comment with no score', () => {
    expect(parseFeedbackMessage({ id: 'a', text: '', score: 9 }).score).toBe(9);
    expect(parseFeedbackMessage({ id: 'b', text: 'Great' }).score).toBeUndefined();
  });

  it.each([
    [{ text: 'hi' }, 'id'],
    [{ id: '', text: 'hi' }, 'id'],
    [{ id: 'a#b', text: 'hi' }, 'id'],
    [{ id: 'a b', text: 'hi' }, 'id'],
    [{ id: 7, text: 'hi' }, 'id'],
    [{ id: 'a' }, 'text'],
    [{ id: 'a', text: 42 }, 'text'],
    [{ id: 'a', text: '   ' }, 'text: text must not be empty when there is no score'],
    [
      { id: 'a', text: 'x'.repeat(MAX_TEXT_LENGTH + 1) },
      `text: text must be at most ${MAX_TEXT_LENGTH} characters`,
    ],
    [{ id: 'a', text: 'hi', score: 11 }, 'score: score must be between 0 and 10 on the nps scale'],
    [{ id: 'a', text: 'hi', score: -1 }, 'score'],
    [
      { id: 'a', text: 'hi', score: 6, scale: 'csat' },
      'score: score must be between 1 and 5 on the csat scale',
    ],
    [
      { id: 'a', text: 'hi', score: 0, scale: 'ces' },
      'score: score must be between 1 and 7 on the ces scale',
    ],
    [{ id: 'a', text: 'hi', score: 7.5 }, 'score: score must be a whole number (got 7.5): nps 0-10'],
    [{ id: 'a', text: 'hi', score: '7' }, 'score: score must be a number'],
    [{ id: 'a', text: 'hi', scale: 'nps' }, 'scale: scale given without a score'],
    [{ id: 'a', text: 'hi', score: 5, scale: 'stars' }, 'scale'],
    [{ id: 'a', text: 'hi', scroe: 5 }, 'scroe'],
    [{ id: 'a', text: 'hi', segment: { dept: 'x' } }, 'segment'],
    [{ id: 'a', text: 'hi', segment: { department: 5 } }, 'segment.department'],
    [{ id: 'a', text: 'hi', submittedAt: 'yesterday' }, 'submittedAt'],
    [{ id: 'a', text: 'hi', updatedAt: 'yesterday' }, 'updatedAt: updatedAt must be an ISO 8601 date-time'],
    [{ id: 'a', text: 'hi', updatedAt: '2026-11-20' }, 'updatedAt: updatedAt must be an ISO 8601 date-time'],
    [{ id: 'a', text: 'hi', updatedAt: 1764410660 }, 'updatedAt'],
    [{ id: 'a', text: 'hi', updatedAt: '' }, 'updatedAt'],
    [{ id: 'a', text: 'hi', updatedAt: `2026-11-20T10:15:00Z${'9'.repeat(10_000)}` }, 'updatedAt'],
    [{ id: 'a', text: 'hi', updatedAt: '２０２６-11-20T10:15:00Z' }, 'updatedAt'],
    [{ id: 'a', text: 'hi', updatedAt: "2026-11-20T10:15:00Z' OR 1=1" }, 'updatedAt'],
    // "No date" placeholders and mistyped years: a far-future date would stretch every default report
    // period to that year, and a far-future updatedAt would make every later correction "older".
    [
      { id: 'a', text: 'hi', submittedAt: '9999-12-31' },
      'submittedAt: submittedAt 9999-12-31 is in the future',
    ],
    [
      { id: 'a', text: 'hi', submittedAt: '2062-11-20T10:15:00Z' },
      'submittedAt: submittedAt 2062-11-20T10:15:00Z is in the future',
    ],
    [
      { id: 'a', text: 'hi', submittedAt: '0001-01-01' },
      'submittedAt: submittedAt 0001-01-01 is before 2000',
    ],
    [
      { id: 'a', text: 'hi', updatedAt: '2099-01-01T00:00:00Z' },
      'updatedAt: updatedAt 2099-01-01T00:00:00Z is in the future',
    ],
    [{ id: 'a', text: 'hi', locale: 'english please' }, 'locale'],
    [{ id: 'a', text: 'hi', metadata: { blob: 'x'.repeat(5000) } }, 'metadata'],
    [{ id: 'a', text: 'hi', metadata: 'not an object' }, 'metadata'],
  ])('rejects %j with an issue about %s', (value, expected) => {
    const issues = issuesOf(value);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.join('\n')).toContain(expected);
  });

  it.each([[null], [undefined], ['a string'], [42], [[]]])('rejects %j', (value) => {
    expect(() => parseFeedbackMessage(value)).toThrow(InvalidFeedbackError);
  });

  it('takes a submission time up to a day ahead of this clock (time zones, clock skew)', () => {
    const soon = new Date(Date.now() + 20 * 3_600_000).toISOString();
    expect(
      parseFeedbackMessage({ id: 'a', text: 'hi', submittedAt: soon, updatedAt: soon }).submittedAt,
    ).toBe(soon);
    expect(parseFeedbackMessage({ id: 'a', text: 'hi', submittedAt: '2000-01-01' }).submittedAt).toBe(
      '2000-01-01',
    );
  });

  it('takes updatedAt (the version of the response) as an ISO date-time with offset', () => {
    expect(
      parseFeedbackMessage({ id: 'a', text: 'hi', updatedAt: '2026-11-20T10:15:00+01:00' }).updatedAt,
    ).toBe('2026-11-20T10:15:00+01:00');
  });

  it('keeps HTML, emoji and other languages as they are: they are data, not errors', () => {
    const text = '<b>Très déçu</b> 😡 配達が遅い';
    expect(parseFeedbackMessage({ id: 'x', text }).text).toBe(text);
  });
});

describe('well-formed text', () => {
  it('replaces lone surrogates in text and segment values with U+FFFD, keeping real emoji', async () => {
    const { parseFeedbackMessage } = await import('../../../lib/feedback/feedback-message.js');
    const message = parseFeedbackMessage({
      id: 'w1',
      text: 'cut \ud83d here, whole 😀',
      segment: { department: 'Care \udc00' },
    });
    expect(message.text).toBe('cut \ufffd here, whole 😀');
    expect(message.segment?.department).toBe('Care \ufffd');
  });
});
