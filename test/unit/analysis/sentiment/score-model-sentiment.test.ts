import { describe, expect, it } from 'vitest';
import { analyzeFeedback } from '../../../../lib/analysis/analyze-feedback.js';
import { readCommentText } from '../../../../lib/analysis/read-comment-text.js';
import { explainSentiment } from '../../../../lib/analysis/sentiment/explain-sentiment.js';
import sentimentModel from '../../../../lib/analysis/sentiment/model/sentiment-model.json' with {
  type: 'json',
};
import type { SentimentModel } from '../../../../lib/analysis/sentiment/score-model-sentiment.js';
import {
  type LabelledComment,
  trainSentimentModel,
} from '../../../../lib/analysis/sentiment/train-sentiment-model.js';
import { normalizeText } from '../../../../lib/analysis/text/normalize-text.js';
import { tokenize } from '../../../../lib/analysis/text/tokenize.js';
import { builtInTaxonomy } from '../../../../lib/analysis/themes/theme-taxonomy.js';

const shippedModel = sentimentModel as SentimentModel;

/** The rules' own verdict on a comment, before any model. */
function readCommentRules(text: string) {
  const normalized = normalizeText(text);
  return readCommentText(normalized, tokenize(normalized), builtInTaxonomy).evidence.rules;
}

// A handful of made-up comments, each kind written several ways so the model has something to learn.
const examples: LabelledComment[] = [
  ...['the parcel never turned up', 'parcel never arrived, nobody answers', 'never got my parcel'].map(
    (text) => ({ text, label: 'negative' as const }),
  ),
  ...['lovely helpful people', 'helpful and lovely team', 'such helpful people'].map((text) => ({
    text,
    label: 'positive' as const,
  })),
  ...['what time does the branch open', 'does the branch open on sunday', 'which branch opens first'].map(
    (text) => ({ text, label: 'neutral' as const }),
  ),
];

function tinyModel() {
  return trainSentimentModel(examples, { trainedOn: 'unit test', bucketBits: 10, epochs: 30 });
}

describe('trainSentimentModel', () => {
  it('learns all three classes, neutral included, from their words', () => {
    const model = tinyModel();
    const label = (text: string) =>
      analyzeFeedback({ id: 'x', text }, { sentimentModel: model }).sentiment.label;
    expect(label('when does the branch open on saturday')).toBe('neutral');
    expect(label('my parcel never turned up')).toBe('negative');
    expect(label('lovely people')).toBe('positive');
  });

  it('gives the same model for the same examples, and ships weights only', () => {
    const model = tinyModel();
    expect(JSON.stringify(tinyModel())).toBe(JSON.stringify(model));
    expect(Buffer.from(model.wordWeights, 'base64').length).toBe(3 * 2 ** 10);
    expect(JSON.stringify(model)).not.toContain('parcel');
  });

  it('averages its runs: one run alone gives other weights, the same runs the same model', () => {
    const options = { trainedOn: 'unit test', bucketBits: 10, epochs: 3 };
    const single = trainSentimentModel(examples, { ...options, runs: 1 });
    const averaged = trainSentimentModel(examples, { ...options, runs: 4 });
    expect(averaged.wordWeights).not.toBe(single.wordWeights);
    expect(trainSentimentModel(examples, { ...options, runs: 4 }).wordWeights).toBe(averaged.wordWeights);
  });

  it('lists the channels it learned words of their own for, and only known ones', () => {
    const withChannels = examples.map((example, i) => ({
      ...example,
      channel: ['survey', 'social', 'carrier pigeon'][i % 3] as string,
    }));
    const model = trainSentimentModel(withChannels, { trainedOn: 'unit test', bucketBits: 10, epochs: 5 });
    expect(model.channels).toEqual(['social', 'survey']);
    expect(tinyModel().channels).toBeUndefined();
  });

  it('learns a channel family under any of its names: e-mail, chat and phone are all support', () => {
    const model = trainSentimentModel(
      examples.map((example, i) => ({ ...example, channel: ['email', 'chat', 'phone'][i % 3] as string })),
      { trainedOn: 'unit test', bucketBits: 10, epochs: 5 },
    );
    expect(model.channels).toEqual(['support']);
    const text = 'my parcel never turned up, which branch do I ask';
    const read = (channel: string) =>
      analyzeFeedback({ id: 'x', text, channel }, { sentimentModel: model }).sentiment;
    expect(read('Live chat')).toEqual(read('email'));
  });

  it('reads a family it never learned by the rules alone when training chose so', () => {
    const model: SentimentModel = {
      ...trainSentimentModel(
        examples.map((example) => ({ ...example, channel: 'survey' })),
        { trainedOn: 'unit test', bucketBits: 10, epochs: 5 },
      ),
      unseenFamily: 'rules',
    };
    const text = 'lovely people but which branch do I ask';
    const read = (channel?: string, sentimentModel?: SentimentModel) =>
      analyzeFeedback(
        { id: 'x', text, ...(channel && { channel }) },
        sentimentModel ? { sentimentModel } : {},
      ).sentiment;
    const rules = readCommentRules(text);
    expect(read('twitter', model)).toEqual(rules);
    expect(read(undefined, model)).not.toEqual(rules);
    expect(read('survey', model)).not.toEqual(rules);
  });

  it('reads a family whose training comments lack a class with the shared weights, as seen text', () => {
    const model: SentimentModel = {
      ...trainSentimentModel(
        examples.map((example, i) => ({ ...example, channel: i < 2 ? 'email' : 'survey' })),
        { trainedOn: 'unit test', bucketBits: 10, epochs: 5 },
      ),
      unseenFamily: 'rules',
    };
    expect(model.channels).toEqual(['support', 'survey']);
    expect(model.partialFamilies).toEqual(['support']);
    const text = 'lovely people but which branch do I ask';
    const read = (channel?: string) =>
      analyzeFeedback({ id: 'x', text, ...(channel && { channel }) }, { sentimentModel: model }).sentiment;
    expect(read('phone')).toEqual(read());
    expect(read('twitter')).toEqual(readCommentRules(text));
  });

  it('reads a family training was told to read shared with the shared weights, though it learned both poles', () => {
    const withChannels = examples.map((example, i) => ({
      ...example,
      channel: i % 2 === 0 ? 'twitter' : 'survey',
    }));
    const options = { trainedOn: 'unit test', bucketBits: 10, epochs: 5 };
    const own = trainSentimentModel(withChannels, options);
    const shared = trainSentimentModel(withChannels, { ...options, readShared: ['social', 'review'] });
    expect(own.partialFamilies).toBeUndefined();
    // A family the examples do not hold (review) is not listed: there is nothing of its own to skip.
    expect(shared.partialFamilies).toEqual(['social']);
    expect(shared.wordWeights).toBe(own.wordWeights);
    const text = 'lovely people but which branch do I ask';
    const read = (model: SentimentModel, channel?: string) =>
      analyzeFeedback({ id: 'x', text, ...(channel && { channel }) }, { sentimentModel: model }).sentiment;
    expect(read(shared, 'twitter')).toEqual(read(shared));
    expect(read(own, 'twitter')).not.toEqual(read(own));
  });

  it('calls a faint leaning neutral in a family it never saw, by the band training chose', () => {
    const model = trainSentimentModel(
      examples.map((example) => ({ ...example, channel: 'survey' })),
      { trainedOn: 'unit test', bucketBits: 10, epochs: 5 },
    );
    const text = 'lovely people';
    const read = (band: number) =>
      analyzeFeedback(
        { id: 'x', text, channel: 'twitter' },
        { sentimentModel: { ...model, unseenNeutralBand: band } },
      ).sentiment;
    const plain = read(0);
    expect(plain.label).not.toBe('neutral');
    expect(read(Math.abs(plain.score) + 0.01).label).toBe('neutral');
    expect(Math.abs(read(Math.abs(plain.score) + 0.01).score)).toBeLessThan(0.1);
    const survey = analyzeFeedback(
      { id: 'x', text, channel: 'survey' },
      { sentimentModel: { ...model, unseenNeutralBand: 1 } },
    ).sentiment;
    expect(survey.label).not.toBe('neutral');
  });

  it('chooses how to read an unseen family only when it lacks one and has two to compare', () => {
    const twoFamilies = trainSentimentModel(
      examples.map((example, i) => ({ ...example, channel: i % 2 === 0 ? 'survey' : 'review' })),
      { trainedOn: 'unit test', bucketBits: 10, epochs: 5 },
    );
    expect(['rules', 'shared']).toContain(twoFamilies.unseenFamily);
    expect(twoFamilies.unseenNeutralBand).toBeGreaterThanOrEqual(0.1);
    const oneFamily = trainSentimentModel(
      examples.map((example) => ({ ...example, channel: 'survey' })),
      { trainedOn: 'unit test', bucketBits: 10, epochs: 5 },
    );
    expect(oneFamily.unseenFamily).toBeUndefined();
    expect(oneFamily.unseenNeutralBand).toBeUndefined();
  });

  it('reads a comment from a channel it never learned as a comment with no channel', () => {
    const model = trainSentimentModel(
      examples.map((example) => ({ ...example, channel: 'survey' })),
      { trainedOn: 'unit test', bucketBits: 10, epochs: 5 },
    );
    const text = 'my parcel never turned up, which branch do I ask';
    const score = (channel?: string) =>
      analyzeFeedback({ id: 'x', text, ...(channel && { channel }) }, { sentimentModel: model }).sentiment;
    expect(score('review')).toEqual(score());
    expect(score('survey')).not.toEqual(score());
  });
});

describe('the learned sentiment', () => {
  it('keeps a neutral decision inside the neutral band of scores', () => {
    const { sentiment } = analyzeFeedback(
      { id: 'q', text: 'Can I take skis as hand luggage?' },
      { sentimentModel: shippedModel },
    );
    expect(sentiment.label).toBe('neutral');
    expect(Math.abs(sentiment.score)).toBeLessThan(0.1);
  });

  it('keeps a clear complaint a complaint even when it is asked as a question', () => {
    const { sentiment } = analyzeFeedback({
      id: 'q',
      text: 'Why has nobody called me back after three weeks of no broadband? Disgusting service',
    });
    expect(sentiment.label).toBe('negative');
  });

  it('ships a model under 300 KB', () => {
    expect(JSON.stringify(shippedModel).length).toBeLessThan(300 * 1024);
    expect(shippedModel.format).toBe('hashed-logistic-1');
  });
});

describe('explainSentiment', () => {
  it('names the features that pushed a comment towards its label, strongest first', () => {
    const { sentiment, features } = explainSentiment({
      text: 'The engineer never turned up and nobody called, awful',
    });
    expect(sentiment.label).toBe('negative');
    expect(features.length).toBeGreaterThan(0);
    expect(features.length).toBeLessThanOrEqual(6);
    const weights = features.map((f) => f.weight);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    expect(weights.every((w) => w > 0)).toBe(true);
    expect(features.map((f) => f.feature).join(' ')).toMatch(/lexicon complaint|rules|awful|never/);
  });

  it('names stems and stem pairs as the model read them', () => {
    const model = tinyModel();
    const { features } = explainSentiment(
      { text: 'parcel never arrived' },
      { sentimentModel: model, top: 20 },
    );
    const names = features.map((f) => f.feature);
    expect(names.some((name) => name.includes(' '))).toBe(true);
    expect(names).toContain('parcel');
  });

  it('explains an empty comment without failing', () => {
    expect(explainSentiment({ text: '' }).sentiment.label).toBe('neutral');
  });
});
