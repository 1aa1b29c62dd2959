/**
 * Retrains the bundled sentiment model from the training part of every labelled dataset (read in
 * place from ../shared/data or CLOSELOOP_DATA_DIR) and writes lib/analysis/sentiment/model/sentiment-model.json,
 * its word weights packed (`packed-model.ts`).
 * Run with `npm run train:sentiment`; bump analyzerVersion when the model changes.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FAMILIES_READ_SHARED, sentimentDatasets, sentimentTrainingSet } from '../bench/training-set.js';
import { packSentimentModel } from '../lib/analysis/sentiment/packed-model.js';
import { trainSentimentModel } from '../lib/analysis/sentiment/train-sentiment-model.js';

const examples = sentimentTrainingSet();
const model = trainSentimentModel(examples, {
  trainedOn: `training parts of ${sentimentDatasets()
    .map((d) => d.name)
    .join(', ')} (see docs/analysis.md)`,
  readShared: FAMILIES_READ_SHARED,
});
const target = fileURLToPath(
  new URL('../lib/analysis/sentiment/model/sentiment-model.json', import.meta.url),
);
const json = `${JSON.stringify(packSentimentModel(model))}\n`;
writeFileSync(target, json);
console.log(`wrote ${target}: ${(json.length / 1024).toFixed(0)} KB from ${examples.length} comments`);
