import { describe, expect, it } from 'vitest';
import { analyzeFeedback } from '../../../../lib/analysis/analyze-feedback.js';
import { scoreLexicalSentiment } from '../../../../lib/analysis/sentiment/score-lexical-sentiment.js';
import { tokenize } from '../../../../lib/analysis/text/tokenize.js';
import { matchThemes } from '../../../../lib/analysis/themes/match-themes.js';
import { loadTaxonomy, type ThemeTaxonomy } from '../../../../lib/analysis/themes/theme-taxonomy.js';

function themeIds(text: string, taxonomy: ThemeTaxonomy): string[] {
  const tokens = tokenize(text);
  const lexical = scoreLexicalSentiment(text, tokens);
  return matchThemes(text, tokens, taxonomy, lexical.clauseValence, 'neutral').map((t) => t.id);
}

function staffTheme(text: string) {
  return analyzeFeedback({ id: 'judged', text, channel: 'review' }).themes.find(
    (theme) => theme.id === 'agent_attitude',
  );
}

describe('the judged cue option', () => {
  const taxonomy = loadTaxonomy({
    name: 'judged',
    version: '1',
    themes: [
      { id: 'porter', label: 'Porters', group: 'g', cues: [{ pattern: 'porter*', judged: true }] },
      { id: 'lift', label: 'Lifts', group: 'g', cues: ['lift'] },
    ],
  });

  it('counts the cue only in a clause that says something good or bad', () => {
    expect(themeIds('the porter was wonderful', taxonomy)).toEqual(['porter']);
    expect(themeIds('the porter was rude to my mother', taxonomy)).toEqual(['porter']);
    expect(themeIds('the porter took our cases up', taxonomy)).toEqual([]);
  });

  it('leaves cues without it alone, and judges each clause on its own', () => {
    expect(themeIds('the lift took our cases up', taxonomy)).toEqual(['lift']);
    expect(themeIds('the porter took our cases up. The room was awful', taxonomy)).toEqual([]);
  });
});

describe('front-line staff told by what they did', () => {
  it.each([
    ['our waiter forgot the drinks twice', 'negative'],
    ['the cabin crew were fantastic from start to finish', 'positive'],
    ['the waitress overcharged us by a bottle of wine', 'negative'],
    ['the bar staff were horrendous', 'negative'],
    ['no waiter came near us for twenty minutes, terrible', 'negative'],
  ])('"%s" is staff attitude, %s', (text, sentiment) => {
    expect(staffTheme(text)?.sentiment).toBe(sentiment);
  });

  it.each([
    'the waiter brought the menu',
    'the server was down all morning and the app kept failing',
    'the hostess showed us to our table',
  ])('"%s" names staff but judges nothing of them', (text) => {
    expect(staffTheme(text)).toBeUndefined();
  });
});

describe('table service told by what was said of it', () => {
  it.each([
    ['we went for a birthday dinner and were let down by the service', 'negative'],
    ['great food along with genuinely attentive service', 'positive'],
    ['the service at breakfast was a shambles', 'negative'],
  ])('"%s" is staff attitude, %s', (text, sentiment) => {
    expect(staffTheme(text)?.sentiment).toBe(sentiment);
  });

  it.each([
    'the train service was dreadful again this morning',
    'the delivery service for our dinner was dreadful',
    'dinner service starts at six',
  ])('"%s" is no judgment of a restaurant or hotel\'s staff', (text) => {
    expect(staffTheme(text)).toBeUndefined();
  });
});

describe('a dish or drink told by what was said of it', () => {
  const quality = (text: string) =>
    analyzeFeedback({ id: 'dish', text, channel: 'review' }).themes.find((t) => t.id === 'product_quality');

  it.each([
    ['the pasta was awful and cold', 'negative'],
    ['their sushi is superb', 'positive'],
    ['a wonderful bottle of wine with the lamb', 'positive'],
  ])('"%s" is product quality, %s', (text, sentiment) => {
    expect(quality(text)?.sentiment).toBe(sentiment);
  });

  it.each([
    'we ordered the pasta and a salad',
    'I paid for the coffee with my card',
    'the seafood platter came after the soup',
  ])('"%s" names a dish but judges nothing', (text) => {
    expect(quality(text)).toBeUndefined();
  });
});
