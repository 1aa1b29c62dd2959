/**
 * Accuracy of the analysis on the labelled development data, next to natural's AFINN analyzer and
 * VADER on the same text. Run with `npm run bench:accuracy`.
 *
 * Honesty rules: telecom figures are 5-fold cross-validated (the learned model is retrained without
 * the fold it is scored on); MAMS val is never trained on and stands in for "another industry".
 */
import { createRequire } from 'node:module';
import { analyzeFeedback } from '../lib/analysis/analyze-feedback.js';
import type { SentimentLabel } from '../lib/analysis/feedback-analysis.js';
import type { SentimentModel } from '../lib/analysis/score-model-sentiment.js';
import { trainSentimentModel } from '../lib/analysis/train-sentiment-model.js';
import {
  type AspectSentence,
  loadMams,
  loadTelecomNps,
  npsSentiment,
  sentenceSentiment,
} from './labelled-data.js';
import { sentimentTrainingSet } from './training-set.js';

const require = createRequire(import.meta.url);
const SentimentAnalyzer = require('natural/lib/natural/sentiment/SentimentAnalyzer.js');
const PorterStemmer = require('natural/lib/natural/stemmers/porter_stemmer.js');
const { WordTokenizer } = require('natural/lib/natural/tokenizers/regexp_tokenizer.js');
const vader = require('vader-sentiment');

const FOLDS = 5;

type Classifier = (text: string, index: number) => { label: SentimentLabel; score: number };

interface Scores {
  accuracy: number;
  negativePrecision: number;
  negativeRecall: number;
  negativeF1: number;
}

function score(gold: SentimentLabel[], predicted: SentimentLabel[]): Scores {
  let correct = 0;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  gold.forEach((label, i) => {
    const guess = predicted[i];
    if (guess === label) correct++;
    if (guess === 'negative' && label === 'negative') tp++;
    else if (guess === 'negative') fp++;
    else if (label === 'negative') fn++;
  });
  const negativePrecision = tp / (tp + fp || 1);
  const negativeRecall = tp / (tp + fn || 1);
  return {
    accuracy: correct / gold.length,
    negativePrecision,
    negativeRecall,
    negativeF1: (2 * negativePrecision * negativeRecall) / (negativePrecision + negativeRecall || 1),
  };
}

/** Best negative recall reachable at a precision of at least `minPrecision`, sweeping the score cut-off. */
function recallAtPrecision(gold: SentimentLabel[], scores: number[], minPrecision: number) {
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

const afinn = new SentimentAnalyzer('English', PorterStemmer, 'afinn');
const tokenizer = new WordTokenizer();
const baselines: Record<string, Classifier> = {
  'natural AFINN': (text) => {
    const value = afinn.getSentiment(tokenizer.tokenize(text)) as number;
    return { label: value < 0 ? 'negative' : value > 0 ? 'positive' : 'neutral', score: value };
  },
  VADER: (text) => {
    const { compound } = vader.SentimentIntensityAnalyzer.polarity_scores(text) as { compound: number };
    return {
      label: compound <= -0.05 ? 'negative' : compound >= 0.05 ? 'positive' : 'neutral',
      score: compound,
    };
  },
};

function closeloop(model?: SentimentModel): Classifier {
  return (text, index) => {
    const { sentiment } = analyzeFeedback(
      { id: `eval-${index}`, text },
      model ? { sentimentModel: model } : {},
    );
    return sentiment;
  };
}

function pct(value: number): string {
  return value.toFixed(3);
}

function printRow(
  name: string,
  gold: SentimentLabel[],
  results: Array<{ label: SentimentLabel; score: number }>,
) {
  const s = score(
    gold,
    results.map((r) => r.label),
  );
  const at90 = recallAtPrecision(
    gold,
    results.map((r) => r.score),
    0.9,
  );
  console.log(
    `  ${name.padEnd(26)} acc3 ${pct(s.accuracy)}  neg P ${pct(s.negativePrecision)} R ${pct(s.negativeRecall)} F1 ${pct(s.negativeF1)}  neg recall @P>=0.90 ${pct(at90.recall)}`,
  );
  return s;
}

function telecomReport() {
  const comments = loadTelecomNps();
  const gold = comments.map((c) => npsSentiment(c.score));
  console.log(`\nTelecom NPS comments (n=${comments.length}; label = NPS band; detractor = score 0-6)`);
  console.log('  closeloop: 5-fold cross-validation, model retrained without each fold');
  const crossValidated: Array<{ label: SentimentLabel; score: number }> = new Array(comments.length);
  for (let fold = 0; fold < FOLDS; fold++) {
    const model = trainSentimentModel(
      sentimentTrainingSet((index) => index % FOLDS === fold),
      { trainedOn: `cv fold ${fold}` },
    );
    const classify = closeloop(model);
    comments.forEach((comment, index) => {
      if (index % FOLDS === fold) crossValidated[index] = classify(comment.text, index);
    });
  }
  const cv = printRow('closeloop (cross-val.)', gold, crossValidated);
  printRow(
    'closeloop (no model)',
    gold,
    comments.map((c, i) => closeloop(emptyModel)(c.text, i)),
  );
  for (const [name, classify] of Object.entries(baselines)) {
    printRow(
      name,
      gold,
      comments.map((c, i) => classify(c.text, i)),
    );
  }
  console.log(`  detractor found from text alone (cross-val.): F1 ${pct(cv.negativeF1)} (target >= 0.85)`);
  console.log('  targets on unseen text: acc3 >= 0.78, negative recall >= 0.85 at precision >= 0.90');
}

const emptyModel: SentimentModel = {
  trainedOn: 'nothing',
  smoothing: 1,
  totalExamples: 3,
  classTotals: { negative: 1, neutral: 1, positive: 1 },
  features: {},
};

/** MAMS aspect categories and the closeloop themes that speak about them. */
const aspectThemes: Record<string, string[]> = {
  staff: ['agent_attitude', 'agent_knowledge'],
  service: ['wait_time', 'agent_attitude', 'delay', 'resolution', 'communication'],
  price: ['price_value', 'billing'],
  food: ['product_quality'],
};

function mamsReport() {
  const sentences = loadMams('val');
  const single = sentences.flatMap((s) => {
    const label = sentenceSentiment(s);
    return label && label !== 'neutral' ? [{ s, label }] : [];
  });
  console.log(
    `\nMAMS val restaurant sentences, held out (n=${single.length} whose aspects agree; label = aspect polarity)`,
  );
  const gold = single.map((x) => x.label);
  printRow(
    'closeloop (shipped model)',
    gold,
    single.map((x, i) => closeloop()(x.s.text, i)),
  );
  for (const [name, classify] of Object.entries(baselines)) {
    printRow(
      name,
      gold,
      single.map((x, i) => classify(x.s.text, i)),
    );
  }
  themeReport(sentences);
}

function themeReport(sentences: AspectSentence[]) {
  console.log('  theme detection against MAMS aspect categories (all val sentences):');
  for (const [category, themeIds] of Object.entries(aspectThemes)) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let polarityRight = 0;
    let polar = 0;
    sentences.forEach((sentence, index) => {
      const aspect = sentence.aspects.find((a) => a.category === category);
      const found = analyzeFeedback({ id: `m-${index}`, text: sentence.text }).themes.filter((t) =>
        themeIds.includes(t.id),
      );
      if (aspect && found.length > 0) {
        tp++;
        if (aspect.polarity !== 'neutral') {
          polar++;
          if (found.some((t) => t.sentiment === aspect.polarity)) polarityRight++;
        }
      } else if (aspect) fn++;
      else if (found.length > 0) fp++;
    });
    console.log(
      `    ${category.padEnd(8)} -> ${themeIds.join('/').padEnd(60)} P ${pct(tp / (tp + fp || 1))} R ${pct(tp / (tp + fn || 1))}  theme sentiment acc ${pct(polarityRight / (polar || 1))} (n=${polar})`,
    );
  }
}

telecomReport();
mamsReport();
