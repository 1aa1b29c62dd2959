import { describe, expect, it } from 'vitest';
import { analyzeFeedback } from '../../../../lib/analysis/analyze-feedback.js';
import sentimentModelJson from '../../../../lib/analysis/sentiment/model/sentiment-model.json' with {
  type: 'json',
};
import { packSentimentModel, readWordWeights } from '../../../../lib/analysis/sentiment/packed-model.js';
import type { SentimentModel } from '../../../../lib/analysis/sentiment/score-model-sentiment.js';
import { trainSentimentModel } from '../../../../lib/analysis/sentiment/train-sentiment-model.js';

const bundled = sentimentModelJson as SentimentModel;

function tinyModel(): SentimentModel {
  return trainSentimentModel(
    [
      { text: 'the parcel never turned up', label: 'negative' },
      { text: 'parcel never arrived, nobody answers', label: 'negative' },
      { text: 'lovely helpful people', label: 'positive' },
      { text: 'such helpful people', label: 'positive' },
      { text: 'what time does the branch open', label: 'neutral' },
      { text: 'does the branch open on sunday', label: 'neutral' },
    ],
    { trainedOn: 'unit test', bucketBits: 10, epochs: 30 },
  );
}

describe('a packed sentiment model', () => {
  it('holds the same word weights as the model it was packed from', () => {
    const model = tinyModel();
    const packed = packSentimentModel(model);
    expect(packed.wordWeightsPacked).toBe(true);
    expect(packed.wordWeights).not.toBe(model.wordWeights);
    expect(readWordWeights(packed)).toEqual(readWordWeights(model));
    expect(readWordWeights(model)).toEqual(new Int8Array(Buffer.from(model.wordWeights, 'base64')));
  });

  it('is packed once: packing it again changes nothing', () => {
    const packed = packSentimentModel(tinyModel());
    expect(packSentimentModel(packed)).toBe(packed);
  });

  it('reads every comment as the model it was packed from', () => {
    const model = tinyModel();
    const packed = packSentimentModel(model);
    for (const text of ['my parcel never turned up', 'lovely people', 'when does the branch open', 'ok']) {
      expect(analyzeFeedback({ id: 'x', text }, { sentimentModel: packed }).sentiment).toEqual(
        analyzeFeedback({ id: 'x', text }, { sentimentModel: model }).sentiment,
      );
    }
  });

  it('is how the bundled model is shipped: three signed bytes for each of its buckets', () => {
    expect(bundled.wordWeightsPacked).toBe(true);
    expect(readWordWeights(bundled).length).toBe(3 * 2 ** bundled.bucketBits);
  });
});
