import { describe, expect, it } from 'vitest';
import { analyzeFeedback } from '../../../../lib/analysis/analyze-feedback.js';
import { readMockingPraise } from '../../../../lib/analysis/sentiment/mocking-praise.js';
import { scoreLexicalSentiment } from '../../../../lib/analysis/sentiment/score-lexical-sentiment.js';
import { tokenize } from '../../../../lib/analysis/text/tokenize.js';

const read = (text: string) => {
  const tokens = tokenize(text);
  const lexical = scoreLexicalSentiment(text, tokens);
  return { lexical, mocked: readMockingPraise(tokens, lexical) };
};

describe('readMockingPraise', () => {
  it.each([
    'great job losing my suitcase again',
    'love waiting 50 minutes for a pizza',
    'I just love getting ignored by the bank',
    'brilliant, getting overcharged again',
    'great, another price rise',
    'lovely, another hidden fee',
  ])('%j: the praise counts as the complaint it mocks', (text) => {
    const { lexical, mocked } = read(text);
    expect(mocked.positive).toBeLessThan(lexical.positive);
    expect(mocked.negative).toBeLessThan(lexical.negative);
  });

  it.each([
    'love the food, hate waiting',
    'great staff, but the queue was annoying',
    'good luck getting through to them',
    'the service was great despite waiting a while for the amazing food',
    'worth every stinking penny',
    'great, another award for the team',
  ])('%j keeps its praise', (text) => {
    const { lexical, mocked } = read(text);
    expect(mocked).toBe(lexical);
  });
});

describe('a lone exclamation of praise after a complaint', () => {
  it.each([
    'They moved my flight to Friday without asking. Great.',
    'charged twice for one pizza. just perfect',
    'the app logged me out mid-payment. Brilliant!',
  ])('%j: the praise counts as the complaint it sighs over', (text) => {
    const { lexical, mocked } = read(text);
    expect(mocked.positive).toBe(0);
    expect(mocked.negative).toBeLessThan(lexical.negative);
  });

  it('reads a clap after the sigh as its tone, not as a third word: "Great stuff 👏"', () => {
    const { lexical, mocked } = read('my train was cancelled and nobody told us. Great stuff 👏');
    expect(mocked.negative).toBeLessThan(lexical.negative);
    expect(mocked.positive + mocked.negative).toBeLessThan(0);
  });

  it('reads a "Wow" of surprise before the complaint as no praise the sigh must outweigh', () => {
    const { lexical, mocked } = read('Wow, three hours on hold and nobody answered. Great job 👏');
    expect(mocked.negative).toBeLessThan(lexical.negative);
    expect(mocked.positive + mocked.negative).toBeLessThan(0);
  });

  it.each([
    'Great! The train was late but the guard was lovely',
    'Great. Only a short delay',
    'The queue was long. Great food though',
    'delayed an hour, the crew were lovely. Great.',
  ])('%j keeps its praise: first, in a longer clause, or beside other praise', (text) => {
    const { lexical, mocked } = read(text);
    expect(mocked).toBe(lexical);
  });
});

describe('sarcastic praise on social media', () => {
  it.each(['great job losing my parcel again', 'love waiting 40 minutes for my takeaway'])(
    '%j is negative',
    (text) => {
      expect(analyzeFeedback({ id: 'mock', text, channel: 'social' }).sentiment.label).toBe('negative');
    },
  );
});

describe('praise a face undercuts', () => {
  it.each(['great :(', 'Great service 🙄', 'nice one :/', 'brilliant. just brilliant :('])(
    '%j: the praise counts as a complaint',
    (text) => {
      const { lexical, mocked } = read(text);
      expect(mocked.positive).toBe(0);
      expect(mocked.negative).toBeLessThan(lexical.negative);
    },
  );

  it.each([
    'Love you guys! :)',
    'great flight :) but the bag is lost :(',
    'I love this airline, sad the trip is over :(',
    'the crew were great, see you soon',
  ])('%j keeps its praise: a happy face, or the sad face has its own cause', (text) => {
    const { lexical, mocked } = read(text);
    expect(mocked.positive).toBe(lexical.positive);
  });
});

describe('a face of irony', () => {
  it.each(['LOVE being stuck on the tarmac for 3 hrs 🙃', 'great, another delay and no update 🙄'])(
    '%j: undercuts the praise though a complaint comes before it',
    (text) => {
      const { mocked } = read(text);
      expect(mocked.positive).toBe(0);
    },
  );

  it('leaves the praise when a happy face stands too', () => {
    const { lexical, mocked } = read('love the new seats 🙃 :)');
    expect(mocked.positive).toBe(lexical.positive);
  });
});

it('does not read a crying face as sarcasm: "I love this song 😭" is moved', () => {
  const { lexical, mocked } = read('I love this song 😭');
  expect(mocked.positive).toBe(lexical.positive);
});
