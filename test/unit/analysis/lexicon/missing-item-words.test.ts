import { describe, expect, it } from 'vitest';
import { analyzeFeedback } from '../../../../lib/analysis/analyze-feedback.js';

const label = (text: string, channel = 'social') =>
  analyzeFeedback({ id: 'missing', text, channel }).sentiment.label;

describe('asking where something owed is', () => {
  it.each([
    'where is my refund?',
    "where's my parcel, it was due on monday",
    'where are our drinks? ordered 30 mins ago',
    'where is my engineer',
    'where are my bags?',
  ])('%j is a complaint', (text) => {
    expect(label(text)).toBe('negative');
  });

  it.each([
    'where is the nearest branch?',
    'where are cards delivered to?',
    'can I see where my money came from?',
    'where can I find my booking reference?',
  ])('%j is a plain question', (text) => {
    expect(label(text)).toBe('neutral');
  });
});
