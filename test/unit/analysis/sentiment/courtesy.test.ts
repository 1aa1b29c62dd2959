import { describe, expect, it } from 'vitest';
import { analyzeFeedback } from '../../../../lib/analysis/analyze-feedback.js';
import { readCourtesy } from '../../../../lib/analysis/sentiment/courtesy.js';
import { scoreLexicalSentiment } from '../../../../lib/analysis/sentiment/score-lexical-sentiment.js';
import { tokenize } from '../../../../lib/analysis/text/tokenize.js';

const read = (text: string, cxValence = 0) => {
  const tokens = tokenize(text);
  return readCourtesy(text, tokens, scoreLexicalSentiment(text, tokens), cxValence);
};

const label = (text: string, channel = 'social') =>
  analyzeFeedback({ id: 'courtesy', text, channel }).sentiment.label;

describe('readCourtesy', () => {
  it('counts please and thanks for nothing in a comment that complains', () => {
    const reading = read('the router is broken again, please help, cheers');
    expect(reading.positive).toBe(0);
    expect(reading.negative).toBeLessThan(0);
  });

  it('counts them for nothing when the complaint is a CX fact such as a wait', () => {
    expect(read('internet out since monday, please sort it, thank you', -2).positive).toBe(0);
  });

  it('turns a thank-you for a complaint into the complaint it mocks', () => {
    const plain = read('they misplaced my suitcase');
    const mocked = read('thank you so much for misplacing my suitcase');
    expect(mocked.positive).toBe(0);
    expect(mocked.negative).toBeLessThan(plain.negative);
  });

  it('turns a thank-you for a bare CX fact into a complaint', () => {
    expect(read('thanks for the 90 minute queue at the checkout', -2).negative).toBeLessThan(0);
  });

  it('keeps praise that is not courtesy, and thanks for something good', () => {
    expect(read('the agent was a great help but the bill is wrong').positive).toBeGreaterThan(0);
    expect(read('thanks for the speedy refund after the cancelled booking', -1).positive).toBeGreaterThan(0);
  });

  it('keeps thanks in a comment that does not complain', () => {
    expect(read('please pass on my thanks to the chef').positive).toBeGreaterThan(0);
  });

  it('reads neither "thanks to" (a cause) nor a hashtag as courtesy', () => {
    expect(read('thanks to the engineer it works, the old router was awful').positive).toBeGreaterThan(0);
    expect(read('what a mess today #ThankYouNHS').positive).toBeGreaterThan(0);
  });
});

describe('courtesy around a complaint, in every industry', () => {
  it.each([
    'no reply from the bank in 3 weeks, please help, thanks',
    'thanks for cancelling my table an hour before we arrived!',
    'thanks for the two-hour wait for my takeaway!',
    'parcel still missing after 10 days, kindly look into it, thanks',
  ])('%j is a complaint', (text) => {
    expect(label(text)).toBe('negative');
  });

  it.each(['thanks for the quick reply!', 'thank you for sorting my refund so fast'])(
    '%j is praise',
    (text) => {
      expect(label(text)).toBe('positive');
    },
  );

  it.each([
    'debit card blocked again, please help, thanks',
    'my soup was cold, please can someone contact me, thanks',
    'router broken since friday, pls sort it, cheers',
  ])('%j, a problem reported politely, stays a complaint against the model', (text) => {
    expect(label(text)).toBe('negative');
  });

  it.each(['please can you send me the form, thanks', 'can you check my seat number please, thanks'])(
    '%j, a polite request with no problem, stays neutral',
    (text) => {
      expect(label(text)).toBe('neutral');
    },
  );

  it('a lone thanks stays small talk', () => {
    expect(label('thanks')).toBe('neutral');
  });
});
