import { describe, expect, it } from 'vitest';
import { analyzeFeedback } from '../../../../lib/analysis/analyze-feedback.js';
import { readCommentText } from '../../../../lib/analysis/read-comment-text.js';
import sentimentModelJson from '../../../../lib/analysis/sentiment/model/sentiment-model.json' with {
  type: 'json',
};
import { inCapitalisedName, valenceInNames } from '../../../../lib/analysis/sentiment/name-words.js';
import { scoreLexicalSentiment } from '../../../../lib/analysis/sentiment/score-lexical-sentiment.js';
import type { SentimentModel } from '../../../../lib/analysis/sentiment/score-model-sentiment.js';
import { tokenize } from '../../../../lib/analysis/text/tokenize.js';
import { builtInTaxonomy } from '../../../../lib/analysis/themes/theme-taxonomy.js';

/** Whether `word` (its first occurrence) reads as part of a name in `text`. */
function named(text: string, word: string): boolean {
  const tokens = tokenize(text);
  const index = tokens.findIndex((token) => token.word === word);
  if (index < 0) throw new Error(`no "${word}" in "${text}"`);
  return inCapitalisedName(text, tokens, index);
}

describe('inCapitalisedName', () => {
  it.each([
    ['catching up on The Walking Dead tonight', 'dead'],
    ['watching the Miss USA final', 'miss'],
    ['Selling a ticket for Twilight Sad on Saturday', 'sad'],
    ['the Grand Slam starts on Monday', 'grand'],
    ['Manchester United sign a new keeper', 'united'],
  ])('%j: "%s" is part of a name', (text, word) => {
    expect(named(text, word)).toBe(true);
  });

  it.each([
    ['Bad service again from the airline', 'bad'],
    ['the crew was Awful today', 'awful'],
    ['Happy Sunday everyone', 'happy'],
    ['what a Great Monday night', 'great'],
    ['the food was GREAT Tom', 'great'],
    ['I Love this show', 'love'],
    ['so sad. Broken again', 'broken'],
  ])('%j: "%s" is the writer\'s own word', (text, word) => {
    expect(named(text, word)).toBe(false);
  });
});

describe('names carry no sentiment in social text', () => {
  it('finds the lexicon words that stand inside a title', () => {
    const text = 'new episode of The Walking Dead, sad ending';
    const tokens = tokenize(text);
    const { cues, negative } = scoreLexicalSentiment(text, tokens);
    const named = valenceInNames(text, tokens, cues);
    expect(named.positive).toBe(0);
    expect(named.negative).toBeLessThan(0);
    // "sad" is the writer's own word: it stays outside the names.
    expect(named.negative).toBeGreaterThan(negative);
  });

  const rulesAlone = (text: string, channel: string) =>
    readCommentText(text, tokenize(text), builtInTaxonomy, channel).evidence.rulesAlone.label;

  it('reads a show title on social media as news, and keeps the word elsewhere', () => {
    expect(rulesAlone('The Walking Dead is back on Sunday', 'twitter')).toBe('neutral');
    expect(rulesAlone('The Walking Dead is back on Sunday', 'survey')).toBe('negative');
  });

  it('keeps the sentiment of a capitalised complaint on social media', () => {
    expect(rulesAlone('Awful Service from you today', 'twitter')).toBe('negative');
  });

  it('is how a model that never saw social text reads a post', () => {
    const bundled = sentimentModelJson as SentimentModel;
    const withoutSocial: SentimentModel = {
      ...bundled,
      channels: (bundled.channels ?? []).filter((family) => family !== 'social'),
      unseenFamily: 'rules',
    };
    const result = analyzeFeedback(
      { id: 'n1', text: 'Selling a ticket for Twilight Sad at the Barrowland', channel: 'twitter' },
      { sentimentModel: withoutSocial },
    );
    expect(result.sentiment.label).toBe('neutral');
  });
});
