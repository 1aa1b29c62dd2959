import { describe, expect, it } from 'vitest';
import { analyzeFeedback } from '../../../../lib/analysis/analyze-feedback.js';
import { readFrontedNegation } from '../../../../lib/analysis/sentiment/fronted-negation.js';
import { scoreLexicalSentiment } from '../../../../lib/analysis/sentiment/score-lexical-sentiment.js';
import { tokenize } from '../../../../lib/analysis/text/tokenize.js';

function read(text: string) {
  const tokens = tokenize(text);
  const lexical = scoreLexicalSentiment(text, tokens);
  return { lexical, fronted: readFrontedNegation(text, tokens, lexical) };
}

const label = (text: string) => analyzeFeedback({ id: 'fronted', text, channel: 'review' }).sentiment.label;

describe('a verdict told by a negation put first', () => {
  it.each([
    'Not a place I would recommend',
    'Not somewhere I would ever recommend to friends',
    'Not a great little hotel we would recommend',
  ])('turns the praise of %j', (text) => {
    const { lexical, fronted } = read(text);
    expect(lexical.positive).toBeGreaterThan(0);
    expect(fronted.positive).toBe(0);
    expect(fronted.negative).toBeLessThan(0);
  });

  it.each([
    'Not a place I would go back to',
    "Not one I'd rush back to",
    'Not a restaurant we will be returning to',
  ])('reads %j as a complaint with no praise word in it', (text) => {
    const { lexical, fronted } = read(text);
    expect(fronted.negative).toBeLessThan(lexical.negative);
  });

  it.each([
    'Not a place I would recommend',
    'Not somewhere we will be going back to',
    'Lovely views. Not a company I would use again though',
    "It's not a place I would recommend",
    'This is definitely not somewhere we would go back to',
  ])('%j is negative', (text) => {
    expect(label(text)).toBe('negative');
  });

  it.each([
    // A comma ends the thing named: the verdict after it is the customer's own.
    "Not a bad place, I'd go again",
    // Nothing a customer would change is praise.
    'Not a lot I would change, great stay',
    // A relative clause with no choosing in it, and a verdict after the comma.
    'It was not a place I knew, but I would recommend it',
    'Not a thing I would change about it, wonderful',
  ])('leaves %j as it reads', (text) => {
    const { lexical, fronted } = read(text);
    expect(fronted).toEqual(lexical);
  });
});
