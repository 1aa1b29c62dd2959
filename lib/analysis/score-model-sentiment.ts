import type { SentimentLabel } from './feedback-analysis.js';
import { LexemeCache } from './lexemes.js';
import { featureOf } from './sentiment-features.js';
import type { Token } from './tokenize.js';

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
  /** Feature name -> its number f; its log-likelihoods are at 3f, 3f + 1, 3f + 2. */
  featureNumbers: Map<string, number>;
  logLikelihoods: Float64Array;
  /** Per word, the number of its feature outside and inside a negation scope (-1: not in the model). */
  plainFeatureOf: LexemeCache<number>;
  negatedFeatureOf: LexemeCache<number>;
  /** The scoring pass that last counted each feature, so a comment counts a feature once, with no set. */
  countedIn: Uint32Array;
  pass: number;
}

const compiledModels = new WeakMap<SentimentModel, CompiledModel>();

function compile(model: SentimentModel): CompiledModel {
  const cached = compiledModels.get(model);
  if (cached) return cached;
  const totals = LABELS.map((label) => model.classTotals[label]);
  const entries = Object.entries(model.features);
  const featureNumbers = new Map<string, number>();
  const logLikelihoods = new Float64Array(3 * entries.length);
  entries.forEach(([feature, counts], f) => {
    featureNumbers.set(feature, f);
    totals.forEach((total, k) => {
      logLikelihoods[3 * f + k] = Math.log(((counts[k] as number) || model.smoothing) / total);
    });
  });
  const numberOf = (feature: string) => featureNumbers.get(feature) ?? -1;
  const compiled: CompiledModel = {
    logPriors: totals.map((total) => Math.log(total / model.totalExamples)),
    featureNumbers,
    logLikelihoods,
    plainFeatureOf: new LexemeCache(({ stem }) => numberOf(featureOf(stem, false))),
    negatedFeatureOf: new LexemeCache(({ stem }) => numberOf(featureOf(stem, true))),
    countedIn: new Uint32Array(entries.length),
    pass: 0,
  };
  compiledModels.set(model, compiled);
  return compiled;
}

/** P(positive) - P(negative) from the summed log probabilities; 0 when no feature was known. */
function modelView(negative: number, neutral: number, positive: number, known: number): number {
  if (known === 0) return 0;
  const max = Math.max(negative, neutral, positive);
  const pNegative = Math.exp(negative - max);
  const pPositive = Math.exp(positive - max);
  return (pPositive - pNegative) / (pNegative + Math.exp(neutral - max) + pPositive);
}

/**
 * The same score as `scoreModelSentiment(model, sentimentFeatures(tokens))`, read straight off the
 * tokens: each word's feature number is looked up once per model, and no feature strings are built.
 */
export function scoreModelSentimentOfTokens(model: SentimentModel, tokens: readonly Token[]): number {
  const compiled = compile(model);
  const { logPriors, logLikelihoods, countedIn } = compiled;
  if (compiled.pass === 0xffffffff) {
    countedIn.fill(0);
    compiled.pass = 0;
  }
  const pass = ++compiled.pass;
  let negative = logPriors[0] as number;
  let neutral = logPriors[1] as number;
  let positive = logPriors[2] as number;
  let known = 0;
  for (const token of tokens) {
    const f = (token.negated ? compiled.negatedFeatureOf : compiled.plainFeatureOf).get(token.lexeme);
    if (f < 0 || countedIn[f] === pass) continue;
    countedIn[f] = pass;
    known++;
    negative += logLikelihoods[3 * f] as number;
    neutral += logLikelihoods[3 * f + 1] as number;
    positive += logLikelihoods[3 * f + 2] as number;
  }
  return modelView(negative, neutral, positive, known);
}

/**
 * The model's view of a comment, -1 (surely negative) .. 1 (surely positive): P(positive) - P(negative)
 * from the same probabilities natural's BayesClassifier computes. 0 when no feature is known.
 */
export function scoreModelSentiment(model: SentimentModel, features: readonly string[]): number {
  const { logPriors, featureNumbers, logLikelihoods } = compile(model);
  let negative = logPriors[0] as number;
  let neutral = logPriors[1] as number;
  let positive = logPriors[2] as number;
  let known = 0;
  for (const feature of features) {
    const f = featureNumbers.get(feature);
    if (f === undefined) continue;
    known++;
    negative += logLikelihoods[3 * f] as number;
    neutral += logLikelihoods[3 * f + 1] as number;
    positive += logLikelihoods[3 * f + 2] as number;
  }
  return modelView(negative, neutral, positive, known);
}
