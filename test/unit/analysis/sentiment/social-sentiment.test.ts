import { describe, expect, it } from 'vitest';
import { analyzeFeedback } from '../../../../lib/analysis/analyze-feedback.js';
import { readCommentText } from '../../../../lib/analysis/read-comment-text.js';
import { asksOrRequests } from '../../../../lib/analysis/sentiment/plain-request.js';
import { scoreLexicalSentiment } from '../../../../lib/analysis/sentiment/score-lexical-sentiment.js';
import { normalizeText } from '../../../../lib/analysis/text/normalize-text.js';
import { tokenize } from '../../../../lib/analysis/text/tokenize.js';
import { builtInTaxonomy } from '../../../../lib/analysis/themes/theme-taxonomy.js';

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
    "I'd like to update my direct debit date",
    'Hi, I need to speak to someone about my bill',
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
    // the opening must start the comment: a request told about is no request made
    'they said I need to wait',
    "I'd liked the old app better",
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
    "I'd like to update my direct debit date please",
  ])('%j', (text) => {
    expect(label(text)).toBe('neutral');
  });

  it.each([
    'can you explain why my bag is still missing after 3 days?',
    'please help, I have called five times and nobody answers',
    'why is it so hard to get a refund?',
    'I want to cancel my account, you are useless',
  ])('but a complaint told as a question or request stays negative: %j', (text) => {
    expect(label(text)).toBe('negative');
  });
});

describe('a question without a complaint judges nothing it names', () => {
  const themesOf = (text: string) =>
    analyzeFeedback({ id: 'social-q', text, channel: 'social' }).themes.map((theme) => theme.id);

  it.each([
    ['product_quality', 'do you sell gluten free birthday cakes in store?'],
    ['product_quality', 'can I swap the sofa cushions for a free upgrade?'],
  ])('raises no %s in %j', (id, text) => {
    expect(themesOf(text)).not.toContain(id);
  });

  it.each([
    ['product_quality', 'why was the cake stale when it arrived?'],
    ['product_quality', 'the birthday cake was amazing, can I order the same one for next week?'],
  ])('but a question that judges raises %s: %j', (id, text) => {
    expect(themesOf(text)).toContain(id);
  });
});

describe('a complaint posted to a brand told only as facts', () => {
  it.each([
    '@QuickParcels the driver left my parcel in the bin',
    '@ShopCo my order was delivered to a random address across town',
  ])('is negative, not the neutral of its plain words: %j', (text) => {
    expect(label(text)).toBe('negative');
  });
});

/**
 * The rules' own reading of a social post: what a model that never learned social text falls back on
 * (see `SentimentEvidence.rulesAlone`), so each of these must hold without any learned weight.
 */
const rulesAlone = (text: string, channel = 'social') => {
  const normalized = normalizeText(text);
  return readCommentText(normalized, tokenize(normalized), builtInTaxonomy, channel).evidence.rulesAlone;
};

describe('a social post read by the rules alone', () => {
  it('takes nothing from a handle: "@happyairways" is a name', () => {
    expect(rulesAlone('@happyairways').label).toBe('neutral');
    expect(rulesAlone('@happyairways lost my bag').label).toBe('negative');
  });

  it('takes nothing from a link', () => {
    expect(rulesAlone('https://example.com/awful-deals').label).toBe('neutral');
    expect(rulesAlone('my bag is lost https://example.com/great-offers').label).toBe('negative');
  });

  it('reads the words of a hashtag, run together or in camel case', () => {
    expect(rulesAlone('#LostLuggage again').label).toBe('negative');
    expect(rulesAlone('#lostluggage again').label).toBe('negative');
  });

  it('reads emoji and emoticons', () => {
    expect(rulesAlone('flight delayed 😡').score).toBeLessThan(rulesAlone('flight delayed').score);
    expect(rulesAlone('home at last :)').label).toBe('positive');
  });

  it('reads a stretched word as the word it stands for, and stresses capitals', () => {
    expect(rulesAlone('the crew was sooo rude').score).toBeLessThan(rulesAlone('the crew was rude').score);
    expect(rulesAlone('the crew, you ROCK').label).toBe('positive');
  });

  it('knows Twitter for a social channel', () => {
    expect(rulesAlone('thanks a lot', 'Twitter')).toEqual(rulesAlone('thanks a lot', 'social'));
  });

  it('reads a question without a complaint as neutral, and one with a complaint as negative', () => {
    expect(rulesAlone('@airline do you have vegan meals on the Lisbon flight?').label).toBe('neutral');
    expect(rulesAlone('@airline why is my bag still not here?').label).toBe('negative');
  });

  it.each([
    '@airline they lost my bag again lol',
    '@airline cancelled my flight and moved me to Thursday. Great.',
    '@airline 3 hours on the tarmac and counting',
  ])('hears the complaint under the laughter, the sigh or the count: %j', (text) => {
    expect(rulesAlone(text).label).toBe('negative');
  });
});
