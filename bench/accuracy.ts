/**
 * Accuracy of the analysis on the labelled development data, next to natural's AFINN analyzer and
 * VADER on the same text. Run with `npm run bench:accuracy`.
 *
 * Honesty rules: telecom figures are 5-fold cross-validated (the learned model is retrained without
 * the fold it is scored on); every other dataset is scored on a part the shipped model never learned
 * from, and the leave-one-dataset-out table retrains the model without the whole dataset it scores,
 * which is the test of text from an industry and channel the project does not have.
 */
import { createRequire } from 'node:module';
import { analyzeFeedback } from '../lib/analysis/analyze-feedback.js';
import type { SentimentLabel } from '../lib/analysis/feedback-analysis.js';
import type { SentimentModel } from '../lib/analysis/sentiment/score-model-sentiment.js';
import {
  type LabelledComment,
  trainSentimentModel,
} from '../lib/analysis/sentiment/train-sentiment-model.js';
import {
  type AspectSentence,
  loadBanking77,
  loadCfpbComplaints,
  loadMams,
  loadTelecomNps,
  npsSentiment,
} from './labelled-data.js';
import { LABELS, recallAtPrecision, scoreLabels } from './sentiment-scores.js';
import { bankingIntentThemes, cfpbTheme } from './theme-labels.js';
import {
  FAMILIES_READ_SHARED,
  type SentimentDataset,
  sentimentDatasets,
  sentimentTrainingSet,
} from './training-set.js';

const require = createRequire(import.meta.url);
const SentimentAnalyzer = require('natural/lib/natural/sentiment/SentimentAnalyzer.js');
const PorterStemmer = require('natural/lib/natural/stemmers/porter_stemmer.js');
const { WordTokenizer } = require('natural/lib/natural/tokenizers/regexp_tokenizer.js');
const vader = require('vader-sentiment');

const FOLDS = 5;

type Classifier = (text: string, index: number) => { label: SentimentLabel; score: number };

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

function closeloop(model?: SentimentModel, channel?: string): Classifier {
  return (text, index) => {
    const { sentiment } = analyzeFeedback(
      { id: `eval-${index}`, text, ...(channel && { channel }) },
      model ? { sentimentModel: model } : {},
    );
    return sentiment;
  };
}

function train(examples: readonly LabelledComment[], trainedOn: string): SentimentModel {
  return trainSentimentModel(examples, { trainedOn, readShared: FAMILIES_READ_SHARED });
}

function pct(value: number): string {
  return value.toFixed(3);
}

function printRow(
  name: string,
  gold: SentimentLabel[],
  results: Array<{ label: SentimentLabel; score: number }>,
) {
  const s = scoreLabels(
    gold,
    results.map((r) => r.label),
  );
  const at90 = recallAtPrecision(
    gold,
    results.map((r) => r.score),
    0.9,
  );
  console.log(
    `  ${name.padEnd(34)} acc3 ${pct(s.accuracy)}  macro-F1 ${pct(s.macroF1)}  macro-R ${pct(s.macroRecall)}  neg P ${pct(s.negativePrecision)} R ${pct(s.negativeRecall)} F1 ${pct(s.negativeF1)}  neg R @P>=0.90 ${pct(at90.recall)}`,
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
    const model = train(
      sentimentTrainingSet((index) => index % FOLDS === fold),
      `cv fold ${fold}`,
    );
    const classify = closeloop(model, 'survey');
    comments.forEach((comment, index) => {
      if (index % FOLDS === fold) crossValidated[index] = classify(comment.text, index);
    });
  }
  const cv = printRow('closeloop (cross-val.)', gold, crossValidated);
  for (const [name, classify] of Object.entries(baselines)) {
    printRow(
      name,
      gold,
      comments.map((c, i) => classify(c.text, i)),
    );
  }
  console.log(`  detractor found from text alone (cross-val.): F1 ${pct(cv.negativeF1)} (target >= 0.85)`);
}

/** Every dataset's held-out part, scored by the shipped model and the baselines. */
function datasetReport(datasets: readonly SentimentDataset[]) {
  for (const dataset of datasets) {
    const gold = dataset.test.map((x) => x.label);
    const counts = LABELS.map((label) => `${label} ${gold.filter((g) => g === label).length}`).join(', ');
    console.log(`\n${dataset.name} (${dataset.channel}), held-out part n=${gold.length} (${counts})`);
    const shipped =
      dataset.name === 'telecom-nps' ? 'closeloop (shipped, seen)' : 'closeloop (shipped model)';
    printRow(
      shipped,
      gold,
      dataset.test.map((x, i) => closeloop(undefined, dataset.channel)(x.text, i)),
    );
    for (const [name, classify] of Object.entries(baselines)) {
      printRow(
        name,
        gold,
        dataset.test.map((x, i) => classify(x.text, i)),
      );
    }
  }
}

/** The model retrained without dataset X, scored on X: text from a channel and industry it never saw. */
function leaveOneDatasetOutReport(datasets: readonly SentimentDataset[]) {
  console.log('\nLeave one dataset out: model trained on every other dataset, scored on this one');
  for (const dataset of datasets) {
    const model = train(sentimentTrainingSet(undefined, [dataset.name]), `without ${dataset.name}`);
    // A model without the dataset's whole family reads it as its training folds chose.
    const reading = model.unseenFamily ? ` (${model.unseenFamily}, band ${model.unseenNeutralBand})` : '';
    printRow(
      `${dataset.name}${reading}`,
      dataset.test.map((x) => x.label),
      dataset.test.map((x, i) => closeloop(model, dataset.channel)(x.text, i)),
    );
  }
  console.log('  stand-in targets: tweeteval acc3 >= 0.72, macro-F1 >= 0.65');
}

/** MAMS aspect categories and the closeloop themes that speak about them. */
const aspectThemes: Record<string, string[]> = {
  staff: ['agent_attitude', 'agent_knowledge'],
  service: ['wait_time', 'agent_attitude', 'delay', 'resolution', 'communication'],
  price: ['price_value', 'billing'],
  food: ['product_quality'],
};

function mamsThemeReport() {
  const sentences = loadMams('val');
  console.log(`\nMAMS val restaurant sentences (n=${sentences.length}), never trained on`);
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

interface ThemeGold {
  text: string;
  theme: string;
}

/** Per theme, precision and recall of the themes found against the one each text's label maps to. */
function themeScores(
  items: readonly ThemeGold[],
  found: ReadonlyArray<ReadonlySet<string>>,
): { rows: string[]; precision: number; recall: number; f1: number; microPrecision: number } {
  const themes = [...new Set(items.map((item) => item.theme))].sort();
  let allTp = 0;
  let allFound = 0;
  let sumP = 0;
  let sumR = 0;
  let sumF = 0;
  const rows = themes.map((theme) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    items.forEach((item, i) => {
      const hit = found[i]?.has(theme) ?? false;
      if (hit && item.theme === theme) tp++;
      else if (hit) fp++;
      else if (item.theme === theme) fn++;
    });
    const p = tp / (tp + fp || 1);
    const r = tp / (tp + fn || 1);
    allTp += tp;
    allFound += tp + fp;
    sumP += p;
    sumR += r;
    sumF += (2 * p * r) / (p + r || 1);
    return `${theme.padEnd(20)} n=${String(tp + fn).padEnd(5)} P ${pct(p)} R ${pct(r)}`;
  });
  const n = themes.length;
  return {
    rows,
    precision: sumP / n,
    recall: sumR / n,
    f1: sumF / n,
    microPrecision: allTp / (allFound || 1),
  };
}

/**
 * Per theme, precision and recall against the theme the publisher's label maps to, twice: for any
 * theme found, and for the main theme alone (the comment's main problem, `mainTheme`). Only texts whose
 * label maps to a theme count (a complaint about credit-report errors says nothing of whether
 * "billing" was right to fire).
 */
function mappedThemeReport(name: string, items: readonly ThemeGold[]) {
  const analyses = items.map((item, i) => analyzeFeedback({ id: `t-${i}`, text: item.text }));
  const mainThemes = analyses.map((a) => a.mainTheme);
  const any = themeScores(
    items,
    analyses.map((a) => new Set(a.themes.map((t) => t.id))),
  );
  const main = themeScores(
    items,
    analyses.map((a) => new Set(a.mainTheme ? [a.mainTheme] : [])),
  );
  const perText = analyses.reduce((sum, a) => sum + a.themes.length, 0) / analyses.length;
  console.log(
    `\n${name}: themes against mapped labels (n=${items.length}; ${perText.toFixed(2)} themes a text)`,
  );
  console.log(`    ${'any theme found'.padEnd(47)} | main theme`);
  any.rows.forEach((row, i) => {
    console.log(`    ${row.padEnd(47)} | ${(main.rows[i] ?? '').slice(27)}`);
  });
  console.log(
    `    macro: any P ${pct(any.precision)} R ${pct(any.recall)} F1 ${pct(any.f1)} | main P ${pct(main.precision)} R ${pct(main.recall)} F1 ${pct(main.f1)}`,
  );
  console.log(
    `    every theme found, pooled: P ${pct(any.microPrecision)} | main theme, pooled: P ${pct(main.microPrecision)}`,
  );
  // The pooled figure above counts only main themes that some label maps to; a "refund" main theme on a
  // complaint labelled with fees is wrong too, and counts here.
  const named = mainThemes.filter((id) => id !== undefined).length;
  const right = mainThemes.filter((id, i) => id !== undefined && id === items[i]?.theme).length;
  console.log(
    `    main theme, pooled over every main theme given (${named} of ${items.length}): P ${pct(right / (named || 1))}`,
  );
  if (process.argv.includes('--theme-confusion')) printThemeConfusion(items, mainThemes);
}

/** Per mapped theme, what the main theme was instead: where the errors are (`--theme-confusion`). */
function printThemeConfusion(items: readonly ThemeGold[], mainThemes: ReadonlyArray<string | undefined>) {
  console.log('    confusion, mapped theme -> main theme given (count):');
  const themes = [...new Set(items.map((item) => item.theme))].sort();
  for (const theme of themes) {
    const given = new Map<string, number>();
    items.forEach((item, i) => {
      if (item.theme !== theme) return;
      const id = mainThemes[i] ?? '(none)';
      given.set(id, (given.get(id) ?? 0) + 1);
    });
    const row = [...given]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([id, count]) => `${id} ${count}`)
      .join(', ');
    console.log(`      ${theme.padEnd(20)} -> ${row}`);
  }
}

function complaintThemeReports() {
  const complaints = loadCfpbComplaints().flatMap((c) => {
    const theme = cfpbTheme(c.issue, c.subIssue);
    return theme ? [{ text: c.text, theme }] : [];
  });
  mappedThemeReport('CFPB complaint narratives', complaints);
  const queries = loadBanking77('test').flatMap((q) => {
    const theme = bankingIntentThemes[q.intent];
    return theme ? [{ text: q.text, theme }] : [];
  });
  mappedThemeReport('banking77 test queries', queries);
}

// --themes-only: the theme figures alone (seconds instead of minutes); --theme-confusion adds, per mapped
// theme, the main themes given instead.
const themesOnly = process.argv.includes('--themes-only');
if (!themesOnly) {
  const datasets = sentimentDatasets();
  if (!process.argv.includes('--no-cv')) telecomReport();
  datasetReport(datasets);
  if (!process.argv.includes('--no-lodo')) leaveOneDatasetOutReport(datasets);
}
mamsThemeReport();
complaintThemeReports();
