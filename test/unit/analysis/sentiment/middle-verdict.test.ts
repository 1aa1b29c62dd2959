import { describe, expect, it } from 'vitest';
import { analyzeFeedback } from '../../../../lib/analysis/analyze-feedback.js';
import { isMiddleVerdict } from '../../../../lib/analysis/sentiment/middle-verdict.js';
import { tokenize } from '../../../../lib/analysis/text/tokenize.js';

const middle = (text: string) => isMiddleVerdict(tokenize(text));

describe('the middle of a scale told in words', () => {
  it.each([
    'Neither satisfied nor dissatisfied',
    'neither difficult nor easy.',
    'Overall it was neither good or bad',
    'Honestly, neither happy nor unhappy',
    'It was okay I guess',
    'fine, I suppose',
    'decent-ish',
    'the process was alright i guess',
  ])('%j is one', (text) => {
    expect(middle(text)).toBe(true);
  });

  it.each([
    // Two words of one end: both denied, a complaint.
    'neither friendly nor helpful',
    // Approval not hedged, or hedged and then more said.
    'It was okay',
    'ok I guess but the wait was far too long',
    'fine i suppose, the engineer never came',
    // An emoji is an opinion.
    'neither good nor bad 😡',
    // A longer answer says more than the middle.
    'it was neither easy nor difficult to find the form on your website today',
  ])('%j is not', (text) => {
    expect(middle(text)).toBe(false);
  });

  it('makes the comment neutral whatever its words lean to', () => {
    for (const text of ['Neither satisfied nor dissatisfied', 'decent I suppose', 'It was okay I guess'])
      expect(analyzeFeedback({ id: 'm', text }).sentiment.label).toBe('neutral');
    expect(analyzeFeedback({ id: 'm', text: 'neither friendly nor helpful' }).sentiment.label).toBe(
      'negative',
    );
  });
});
