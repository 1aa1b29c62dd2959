import { describe, expect, it } from 'vitest';
import { analyzeFeedback } from '../../../../lib/analysis/analyze-feedback.js';
import { readRepeatedFailure } from '../../../../lib/analysis/sentiment/repeat-failure.js';
import { scoreLexicalSentiment } from '../../../../lib/analysis/sentiment/score-lexical-sentiment.js';
import { tokenize } from '../../../../lib/analysis/text/tokenize.js';

const read = (text: string) => {
  const tokens = tokenize(text);
  const lexical = scoreLexicalSentiment(text, tokens);
  return { lexical, repeated: readRepeatedFailure(tokens, lexical) };
};

describe('readRepeatedFailure', () => {
  it.each([
    'the card machine fails every time I pay',
    'my calls drop every evening',
    'the hotel lift is broken all the time',
  ])('%j is a worse complaint for repeating', (text) => {
    const { lexical, repeated } = read(text);
    expect(repeated.negative).toBeLessThan(lexical.negative);
  });

  it('counts a repeat once per clause', () => {
    const { lexical, repeated } = read('the app crashes every time, every single time');
    expect(repeated.negative).toBe(lexical.negative - 1.5);
  });

  it.each(['the pizza is great every time', 'I shop there every week', 'every time I fly with them'])(
    '%j is no failure',
    (text) => {
      const { lexical, repeated } = read(text);
      expect(repeated).toBe(lexical);
    },
  );
});

describe('services that fail as they are used', () => {
  it.each([
    'the banking app logs me out every time',
    'the wifi in my room keeps dropping',
    'the signal cuts out every evening',
    'stranded at the depot with no way home',
  ])('%j is negative on social media', (text) => {
    expect(analyzeFeedback({ id: 'repeat', text, channel: 'social' }).sentiment.label).toBe('negative');
  });
});
