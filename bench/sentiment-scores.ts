/**
 * Three-class sentiment scores shared by the accuracy benches: accuracy, macro-F1, macro-recall, the
 * negative class's precision, recall and F1, and the negative recall reachable at a given precision.
 */
import type { SentimentLabel } from '../lib/analysis/feedback-analysis.js';

interface Scores {
  accuracy: number;
  /** Mean F1 over the classes present in the gold labels. */
  macroF1: number;
  /** Mean recall over the classes present: TweetEval's official sentiment metric (Barbieri et al., 2020). */
  macroRecall: number;
  negativePrecision: number;
  negativeRecall: number;
  negativeF1: number;
}

export const LABELS: readonly SentimentLabel[] = ['negative', 'neutral', 'positive'];

function f1Of(gold: SentimentLabel[], predicted: SentimentLabel[], label: SentimentLabel) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  gold.forEach((g, i) => {
    const guess = predicted[i];
    if (guess === label && g === label) tp++;
    else if (guess === label) fp++;
    else if (g === label) fn++;
  });
  const precision = tp / (tp + fp || 1);
  const recall = tp / (tp + fn || 1);
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall || 1) };
}

export function scoreLabels(gold: SentimentLabel[], predicted: SentimentLabel[]): Scores {
  const correct = gold.filter((label, i) => predicted[i] === label).length;
  const present = LABELS.filter((label) => gold.includes(label));
  const negative = f1Of(gold, predicted, 'negative');
  return {
    accuracy: correct / gold.length,
    macroF1: present.reduce((sum, label) => sum + f1Of(gold, predicted, label).f1, 0) / present.length,
    macroRecall:
      present.reduce((sum, label) => sum + f1Of(gold, predicted, label).recall, 0) / present.length,
    negativePrecision: negative.precision,
    negativeRecall: negative.recall,
    negativeF1: negative.f1,
  };
}

/** Best negative recall reachable at a precision of at least `minPrecision`, sweeping the score cut-off. */
export function recallAtPrecision(gold: SentimentLabel[], scores: number[], minPrecision: number) {
  const order = scores.map((s, i) => [s, i] as const).sort((a, b) => a[0] - b[0]);
  const negatives = gold.filter((g) => g === 'negative').length;
  let tp = 0;
  let best = { recall: 0, threshold: Number.NaN, precision: 0 };
  order.forEach(([s, i], rank) => {
    if (gold[i] === 'negative') tp++;
    const precision = tp / (rank + 1);
    if (precision >= minPrecision && tp / negatives > best.recall)
      best = { recall: tp / negatives, threshold: s, precision };
  });
  return best;
}
