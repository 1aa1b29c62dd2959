import { describe, expect, it } from 'vitest';
import sentimentModel from '../../../lib/analysis/model/sentiment-model.json' with { type: 'json' };
import {
  type SentimentModel,
  scoreModelSentiment,
  scoreModelSentimentOfTokens,
} from '../../../lib/analysis/score-model-sentiment.js';
import { sentimentFeatures } from '../../../lib/analysis/sentiment-features.js';
import { tokenize } from '../../../lib/analysis/tokenize.js';

const shippedModel = sentimentModel as SentimentModel;

const tinyModel: SentimentModel = {
  trainedOn: 'unit test',
  smoothing: 1,
  totalExamples: 6,
  classTotals: { negative: 3, neutral: 1, positive: 2 },
  features: { wait: [3, 0, 0], happi: [0, 0, 2], NOT_happi: [2, 0, 0], engin: [1, 1, 1] },
};

describe('scoreModelSentiment', () => {
  it('reads negative and positive evidence, and knows nothing of unknown words', () => {
    expect(scoreModelSentiment(tinyModel, ['wait'])).toBeCloseTo(-0.4);
    expect(scoreModelSentiment(tinyModel, ['happi'])).toBeCloseTo(0.25);
    expect(scoreModelSentiment(tinyModel, ['NOT_happi'])).toBeCloseTo(-0.25);
    expect(scoreModelSentiment(tinyModel, ['zebra'])).toBe(0);
  });

  it('scores tokens exactly as it scores their features, repeated and negated words included', () => {
    const texts = [
      'Waiting and waiting, waited again: not happy, NOT HAPPY at all',
      'The engineer was happy to help and I am happy',
      "I didn't wait long but the engineer never came",
      'zebra',
      '',
      'Slow broadband. Slow, slow, slow! Cancelled my contract, switching to another provider',
    ];
    for (const model of [tinyModel, shippedModel]) {
      for (const text of texts) {
        const tokens = tokenize(text);
        expect(scoreModelSentimentOfTokens(model, tokens), text).toBe(
          scoreModelSentiment(model, sentimentFeatures(tokens)),
        );
      }
    }
  });
});
