import { packBytes, unpackBytes } from '../packed-data.js';

/** The fields of a `SentimentModel` that hold its word weights. */
interface WordWeights {
  wordWeights: string;
  wordWeightsPacked?: boolean;
}

/**
 * The model with its word weights packed (`packed-data.ts`), as the bundled model's file holds them:
 * every Lambda bundle carries that file, and its weights in plain base64 were 128 KB of the ingest
 * function's 1 MB (104 KB packed).
 */
export function packSentimentModel<Model extends WordWeights>(model: Model): Model {
  if (model.wordWeightsPacked) return model;
  return {
    ...model,
    wordWeights: packBytes(Buffer.from(model.wordWeights, 'base64')),
    wordWeightsPacked: true,
  };
}

/** The model's word weights as the signed bytes it was trained to, packed or not. */
export function readWordWeights(model: WordWeights): Int8Array {
  const bytes = model.wordWeightsPacked
    ? unpackBytes(model.wordWeights)
    : Buffer.from(model.wordWeights, 'base64');
  return new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length).slice();
}
