import { describe, expect, it } from 'vitest';
import { analyzeFeedback } from '../../../../lib/analysis/analyze-feedback.js';
import { readLapsedPraise } from '../../../../lib/analysis/sentiment/lapsed-praise.js';
import { scoreLexicalSentiment } from '../../../../lib/analysis/sentiment/score-lexical-sentiment.js';
import { tokenize } from '../../../../lib/analysis/text/tokenize.js';

function read(text: string) {
  const tokens = tokenize(text);
  const lexical = scoreLexicalSentiment(text, tokens);
  return { lexical, lapsed: readLapsedPraise(tokens, lexical) };
}

describe('praise of how things were', () => {
  it.each([
    'Was good until they added ads everywhere.',
    'Worked fine until the last update',
    'Loved it until the update',
    'Everything was perfect till we got to the airport',
    'It used to be great.',
    'I used to love this app',
    'The pizza used to be really amazing',
  ])('turns in %j', (text) => {
    const { lexical, lapsed } = read(text);
    expect(lexical.positive).toBeGreaterThan(0);
    expect(lapsed.positive).toBe(0);
    expect(lapsed.negative).toBeLessThan(lexical.negative);
  });

  it.each([
    // Praise far from "until": the customer will wait gladly.
    "I'm happy to wait until Monday",
    // "used to" as "accustomed to": the praise is of now.
    "Once you got used to it, it's great",
    "I'm used to good service here",
    // Praise after "until" is not what lapsed.
    'Waited until the manager came, she was lovely',
  ])('stays praise in %j', (text) => {
    const { lexical, lapsed } = read(text);
    expect(lexical.positive).toBeGreaterThan(0);
    expect(lapsed).toEqual(lexical);
  });

  it('makes the comment a complaint', () => {
    expect(
      analyzeFeedback({ id: 'l', text: 'Was good until they added ads everywhere.' }).sentiment.label,
    ).toBe('negative');
    expect(analyzeFeedback({ id: 'l', text: 'It used to be great.' }).sentiment.label).toBe('negative');
  });
});
