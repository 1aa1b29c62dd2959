import { describe, expect, it } from 'vitest';
import { analyzeFeedback } from '../../../../lib/analysis/analyze-feedback.js';
import { isBareMention } from '../../../../lib/analysis/sentiment/bare-mention.js';
import { tokenize } from '../../../../lib/analysis/text/tokenize.js';

const label = (text: string, channel = 'social') =>
  analyzeFeedback({ id: 'mention', text, channel }).sentiment.label;

describe('isBareMention', () => {
  it.each(['my order', 'your mobile app', 'our table', 'my parcel'])('%j only names a thing', (text) => {
    expect(isBareMention(tokenize(text))).toBe(true);
  });

  it.each(['order', 'the order', 'my order has not arrived', 'my order 😡'])('%j is not', (text) => {
    expect(isBareMention(tokenize(text))).toBe(false);
  });
});

describe('a bare mention gives no verdict', () => {
  it.each(['my order', 'your order', 'my parcel', 'my broadband', 'our booking'])('%j is neutral', (text) => {
    expect(label(text)).toBe('neutral');
    expect(label(text, 'survey')).toBe('neutral');
  });

  it('keeps a sentiment word: "my lovely waiter" is praise, "my broken router" a complaint', () => {
    expect(label('my lovely waiter')).toBe('positive');
    expect(label('my broken router')).toBe('negative');
  });
});
