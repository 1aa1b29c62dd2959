import { describe, expect, it } from 'vitest';
import { readPlight } from '../../../../lib/analysis/sentiment/plight.js';
import { scoreLexicalSentiment } from '../../../../lib/analysis/sentiment/score-lexical-sentiment.js';
import { tokenize } from '../../../../lib/analysis/text/tokenize.js';

function net(text: string): number {
  const tokens = tokenize(text);
  const lexical = readPlight(tokens, scoreLexicalSentiment(text, tokens));
  return lexical.positive + lexical.negative;
}

describe('readPlight', () => {
  it.each([
    ['the nurse was so kind when I was scared and in pain, thank you'],
    ['our dog was poorly and the vet fitted us in, thank you so much'],
    ['we were stranded at midnight and the driver came back for us, what a hero'],
    ['I was so nervous but the dentist was gentle, so grateful'],
  ])('reads the customer’s own trouble in a thank-you as the situation: %j', (text) => {
    expect(net(text)).toBeGreaterThan(0);
  });

  it.each([
    ['I was stuck on hold for an hour'],
    ['I was so stressed thanks to your app'],
    ['I was so stressed and nobody helped, thanks for nothing'],
    ['no thanks, I was scared enough last time'],
  ])('keeps the trouble where nobody is thanked: %j', (text) => {
    expect(net(text)).toBeLessThan(0);
  });

  it('leaves complaint words that are no trouble of the customer’s own', () => {
    expect(net('the staff were rude and the room was dirty, thanks')).toBeLessThan(0);
  });
});
