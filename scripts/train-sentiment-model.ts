/**
 * Retrains the bundled sentiment model from the labelled development data and writes
 * lib/analysis/model/sentiment-model.json. Run with `npm run train:sentiment`; bump analyzerVersion
 * when the model changes.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sentimentTrainingSet } from '../bench/training-set.js';
import { trainSentimentModel } from '../lib/analysis/train-sentiment-model.js';

const model = trainSentimentModel(sentimentTrainingSet(), {
  trainedOn: 'telecom-nps/dev.csv (NPS bands) + mams-acsa/train.xml (single-polarity sentences)',
});
const target = fileURLToPath(new URL('../lib/analysis/model/sentiment-model.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(model)}\n`);
console.log(
  `wrote ${target}: ${Object.keys(model.features).length} features from ${model.totalExamples - 1} comments`,
);
