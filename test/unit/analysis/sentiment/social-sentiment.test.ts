import { describe, expect, it } from 'vitest';
import { analyzeFeedback } from '../../../../lib/analysis/analyze-feedback.js';
import { asksOrRequests } from '../../../../lib/analysis/sentiment/plain-request.js';
import { scoreLexicalSentiment } from '../../../../lib/analysis/sentiment/score-lexical-sentiment.js';
import { tokenize } from '../../../../lib/analysis/text/tokenize.js';

const lexical = (text: string) => {
  const result = scoreLexicalSentiment(text, tokenize(text));
  return result.positive + result.negative;
};
const label = (text: string, channel = 'social') =>
  analyzeFeedback({ id: 'social-1', text, channel }).sentiment.label;

describe('social cues in the lexicon', () => {
  it('scores no handle as a word: @united is not "united"', () => {
    expect(lexical('@united')).toBe(0);
    expect(lexical('@united @lovefield')).toBe(0);
  });

  it('reads emoticons as sentiment', () => {
    expect(lexical(':)')).toBeGreaterThan(0);
    expect(lexical('<3')).toBeGreaterThan(0);
    expect(lexical(':-(')).toBeLessThan(0);
    expect(lexical(":'(")).toBeLessThan(0);
  });

  it('reads the words of a hashtag', () => {
    expect(lexical('#worstairlineever')).toBeLessThan(0);
    expect(lexical('#FailWhale')).toBeLessThan(0);
  });

  it('stresses a stretched word as it stresses capitals', () => {
    expect(lexical('gooood')).toBeGreaterThan(lexical('good'));
    expect(lexical('baaaad')).toBeLessThan(lexical('bad'));
  });

  it('stresses capitals in mixed-case text ("you ROCK")', () => {
    expect(lexical('the crew was AWFUL')).toBeLessThan(lexical('the crew was awful'));
    expect(lexical('you ROCK')).toBeGreaterThan(0);
  });

  it('does not count a greeting or a polite formula as praise', () => {
    expect(lexical('good morning')).toBe(0);
    expect(lexical('would be great')).toBe(0);
  });
});

describe('asksOrRequests', () => {
  it.each([
    'can I take skis as hand luggage',
    'Hi, do you fly to Lisbon on Sundays',
    'please send me the form',
    'is there wifi on board?',
    'kindly confirm my seat',
    'good morning, any news on my claim',
  ])('%j asks or requests', (text) => {
    expect(asksOrRequests(text, tokenize(text))).toBe(true);
  });

  it.each([
    'why is my bag in Denver?',
    'how come nobody answers',
    'seriously? four hours?',
    'do not fly with them',
    'can you believe this??',
    'is this a joke?!',
    'the flight was fine',
    '',
  ])('%j does not', (text) => {
    expect(asksOrRequests(text, tokenize(text))).toBe(false);
  });
});

describe('a question or request without a complaint is neutral', () => {
  it.each([
    'can I take skis as hand luggage?',
    'please send me the form, thanks',
    '@united is there wifi on board? would be great',
    'Good morning, how do I add my loyalty number?',
  ])('%j', (text) => {
    expect(label(text)).toBe('neutral');
  });

  it.each([
    'can you explain why my bag is still missing after 3 days?',
    'please help, I have called five times and nobody answers',
    'why is it so hard to get a refund?',
  ])('but a complaint told as a question stays negative: %j', (text) => {
    expect(label(text)).toBe('negative');
  });
});
