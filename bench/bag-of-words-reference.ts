/**
 * What a plain bag-of-words model reaches when it learns from the very labels it is scored on, with no
 * size limit: softmax regression over hashed words and word pairs (2^20 features, ~25 MB of weights for
 * three classes, against the bundled model's 300 KB budget). It is the reference for issue 18's two
 * stand-in targets that closeloop does not meet:
 * - tweets: trained on the tweets the shipped model learns from, and apart on every other dataset (the
 *   leave-one-dataset-out setting of the stand-in), scored on the same held-out tweets;
 * - CFPB main theme: 5-fold cross-validated on the narratives' mapped labels (which closeloop's
 *   taxonomy never learns from), its precision read at closeloop's coverage (as many answers as
 *   closeloop gives a mapped main theme, the model's most confident ones).
 * Run with `CLOSELOOP_DATA_DIR=../shared/data npm run bench:bow-reference`.
 */
import { analyzeFeedback } from '../lib/analysis/analyze-feedback.js';
import { loadCfpbComplaints } from './labelled-data.js';
import { cfpbTheme } from './theme-labels.js';
import { sentimentDatasets } from './training-set.js';

const FEATURES = 1 << 20;
const EPOCHS = 10;
/** L2 strength; 1e-6 to 1e-4 move the figures by 0.001 at most. */
const L2 = 1e-5;

interface Row {
  features: number[];
  label: number;
}

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

/** Class probabilities for one row's features. */
function predict(weights: Float64Array, classes: number, features: readonly number[]): number[] {
  const z = Array.from({ length: classes }, (_, c) =>
    features.reduce((sum, f) => sum + (weights[f * classes + c] as number), 0),
  );
  const top = Math.max(...z);
  const exp = z.map((v) => Math.exp(v - top));
  const total = exp.reduce((a, b) => a + b, 0);
  return exp.map((e) => e / total);
}

/** Stochastic gradient descent on the cross-entropy with L2, the step shrinking each epoch. */
function train(rows: readonly Row[], classes: number): Float64Array {
  const weights = new Float64Array(FEATURES * classes);
  const random = seededRandom(18);
  let rate = 0.2;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const order = rows.map((row) => ({ row, key: random() })).sort((a, b) => a.key - b.key);
    for (const { row } of order) {
      predict(weights, classes, row.features).forEach((p, c) => {
        const gradient = p - (c === row.label ? 1 : 0);
        for (const f of row.features) {
          const at = f * classes + c;
          weights[at] = (weights[at] as number) - rate * (gradient + L2 * (weights[at] as number));
        }
      });
    }
    rate *= 0.7;
  }
  return weights;
}

const best = (probabilities: readonly number[]) => probabilities.indexOf(Math.max(...probabilities));

function sentimentFigures(weights: Float64Array, rows: readonly Row[]): string {
  const confusion = new Uint32Array(9);
  for (const row of rows) {
    const at = row.label * 3 + best(predict(weights, 3, row.features));
    confusion[at] = (confusion[at] as number) + 1;
  }
  const cell = (truth: number, said: number) => confusion[truth * 3 + said] as number;
  const classes = [0, 1, 2];
  const recall = classes.map((c) => cell(c, c) / classes.reduce((s, p) => s + cell(c, p), 0));
  const precision = classes.map((c) => cell(c, c) / classes.reduce((s, t) => s + cell(t, c), 0));
  const f1 = recall.map((r, c) => (2 * (precision[c] as number) * r) / ((precision[c] as number) + r || 1));
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const accuracy = classes.reduce((s, c) => s + cell(c, c), 0) / rows.length;
  return `acc3 ${accuracy.toFixed(3)}  macro-F1 ${mean(f1).toFixed(3)}  macro-R ${mean(recall).toFixed(3)}`;
}

function tweetsReference() {
  const sentiments = ['negative', 'neutral', 'positive'];
  const rowsOf = (examples: ReadonlyArray<{ text: string; label: string }>) =>
    examples.map((e) => ({ features: featuresOf(e.text), label: sentiments.indexOf(e.label) }));
  const datasets = sentimentDatasets();
  const tweets = datasets.find((d) => d.name === 'tweeteval');
  if (!tweets) throw new Error('no tweeteval dataset');
  const others = rowsOf(datasets.filter((d) => d !== tweets).flatMap((d) => d.train));
  const heldOut = rowsOf(tweets.test);
  console.log(`Tweets: scored on the held-out tweets (n=${heldOut.length}), the part closeloop is scored on`);
  const inDomain = train(rowsOf(tweets.train), 3);
  console.log(
    `  trained on the tweets (n=${tweets.train.length})           ${sentimentFigures(inDomain, heldOut)}`,
  );
  console.log(
    `  trained on every other dataset (n=${others.length})   ${sentimentFigures(train(others, 3), heldOut)}`,
  );
}

function complaintThemeReference() {
  const items = loadCfpbComplaints().flatMap((c) => {
    const theme = cfpbTheme(c.issue, c.subIssue);
    return theme ? [{ text: c.text, theme }] : [];
  });
  const themes = [...new Set(items.map((item) => item.theme))].sort();
  const rows = items.map((item) => ({ features: featuresOf(item.text), label: themes.indexOf(item.theme) }));
  const answers: Array<{ right: boolean; confidence: number }> = [];
  for (let fold = 0; fold < 5; fold++) {
    const weights = train(
      rows.filter((_, i) => i % 5 !== fold),
      themes.length,
    );
    rows.forEach((row, i) => {
      if (i % 5 !== fold) return;
      const probabilities = predict(weights, themes.length, row.features);
      const said = best(probabilities);
      answers.push({ right: said === row.label, confidence: probabilities[said] as number });
    });
  }
  // closeloop's coverage: how many narratives it gives a main theme that some label maps to.
  const mainThemes = items.map((item, i) => analyzeFeedback({ id: `c-${i}`, text: item.text }).mainTheme);
  const given = mainThemes.filter((id) => id !== undefined && themes.includes(id));
  const closeloopRight = mainThemes.filter((id, i) => id === items[i]?.theme).length;
  const mostConfident = [...answers].sort((a, b) => b.confidence - a.confidence).slice(0, given.length);
  const precision = (list: ReadonlyArray<{ right: boolean }>) =>
    (list.filter((a) => a.right).length / list.length).toFixed(3);
  console.log(
    `\nCFPB narratives with a mapped theme (n=${items.length}), main theme, 5-fold cross-validated`,
  );
  console.log(`  every narrative answered                       P ${precision(answers)}`);
  console.log(`  its ${given.length} most confident (closeloop's coverage)    P ${precision(mostConfident)}`);
  console.log(
    `  closeloop's ${given.length} main themes (no CFPB label learned) P ${(closeloopRight / given.length).toFixed(3)}`,
  );
}

tweetsReference();
complaintThemeReference();
