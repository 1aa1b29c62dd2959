import type { SentimentLabel, SentimentResult } from '../feedback-analysis.js';
import { oncePerObject } from '../once-per-object.js';
import type { ChannelFamily } from '../text/channel-family.js';
import { decidedNeutral } from './neutral-decision.js';
import { neutralIfNoVerdict } from './no-verdict.js';
import { readWordWeights } from './packed-model.js';
import { scoreSentiment } from './score-sentiment.js';
import {
  bucketOf,
  denseFeatureNames,
  denseFeatures,
  type SentimentEvidence,
  sumWordWeights,
  wordFeatureHashes,
} from './sentiment-features.js';

/**
 * A multinomial logistic regression over hashed word and word-pair features plus what the rules made
 * of the comment (see `sentiment-features.ts`), trained by `scripts/train-sentiment-model.ts`. It
 * ships weights only: no training text, no vocabulary.
 */
export interface SentimentModel {
  format: 'hashed-logistic-1';
  /** Provenance: what the model was trained on, for the record. */
  trainedOn: string;
  /** Word features are hashed into 2^bucketBits buckets. */
  bucketBits: number;
  /** Per bucket, the [negative, neutral, positive] weights as signed bytes, base64. */
  wordWeights: string;
  /**
   * Whether `wordWeights` was brotli-compressed before its base64 (see `packed-model.ts`): the bundled
   * model's file is, a model as training returns it is not.
   */
  wordWeightsPacked?: boolean;
  /** A byte of `wordWeights` times this is the weight. */
  wordScale: number;
  /** Per dense feature (by name), its [negative, neutral, positive] weights. */
  denseWeights: Record<string, number[]>;
  /** [negative, neutral, positive] intercepts. */
  bias: number[];
  /**
   * The channel families the model learned word weights of their own for (see `channelSalt` and
   * `lexicon/channel-families.ts`). A comment from any other family is read as {@link unseenFamily}
   * says: the buckets of a family never trained on hold other features' weights, which would be noise.
   */
  channels?: ChannelFamily[];
  /**
   * Families among `channels` whose training comments held no praise or no complaint (support contacts
   * in the bundled sets are complaints and questions, never praise): their own weights learned that it
   * never occurs there, which is the datasets' doing, not the channel's (a thank-you after a call is
   * praise), so they are read with the shared weights, as text the model has seen. A family with no
   * neutral comments keeps its own weights: reviews are written to give a verdict, and the held-out
   * reviews read better with them (MAMS 0.867 against 0.811, UCI 0.859 against 0.791). Training also
   * lists here the families it was told to read shared (`TrainingOptions.readShared`): social, whose only
   * training set is general-topic tweets, not posts to a brand.
   */
  partialFamilies?: ChannelFamily[];
  /**
   * How a comment from a channel family the model never learned is read: `rules`, the explainable
   * rules alone, or `shared` (the default), the model with its shared weights only. Chosen when
   * training, by leaving each family the training set has out in turn and scoring it both ways.
   */
  unseenFamily?: UnseenFamilyReading;
  /**
   * For a family the model never saw, a comment whose score is nearer 0 than this is neutral (0.1, the
   * label threshold, when absent). Chosen with {@link unseenFamily}, on the training examples: text
   * from an unknown channel leans on words whose weight was learned elsewhere, so a faint leaning
   * there is no verdict.
   */
  unseenNeutralBand?: number;
}

export type UnseenFamilyReading = 'rules' | 'shared';

const LABELS: readonly SentimentLabel[] = ['negative', 'neutral', 'positive'];
/**
 * The model's "neutral" decides a comment's label unless the rules and the model together lean far
 * one way (|score| >= this): a clear complaint stays a complaint even when the words around it are
 * those of a question.
 */
const NEUTRAL_CEILING = 0.7;

interface CompiledModel {
  bits: number;
  /** The stored signed bytes: a quarter of the memory of floats, so more of it stays in cache. */
  words: Int8Array;
  wordScale: number;
  dense: Float64Array;
  bias: Float64Array;
  channels: ReadonlySet<ChannelFamily>;
  partialFamilies: ReadonlySet<ChannelFamily>;
  unseenByRules: boolean;
  unseenNeutralBand: number;
}

/** A model's weights in the arrays the scoring reads: worked out once per model. */
const compile = oncePerObject((model: SentimentModel): CompiledModel => {
  const words = readWordWeights(model);
  const dense = new Float64Array(3 * denseFeatureNames.length);
  denseFeatureNames.forEach((name, f) => {
    const weights = model.denseWeights[name] ?? [0, 0, 0];
    for (let k = 0; k < 3; k++) dense[3 * f + k] = weights[k] ?? 0;
  });
  const compiled: CompiledModel = {
    bits: model.bucketBits,
    words,
    wordScale: model.wordScale,
    dense,
    bias: Float64Array.from(model.bias),
    channels: new Set(model.channels ?? []),
    partialFamilies: new Set(model.partialFamilies ?? []),
    unseenByRules: model.unseenFamily === 'rules',
    unseenNeutralBand: model.unseenNeutralBand ?? 0,
  };
  return compiled;
});

/**
 * Word features count 1/sqrt(n) each, n their number: a long review's many small words weigh no more
 * in all than a short comment's few.
 */
export function wordFeatureValue(count: number): number {
  return count === 0 ? 0 : 1 / Math.sqrt(count);
}

/** The comment's channel family when the model learned weights of its own for it from both poles. */
function learnedFamily(
  compiled: CompiledModel,
  family: ChannelFamily | undefined,
): ChannelFamily | undefined {
  return family !== undefined && compiled.channels.has(family) && !compiled.partialFamilies.has(family)
    ? family
    : undefined;
}

/** Whether the comment comes from a channel family the model never saw. */
function unseenFamily(compiled: CompiledModel, family: ChannelFamily | undefined): boolean {
  return family !== undefined && !compiled.channels.has(family);
}

/** Whether the comment comes from a channel family the model never saw and is read by the rules. */
function readByRules(compiled: CompiledModel, family: ChannelFamily | undefined): boolean {
  return compiled.unseenByRules && unseenFamily(compiled, family);
}

/** The result, neutral when its score is nearer 0 than `band`. */
export function withNeutralBand(result: SentimentResult, band: number): SentimentResult {
  if (result.label === 'neutral' || Math.abs(result.score) >= band) return result;
  return decidedNeutral(result.score);
}

const logits = [0, 0, 0];
const denseValues: number[] = [];

/**
 * The evidence as the model reads it: a family it did not learn from every class counts as none, for
 * its word weights and its base rate alike.
 */
function asLearned(compiled: CompiledModel, evidence: SentimentEvidence): SentimentEvidence {
  const family = learnedFamily(compiled, evidence.family);
  return family === evidence.family ? evidence : { ...evidence, family };
}

/** The model's three class scores (logits) for the evidence (see {@link asLearned}), into `logits`. */
function logitsOf(compiled: CompiledModel, evidence: SentimentEvidence): number[] {
  const { words, dense, bias, bits } = compiled;
  const count = sumWordWeights(evidence.tokens, words, bits, logits, evidence.family);
  const value = wordFeatureValue(count) * compiled.wordScale;
  let negative = (bias[0] as number) + (logits[0] as number) * value;
  let neutral = (bias[1] as number) + (logits[1] as number) * value;
  let positive = (bias[2] as number) + (logits[2] as number) * value;
  const values = denseFeatures(evidence, denseValues);
  for (let f = 0; f < values.length; f++) {
    const x = values[f] as number;
    if (x === 0) continue;
    negative += x * (dense[3 * f] as number);
    neutral += x * (dense[3 * f + 1] as number);
    positive += x * (dense[3 * f + 2] as number);
  }
  logits[0] = negative;
  logits[1] = neutral;
  logits[2] = positive;
  return logits;
}

/** Class probabilities [negative, neutral, positive] from the three logits. */
export function softmax(logits: readonly number[]): [number, number, number] {
  const a = logits[0] as number;
  const b = logits[1] as number;
  const c = logits[2] as number;
  const max = a > b ? (a > c ? a : c) : b > c ? b : c;
  const ea = Math.exp(a - max);
  const eb = Math.exp(b - max);
  const ec = Math.exp(c - max);
  const sum = ea + eb + ec;
  return [ea / sum, eb / sum, ec / sum];
}

/**
 * The comment's sentiment: the rules' valence plus the model's view P(positive) - P(negative), as one
 * score in -1..1, labelled by its sign, except where the model finds `neutral` the most probable
 * class: then neutral is the model's decision, not what is left when no cue fired.
 */
export function scoreModelSentiment(model: SentimentModel, evidence: SentimentEvidence): SentimentResult {
  const compiled = compile(model);
  const result = scoreSeenOrShared(compiled, evidence);
  return unseenFamily(compiled, evidence.family)
    ? withNeutralBand(result, compiled.unseenNeutralBand)
    : result;
}

/**
 * Whether the comment stays polar against the model's "neutral": the rules and the model together lean
 * far one way, or the rules found a complaint in the comment's form (see
 * `SentimentEvidence.complaintByForm`): a problem reported politely, or what the service should do,
 * which the model, having learned that requests are neutral, reads by its "please help" or "needs to".
 */
function staysPolar(combined: SentimentResult, evidence: SentimentEvidence): boolean {
  if (Math.abs(combined.score) >= NEUTRAL_CEILING) return true;
  if (combined.label !== 'negative') return false;
  return evidence.complaintByForm || toldAsFacts(evidence);
}

/**
 * A complaint posted to a brand told only as facts: a CX fact or complaint theme (a parcel left in a
 * bin, a charge for roaming at home) with no praise and no request around it. The model, which weighs
 * words, reads the plain telling as neutral. Only on social media: a survey's passives tell such facts
 * and still score 7 or 8 (telecom cross-validation lost a comment with it everywhere).
 */
function toldAsFacts(evidence: SentimentEvidence): boolean {
  return evidence.family === 'social' && evidence.cxValence < 0 && evidence.praise === 0 && !evidence.request;
}

function scoreSeenOrShared(compiled: CompiledModel, evidence: SentimentEvidence): SentimentResult {
  if (readByRules(compiled, evidence.family)) return evidence.rulesAlone;
  const p = softmax(logitsOf(compiled, asLearned(compiled, evidence)));
  const combined = scoreSentiment(
    { positive: evidence.praise, negative: evidence.complaint },
    evidence.cxValence,
    p[2] - p[0],
    evidence.emphasis,
  );
  const neutral = p[1] > p[0] && p[1] > p[2];
  if (!neutral || staysPolar(combined, evidence)) return neutralIfNoVerdict(combined, evidence);
  return decidedNeutral(combined.score);
}

export interface FeatureContribution {
  /** A stem ("delay"), a negated stem ("not happi"), a stem pair ("hung up") or a rule feature. */
  feature: string;
  /** How far the feature pushed the comment towards the label it got, against the other two. */
  weight: number;
}

/** The features that pushed the comment most towards its label, strongest first. */
export function explainModelSentiment(
  model: SentimentModel,
  evidence: SentimentEvidence,
  label: SentimentLabel,
  top = 6,
): FeatureContribution[] {
  const compiled = compile(model);
  const { words, wordScale, dense, bits } = compiled;
  const k = LABELS.indexOf(label);
  const towards = (weights: ArrayLike<number>, at: number) =>
    (weights[at + k] as number) -
    ((weights[at] as number) +
      (weights[at + 1] as number) +
      (weights[at + 2] as number) -
      (weights[at + k] as number)) /
      2;
  const found: number[] = [];
  const names: string[] = [];
  if (readByRules(compiled, evidence.family)) return [];
  const read = asLearned(compiled, evidence);
  const shared = wordFeatureHashes(read.tokens, found, names, read.family);
  const value = wordFeatureValue(shared) * wordScale;
  const byName = new Map<string, number>();
  found.forEach((hash, i) => {
    const name = names[i] as string;
    byName.set(name, (byName.get(name) ?? 0) + value * towards(words, 3 * bucketOf(hash, bits)));
  });
  denseFeatures(read).forEach((x, f) => {
    if (x !== 0) byName.set(denseFeatureNames[f] as string, x * towards(dense, 3 * f));
  });
  return [...byName]
    .map(([feature, weight]) => ({ feature, weight: Math.round(weight * 1000) / 1000 }))
    .filter((c) => c.weight > 0)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, top);
}
