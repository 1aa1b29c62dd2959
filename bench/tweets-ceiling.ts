/**
 * How far a bag-of-words model gets on the tweets with no size limit: softmax regression over hashed
 * words and word pairs (2^20 features, about 25 MB of weights against the bundled model's 300 KB
 * budget), trained on the tweets themselves and, apart, on every other dataset (the
 * leave-one-dataset-out setting that issue 18's stand-in target is set in). It says what the tweets
 * allow a model of closeloop's kind, and so what closeloop's own figures should be read against.
 * Run with `CLOSELOOP_DATA_DIR=../shared/data npx tsx bench/tweets-ceiling.ts`.
 */
import { sentimentDatasets } from './training-set.js';

const CLASSES = ['negative', 'neutral', 'positive'] as const;
type Label = (typeof CLASSES)[number];
interface Example {
  text: string;
  label: Label;
}

const FEATURES = 1 << 20;
const EPOCHS = 10;
/** L2 strength; 1e-6 to 1e-4 move the figures by 0.001 at most. */
const L2 = 1e-5;

function hashOf(feature: string): number {
  let hash = 2166136261;
  for (let i = 0; i < feature.length; i++) {
    hash ^= feature.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return (hash >>> 0) % FEATURES;
}

/** Words, handles, hashtags, emoticons, emoji and !/? with elongation cut to two letters, plus word pairs. */
function featuresOf(text: string): number[] {
  const tokens =
    text
      .toLowerCase()
      .replace(/(.)\1{2,}/g, '$1$1')
      .match(/[@#]?[\p{L}\p{N}']+|[:;=][-']?[()dpo]|<3|\p{Extended_Pictographic}|[!?]/gu) ?? [];
  const features = new Set(tokens.map((token) => hashOf(`w:${token}`)));
  for (let i = 1; i < tokens.length; i++) features.add(hashOf(`p:${tokens[i - 1]} ${tokens[i]}`));
  return [...features];
}

/** A seeded generator (mulberry32), so that every run prints the same figures. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function scores(weights: Float64Array, features: readonly number[]): number[] {
  return CLASSES.map((_, c) => features.reduce((sum, f) => sum + (weights[f * 3 + c] as number), 0));
}

/** Stochastic gradient descent on the cross-entropy with L2, the step shrinking each epoch. */
function train(examples: readonly Example[]): Float64Array {
  const weights = new Float64Array(FEATURES * 3);
  const rows = examples.map((e) => ({ features: featuresOf(e.text), label: CLASSES.indexOf(e.label) }));
  const random = seededRandom(18);
  let rate = 0.2;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = rows.map((row) => ({ row, key: random() })).sort((a, b) => a.key - b.key);
    for (const { row } of order) {
      const { features, label } = row;
      const z = scores(weights, features);
      const top = Math.max(...z);
      const exp = z.map((v) => Math.exp(v - top));
      const total = exp.reduce((a, b) => a + b, 0);
      exp.forEach((e, c) => {
        const gradient = e / total - (c === label ? 1 : 0);
        for (const f of features) {
          const at = f * 3 + c;
          weights[at] = (weights[at] as number) - rate * (gradient + L2 * (weights[at] as number));
        }
      });
    }
    rate *= 0.7;
  }
  return weights;
}

function score(weights: Float64Array, examples: readonly Example[]): string {
  const confusion = new Uint32Array(CLASSES.length * CLASSES.length);
  for (const e of examples) {
    const z = scores(weights, featuresOf(e.text));
    const at = CLASSES.indexOf(e.label) * 3 + z.indexOf(Math.max(...z));
    confusion[at] = (confusion[at] as number) + 1;
  }
  const cell = (truth: number, said: number) => confusion[truth * 3 + said] as number;
  const recall = CLASSES.map((_, c) => cell(c, c) / CLASSES.reduce((s, __, p) => s + cell(c, p), 0));
  const precision = CLASSES.map((_, c) => cell(c, c) / CLASSES.reduce((s, __, t) => s + cell(t, c), 0));
  const f1 = recall.map((r, c) => (2 * (precision[c] as number) * r) / ((precision[c] as number) + r || 1));
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const accuracy = CLASSES.reduce((s, _, c) => s + cell(c, c), 0) / examples.length;
  return `acc3 ${accuracy.toFixed(3)}  macro-F1 ${mean(f1).toFixed(3)}  macro-R ${mean(recall).toFixed(3)}`;
}

const datasets = sentimentDatasets();
const tweets = datasets.find((d) => d.name === 'tweeteval');
if (!tweets) throw new Error('no tweeteval dataset');
const others = datasets.filter((d) => d !== tweets).flatMap((d) => d.train);

console.log(`Bag-of-words softmax regression, 2^${Math.log2(FEATURES)} hashed word and word-pair features,`);
console.log(`scored on the held-out tweets (n=${tweets.test.length}), the part closeloop is scored on`);
console.log(
  `  trained on the tweets (n=${tweets.train.length})           ${score(train(tweets.train), tweets.test)}`,
);
console.log(`  trained on every other dataset (n=${others.length})   ${score(train(others), tweets.test)}`);
