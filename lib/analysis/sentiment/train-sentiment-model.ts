import type { SentimentLabel, SentimentResult } from '../feedback-analysis.js';
import { readCommentText } from '../read-comment-text.js';
import { type ChannelFamily, channelFamilies, channelFamily } from '../text/channel-family.js';
import { normalizeText } from '../text/normalize-text.js';
import { tokenize } from '../text/tokenize.js';
import { builtInTaxonomy } from '../themes/theme-taxonomy.js';
import {
  type SentimentModel,
  scoreModelSentiment,
  softmax,
  type UnseenFamilyReading,
  withNeutralBand,
  wordFeatureValue,
} from './score-model-sentiment.js';
import {
  bucketOf,
  denseFeatureNames,
  denseFeatures,
  type SentimentEvidence,
  wordFeatureHashes,
} from './sentiment-features.js';

export interface LabelledComment {
  text: string;
  label: SentimentLabel;
  /** How much the example counts (1 by default): lets a large dataset count no more than a small one. */
  weight?: number;
  /** The channel the comment came from, as a message would give it ("email", "survey", ...). */
  channel?: string;
}

export interface TrainingOptions {
  trainedOn: string;
  /** Word features are hashed into 2^bucketBits buckets (15: a 128 KB model). */
  bucketBits?: number;
  epochs?: number;
  learningRate?: number;
  /** L2 penalty per update: keeps rare words from learning big weights. */
  l2?: number;
  /**
   * Runs over the examples, each in its own shuffled order, whose weights are averaged (8 by default).
   * One run's weights depend on the order it met the examples in: on telecom cross-validation, single
   * runs in different orders ranged 0.777-0.785 in accuracy. The average of several is steadier and
   * generalises better, at no cost when scoring (it is still one set of weights).
   */
  runs?: number;
  /**
   * Families whose training comments are not the text the product meets on that channel: their own
   * weights are learned, which keeps what is peculiar to that text out of the shared weights, but their
   * comments are read with the shared weights, as `partialFamilies` are (see `FAMILIES_READ_SHARED` in
   * bench/training-set.ts for the bundled model's).
   */
  readShared?: readonly ChannelFamily[];
}

const LABELS: readonly SentimentLabel[] = ['negative', 'neutral', 'positive'];
const DENSE = denseFeatureNames.length;

/** A labelled comment read into model features (see {@link prepareExample}). */
export interface Example {
  buckets: Int32Array;
  wordValue: number;
  dense: number[];
  label: number;
  weight: number;
  /** What the rules made of the comment, and its channel family. */
  evidence: SentimentEvidence;
}

/** Reads a labelled comment into the features the model learns from. */
export function prepareExample(example: LabelledComment, bits: number): Example {
  const text = normalizeText(example.text);
  const tokens = tokenize(text);
  const { evidence } = readCommentText(text, tokens, builtInTaxonomy, example.channel);
  const hashes: number[] = [];
  const shared = wordFeatureHashes(tokens, hashes, undefined, evidence.family);
  return {
    buckets: Int32Array.from(hashes, (hash) => bucketOf(hash, bits)),
    wordValue: wordFeatureValue(shared),
    dense: denseFeatures(evidence),
    label: LABELS.indexOf(example.label),
    weight: example.weight ?? 1,
    evidence,
  };
}

/** A small deterministic generator (mulberry32), so the same examples always give the same model. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Trains the multinomial logistic regression of {@link SentimentModel} by AdaGrad on the softmax loss,
 * then stores word weights as signed bytes. Deterministic: the same examples in the same order give
 * the same model.
 */
export function trainSentimentModel(
  examples: readonly LabelledComment[],
  options: TrainingOptions,
): SentimentModel {
  const bits = options.bucketBits ?? DEFAULT_BITS;
  const prepared = examples.map((example) => prepareExample(example, bits));
  const model = fitSentimentModel(prepared, options);
  const { seen, partial } = familyCoverage(examples);
  if (seen.length === 0) return model;
  const readShared = [
    ...new Set([...partial, ...(options.readShared ?? []).filter((f) => seen.includes(f))]),
  ].sort();
  // Only a model that lacks a family can meet one it never saw; only two or more can be compared.
  const unseen =
    seen.length >= 2 && seen.length < channelFamilies.length
      ? chooseUnseenFamilyReading(prepared, seen, options)
      : undefined;
  return {
    ...model,
    channels: seen,
    ...(readShared.length > 0 && { partialFamilies: readShared }),
    ...(unseen && { unseenFamily: unseen.reading, unseenNeutralBand: unseen.neutralBand }),
  };
}

/**
 * The channel families among the examples, and the `partial` ones among them: those with no praise or
 * no complaint, whose own weights learned that it never occurs there (see
 * `SentimentModel.partialFamilies`).
 */
function familyCoverage(examples: readonly LabelledComment[]) {
  const classes = new Map<ChannelFamily, Set<SentimentLabel>>();
  for (const example of examples) {
    const family = channelFamily(example.channel);
    if (family === undefined) continue;
    const seen = classes.get(family) ?? new Set<SentimentLabel>();
    seen.add(example.label);
    classes.set(family, seen);
  }
  const families = [...classes.keys()].sort();
  const polar = (family: ChannelFamily) =>
    classes.get(family)?.has('positive') === true && classes.get(family)?.has('negative') === true;
  return { seen: families, partial: families.filter((family) => !polar(family)) };
}

/** Each held-out family counts at most this many comments when choosing, to keep training quick. */
const MOST_HELD_OUT = 2000;

/** Neutral bands tried for a family the model never saw; 0.1 is the label threshold, i.e. no band. */
const NEUTRAL_BANDS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6];

/**
 * How the model should read a channel family it never saw, decided on its own training examples: each
 * family in turn is left out, a model (one run) is trained on the others, and the left-out comments
 * are read both by the rules alone and by that model's shared weights, each with every neutral band
 * (a comment whose score is nearer 0 than the band is neutral). The reading and band with the best
 * mean accuracy over the families win; on a tie, the smaller band and the model. Never looks at any
 * text but the training examples.
 */
export function chooseUnseenFamilyReading(
  prepared: readonly Example[],
  families: readonly ChannelFamily[],
  options: TrainingOptions,
): { reading: UnseenFamilyReading; neutralBand: number } {
  const readings: UnseenFamilyReading[] = ['shared', 'rules'];
  const accuracy = readings.map(() => NEUTRAL_BANDS.map(() => 0));
  for (const family of families) {
    const others = prepared.filter((e) => e.evidence.family !== family);
    const held = prepared.filter((e) => e.evidence.family === family);
    const step = Math.max(1, Math.floor(held.length / MOST_HELD_OUT));
    const scored = held.filter((_, i) => i % step === 0);
    // The held-out family's comments read as unseen: the model has no weights of that family's own.
    const model = fitSentimentModel(others, { ...options, runs: 1 });
    const results = scored.map((example) => [
      scoreModelSentiment(model, example.evidence),
      example.evidence.rulesAlone,
    ]);
    readings.forEach((_, r) => {
      NEUTRAL_BANDS.forEach((band, b) => {
        let right = 0;
        scored.forEach((example, i) => {
          if (LABELS[example.label] === withNeutralBand(results[i]?.[r] as SentimentResult, band).label)
            right++;
        });
        (accuracy[r] as number[])[b] = ((accuracy[r] as number[])[b] as number) + right / scored.length;
      });
    });
  }
  let best = { reading: 'shared' as UnseenFamilyReading, neutralBand: NEUTRAL_BANDS[0] as number, score: -1 };
  readings.forEach((reading, r) => {
    NEUTRAL_BANDS.forEach((neutralBand, b) => {
      const score = (accuracy[r] as number[])[b] as number;
      if (score > best.score + 1e-9) best = { reading, neutralBand, score };
    });
  });
  return { reading: best.reading, neutralBand: best.neutralBand };
}

const DEFAULT_BITS = 15;
const SEED = 18;
/** Epochs before this one are warm-up: their weights are not averaged. */
const AVERAGE_FROM_EPOCH = 1;
const firstAveraged = (epochs: number) => Math.max(0, Math.min(AVERAGE_FROM_EPOCH, epochs - 1));

interface Weights {
  words: Float64Array;
  dense: Float64Array;
  bias: Float64Array;
}

/**
 * One AdaGrad run over the examples in an order drawn from `seed`. Adds its weights at the end of every
 * epoch but the first into `into`: the average of a run's later epochs is steadier than its last.
 */
function fitOnce(prepared: readonly Example[], options: TrainingOptions, seed: number, into: Weights): void {
  const bits = options.bucketBits ?? DEFAULT_BITS;
  const epochs = options.epochs ?? 4;
  const rate = options.learningRate ?? 0.3;
  const l2 = options.l2 ?? 1e-5;
  const words = new Float64Array(3 << bits);
  const wordSquares = new Float64Array(3 << bits).fill(1e-6);
  const dense = new Float64Array(3 * DENSE);
  const denseSquares = new Float64Array(3 * DENSE).fill(1e-6);
  const bias = new Float64Array(3);
  const biasSquares = new Float64Array(3).fill(1e-6);
  const next = random(seed);
  const order = prepared.map((_, i) => i);
  const logits = [0, 0, 0];
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const index of order) {
      const example = prepared[index] as Example;
      for (let k = 0; k < 3; k++) {
        let sum = 0;
        for (const b of example.buckets) sum += words[3 * b + k] as number;
        let z = (bias[k] as number) + sum * example.wordValue;
        for (let f = 0; f < DENSE; f++) z += (example.dense[f] as number) * (dense[3 * f + k] as number);
        logits[k] = z;
      }
      const p = softmax(logits);
      for (let k = 0; k < 3; k++) {
        const g = ((p[k] as number) - (k === example.label ? 1 : 0)) * example.weight;
        if (g === 0) continue;
        biasSquares[k] = (biasSquares[k] as number) + g * g;
        bias[k] = (bias[k] as number) - (rate * g) / Math.sqrt(biasSquares[k] as number);
        for (let f = 0; f < DENSE; f++) {
          const x = example.dense[f] as number;
          if (x === 0) continue;
          const at = 3 * f + k;
          const gx = g * x;
          denseSquares[at] = (denseSquares[at] as number) + gx * gx;
          dense[at] = (dense[at] as number) - (rate * gx) / Math.sqrt(denseSquares[at] as number);
        }
        const gw = g * example.wordValue;
        for (const b of example.buckets) {
          const at = 3 * b + k;
          const w = words[at] as number;
          const gx = gw + l2 * w;
          wordSquares[at] = (wordSquares[at] as number) + gx * gx;
          words[at] = w - (rate * gx) / Math.sqrt(wordSquares[at] as number);
        }
      }
    }
    if (epoch >= firstAveraged(epochs)) {
      for (let i = 0; i < words.length; i++) into.words[i] = (into.words[i] as number) + (words[i] as number);
      for (let i = 0; i < dense.length; i++) into.dense[i] = (into.dense[i] as number) + (dense[i] as number);
      for (let i = 0; i < 3; i++) into.bias[i] = (into.bias[i] as number) + (bias[i] as number);
    }
  }
}

/** Trains on examples already read by {@link prepareExample} with the same `bucketBits`. */
export function fitSentimentModel(prepared: readonly Example[], options: TrainingOptions): SentimentModel {
  const bits = options.bucketBits ?? DEFAULT_BITS;
  const epochs = options.epochs ?? 4;
  const runs = options.runs ?? 8;
  const sum: Weights = {
    words: new Float64Array(3 << bits),
    dense: new Float64Array(3 * DENSE),
    bias: new Float64Array(3),
  };
  for (let run = 0; run < runs; run++) fitOnce(prepared, options, SEED + run, sum);
  const n = runs * (epochs - firstAveraged(epochs));
  const words = sum.words.map((w) => w / n);
  const dense = sum.dense.map((w) => w / n);
  const bias = sum.bias.map((w) => w / n);
  let largest = 0;
  for (const w of words) largest = Math.max(largest, Math.abs(w));
  const scale = largest === 0 ? 1 : largest / 127;
  const bytes = new Int8Array(words.length);
  words.forEach((w, i) => {
    bytes[i] = Math.round(w / scale);
  });
  const round = (value: number) => Math.round(value * 10_000) / 10_000;
  return {
    format: 'hashed-logistic-1',
    trainedOn: options.trainedOn,
    bucketBits: bits,
    wordWeights: Buffer.from(bytes.buffer).toString('base64'),
    wordScale: scale,
    denseWeights: Object.fromEntries(
      denseFeatureNames.map((name, f) => [name, [0, 1, 2].map((k) => round(dense[3 * f + k] as number))]),
    ),
    bias: [0, 1, 2].map((k) => round(bias[k] as number)),
  };
}
