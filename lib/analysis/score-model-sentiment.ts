import type { SentimentLabel } from './feedback-analysis.js';

/**
 * A naive Bayes sentiment model trained with natural's BayesClassifier (see
 * `scripts/train-sentiment-model.ts`) and exported as counts, so that scoring needs neither natural's
 * classifier runtime nor its O(vocabulary) feature vectors.
 */
export interface SentimentModel {
  /** Provenance: what the model was trained on and when, for the record. */
  trainedOn: string;
  smoothing: number;
  totalExamples: number;
  classTotals: Record<SentimentLabel, number>;
  /** feature -> [negative, neutral, positive] counts, as natural's classifier keeps them. */
  features: Record<string, number[]>;
}

const LABELS: readonly SentimentLabel[] = ['negative', 'neutral', 'positive'];

/**
 * The model's view of a comment, -1 (surely negative) .. 1 (surely positive): P(positive) - P(negative)
 * from the same probabilities natural's BayesClassifier computes. 0 when no feature is known.
 */
export function scoreModelSentiment(model: SentimentModel, features: readonly string[]): number {
  const logs = [0, 0, 0];
  let known = 0;
  for (const feature of features) {
    const counts = model.features[feature];
    if (!counts) continue;
    known++;
    for (let k = 0; k < 3; k++) {
      const total = model.classTotals[LABELS[k] as SentimentLabel];
      logs[k] = (logs[k] as number) + Math.log(((counts[k] as number) || model.smoothing) / total);
    }
  }
  if (known === 0) return 0;
  // Priors times likelihoods, normalised in log space so long comments do not underflow.
  const scores = LABELS.map(
    (label, k) => Math.log(model.classTotals[label] / model.totalExamples) + (logs[k] as number),
  );
  const max = Math.max(...scores);
  const probabilities = scores.map((score) => Math.exp(score - max));
  const sum = probabilities.reduce((a, b) => a + b, 0);
  return ((probabilities[2] as number) - (probabilities[0] as number)) / sum;
}
