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

/** Per feature, log P(feature | class) for [negative, neutral, positive]: worked out once per model. */
interface CompiledModel {
  logPriors: readonly number[];
  logLikelihoods: Map<string, readonly number[]>;
}

const compiledModels = new WeakMap<SentimentModel, CompiledModel>();

function compile(model: SentimentModel): CompiledModel {
  const cached = compiledModels.get(model);
  if (cached) return cached;
  const totals = LABELS.map((label) => model.classTotals[label]);
  const logLikelihoods = new Map<string, readonly number[]>();
  for (const [feature, counts] of Object.entries(model.features)) {
    logLikelihoods.set(
      feature,
      totals.map((total, k) => Math.log(((counts[k] as number) || model.smoothing) / total)),
    );
  }
  const compiled = {
    logPriors: totals.map((total) => Math.log(total / model.totalExamples)),
    logLikelihoods,
  };
  compiledModels.set(model, compiled);
  return compiled;
}

/**
 * The model's view of a comment, -1 (surely negative) .. 1 (surely positive): P(positive) - P(negative)
 * from the same probabilities natural's BayesClassifier computes. 0 when no feature is known.
 */
export function scoreModelSentiment(model: SentimentModel, features: readonly string[]): number {
  const { logPriors, logLikelihoods } = compile(model);
  // Priors times likelihoods, summed in log space so long comments do not underflow.
  let negative = logPriors[0] as number;
  let neutral = logPriors[1] as number;
  let positive = logPriors[2] as number;
  let known = 0;
  for (const feature of features) {
    const logs = logLikelihoods.get(feature);
    if (!logs) continue;
    known++;
    negative += logs[0] as number;
    neutral += logs[1] as number;
    positive += logs[2] as number;
  }
  if (known === 0) return 0;
  const max = Math.max(negative, neutral, positive);
  const pNegative = Math.exp(negative - max);
  const pPositive = Math.exp(positive - max);
  return (pPositive - pNegative) / (pNegative + Math.exp(neutral - max) + pPositive);
}
