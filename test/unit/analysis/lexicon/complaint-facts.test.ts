import { describe, expect, it } from 'vitest';
import { analyzeFeedback } from '../../../../lib/analysis/analyze-feedback.js';
import { scoreLexicalSentiment } from '../../../../lib/analysis/sentiment/score-lexical-sentiment.js';
import { tokenize } from '../../../../lib/analysis/text/tokenize.js';

const complaint = (text: string) => scoreLexicalSentiment(text, tokenize(text)).negative;

// Complaints told only as facts, with no complaint word a generic lexicon knows.
describe('complaint facts in the CX lexicon', () => {
  it.each([
    'stranded at Gatwick with two kids',
    'marooned at the depot, no bus home',
    'the online banking logs me out',
    'my broadband keeps dropping',
    'the call cuts out after a minute',
    'my suitcase never made the connection',
    "the pushchair didn't make the flight",
    'the hotel charged us twice for one night',
    'my bag went to Oslo and I went to Lisbon',
    'our luggage went to the wrong terminal',
    // Shorthand weighs what its word weighs.
    'flt cxld',
    'train canx again',
    'dlyd 3 hrs at the gate',
  ])('%j is a complaint', (text) => {
    expect(complaint(text)).toBeLessThan(0);
  });

  it.each([
    'I never made it to the gym',
    'we made the connection with time to spare',
    'I logged in fine',
    'my bag went through security in a minute',
  ])('%j is not', (text) => {
    expect(complaint(text)).toBe(0);
  });

  it('reads a thank-you for a double charge as sarcasm', () => {
    expect(
      analyzeFeedback({ id: 'fact', text: 'thanks for charging me twice', channel: 'social' }).sentiment
        .label,
    ).toBe('negative');
  });

  it('reads a stranded traveller as negative on social media', () => {
    expect(
      analyzeFeedback({ id: 'fact', text: 'stranded in Frankfurt overnight', channel: 'social' }).sentiment
        .label,
    ).toBe('negative');
  });
});
