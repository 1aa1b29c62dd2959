import BayesClassifier from 'natural/lib/natural/classifiers/bayes_classifier.js';
import type { SentimentLabel } from './feedback-analysis.js';
import { normalizeText } from './normalize-text.js';
import type { SentimentModel } from './score-model-sentiment.js';
import { sentimentFeatures } from './sentiment-features.js';
import { tokenize } from './tokenize.js';

export interface LabelledComment {
  text: string;
  label: SentimentLabel;
}

export interface TrainingOptions {
  trainedOn: string;
  /** Features seen fewer times than this in all training text are dropped: rare words overfit. */
  minFeatureCount?: number;
}

const LABELS: readonly SentimentLabel[] = ['negative', 'neutral', 'positive'];

/**
 * Trains natural's BayesClassifier on labelled comments and exports its counts as a
 * {@link SentimentModel}. Deterministic: the same examples in the same order give the same model.
 */
export function trainSentimentModel(
  examples: readonly LabelledComment[],
  options: TrainingOptions,
): SentimentModel {
  const classifier = new BayesClassifier();
  for (const example of examples) {
    const features = sentimentFeatures(tokenize(normalizeText(example.text)));
    if (features.length > 0) classifier.addDocument(features, example.label);
  }
  classifier.train();
  const { classFeatures, classTotals, totalExamples, smoothing } = classifier.classifier;
  const minCount = options.minFeatureCount ?? 3;
  const features: SentimentModel['features'] = {};
  // natural numbers features in the iteration order of its `features` object.
  Object.keys(classifier.features).forEach((feature, index) => {
    if ((classifier.features[feature] ?? 0) < minCount) return;
    features[feature] = LABELS.map((label) => classFeatures[label]?.[index] ?? 0);
  });
  return {
    trainedOn: options.trainedOn,
    smoothing,
    totalExamples,
    classTotals: Object.fromEntries(LABELS.map((label) => [label, classTotals[label] ?? 1])) as Record<
      SentimentLabel,
      number
    >,
    features,
  };
}
