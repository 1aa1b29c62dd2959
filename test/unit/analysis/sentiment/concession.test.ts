import { describe, expect, it } from 'vitest';
import { analyzeFeedback } from '../../../../lib/analysis/analyze-feedback.js';
import { readConcession } from '../../../../lib/analysis/sentiment/concession.js';
import { scoreLexicalSentiment } from '../../../../lib/analysis/sentiment/score-lexical-sentiment.js';
import { tokenize } from '../../../../lib/analysis/text/tokenize.js';

const read = (text: string) => {
  const tokens = tokenize(text);
  const lexical = scoreLexicalSentiment(text, tokens);
  return { lexical, conceded: readConcession(text, tokens, lexical) };
};

describe('readConcession', () => {
  it.each([
    ['would fly with them again despite the awful delay', 'negative'],
    ['although the room was tiny, the staff were lovely', 'negative'],
    ['in spite of the friendly staff, the room was filthy', 'positive'],
  ] as const)('%j: the conceded %s point weighs half', (text, side) => {
    const { lexical, conceded } = read(text);
    expect(Math.abs(conceded[side])).toBeCloseTo(Math.abs(lexical[side]) / 2);
  });

  it.each([
    // The concession stops at the subject of the customer's own clause.
    ['despite being a loyal customer I was treated terribly', 'negative'],
    // Only after the marker: what comes before "though" is the verdict.
    ['the crew were lovely, though the flight was late', 'positive'],
  ] as const)('%j keeps the %s point whole', (text, side) => {
    const { lexical, conceded } = read(text);
    expect(conceded[side]).toBe(lexical[side]);
  });

  it('leaves a comment with no concession as it was', () => {
    const { lexical, conceded } = read('the flight was late and the crew were rude');
    expect(conceded).toBe(lexical);
  });
});

describe('a long review keeps its verdict', () => {
  it.each([
    'Would fly with them again despite the delay',
    'We will definitely book with them again, although the transfer was slow and the food was cold',
  ])('%j is positive', (text) => {
    expect(analyzeFeedback({ id: 'review', text }).sentiment.label).toBe('positive');
  });
});
