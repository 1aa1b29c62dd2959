/**
 * The analysis on the comments engineers wrote themselves, in customers' words, for industries and
 * channels the labelled datasets lack (bench/written-sets/*.json). Each comment was labelled (its
 * sentiment and the themes a CX analyst would tag) before anything ran on it. A set marked `heldOut`
 * was scored once before any fix of its session; its later figures count as seen.
 * Prints, per set and in all: sentiment right, themes missed (labelled, not found) and themes extra
 * (found, not labelled); then issue 18's tests of the product on these comments (social posts: three-class
 * accuracy, macro-F1, negative recall at precision >= 0.90; long reviews: recommended or not; themes:
 * macro-F1 over the themes labelled at least MIN_THEME_SUPPORT times); then every miss with `--misses`.
 * Run with `npm run bench:written [-- --misses]`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as z from 'zod';
import { analyzeFeedback } from '../lib/analysis/analyze-feedback.js';
import type { SentimentLabel } from '../lib/analysis/feedback-analysis.js';
import { builtInTaxonomy } from '../lib/analysis/themes/theme-taxonomy.js';
import { recallAtPrecision, scoreLabels } from './sentiment-scores.js';

const { values } = parseArgs({ options: { misses: { type: 'boolean' } } });

const themeIds = builtInTaxonomy.themes.map((theme) => theme.id) as [string, ...string[]];
const writtenSetSchema = z.strictObject({
  name: z.string().min(1),
  written: z.string().min(1),
  heldOut: z.boolean(),
  about: z.string().min(1),
  /** False for a set labelled for sentiment only: its themes count neither missed nor extra. */
  themesLabelled: z.boolean().default(true),
  comments: z
    .array(
      z.strictObject({
        text: z.string().min(1),
        sentiment: z.enum(['negative', 'neutral', 'positive']),
        themes: z.array(z.enum(themeIds)),
        channel: z.string().min(1),
      }),
    )
    .min(1),
});

/** Themes labelled fewer times than this are left out of the macro-F1: one miss would swing it by a third. */
const MIN_THEME_SUPPORT = 3;

const folder = join(import.meta.dirname, 'written-sets');
const sets = readdirSync(folder)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => writtenSetSchema.parse(JSON.parse(readFileSync(join(folder, file), 'utf8'))));

interface Tally {
  comments: number;
  right: number;
  missed: number;
  extra: number;
}

const all: Tally = { comments: 0, right: 0, missed: 0, extra: 0 };
const social: Tally = { comments: 0, right: 0, missed: 0, extra: 0 };
const misses: string[] = [];

/** A comment's labels beside what the analysis gave, for the product tests below. */
interface Reading {
  gold: SentimentLabel;
  label: SentimentLabel;
  score: number;
  channel: string;
  /** Labelled and found themes; undefined in a set labelled for sentiment only. */
  themes?: { labelled: readonly string[]; found: readonly string[] };
}
const readings: Reading[] = [];

function line(name: string, tally: Tally): string {
  return `  ${name.padEnd(24)} ${`${tally.right}/${tally.comments}`.padStart(7)} right  ${String(tally.missed).padStart(3)} themes missed  ${String(tally.extra).padStart(3)} extra`;
}

console.log('Written sets: sentiment right, themes missed and extra');
for (const set of sets) {
  const tally: Tally = { comments: 0, right: 0, missed: 0, extra: 0 };
  for (const [index, comment] of set.comments.entries()) {
    const analysis = analyzeFeedback({
      id: `${set.name}-${index}`,
      text: comment.text,
      channel: comment.channel,
    });
    const found = analysis.themes.map((theme) => theme.id);
    const missed = set.themesLabelled ? comment.themes.filter((id) => !found.includes(id)) : [];
    const extra = set.themesLabelled ? found.filter((id) => !comment.themes.includes(id)) : [];
    const right = analysis.sentiment.label === comment.sentiment;
    readings.push({
      gold: comment.sentiment,
      label: analysis.sentiment.label,
      score: analysis.sentiment.score,
      channel: comment.channel,
      ...(set.themesLabelled && { themes: { labelled: comment.themes, found } }),
    });
    for (const into of comment.channel === 'social' ? [tally, all, social] : [tally, all]) {
      into.comments++;
      if (right) into.right++;
      into.missed += missed.length;
      into.extra += extra.length;
    }
    if (!right || missed.length > 0 || extra.length > 0)
      misses.push(
        `  ${set.name}: ${right ? '' : `${analysis.sentiment.label} (labelled ${comment.sentiment}) `}` +
          `${missed.length > 0 ? `missed [${missed.join(', ')}] ` : ''}${extra.length > 0 ? `extra [${extra.join(', ')}] ` : ''}` +
          `"${comment.text}"`,
      );
  }
  console.log(`${line(set.name, tally)}  (${set.written}${set.heldOut ? ', held out' : ''})`);
}
console.log(line('all', all));
console.log(line('social posts in all', social));
printProductTests(readings);
if (values.misses) console.log(`\nEvery miss:\n${misses.join('\n')}`);

function printProductTests(all: readonly Reading[]) {
  const f = (value: number) => value.toFixed(3);
  console.log("\nIssue 18's tests of the product, on these comments (targets in brackets)");
  const social = all.filter((r) => r.channel === 'social');
  const gold = social.map((r) => r.gold);
  const scores = scoreLabels(
    gold,
    social.map((r) => r.label),
  );
  const at90 = recallAtPrecision(
    gold,
    social.map((r) => r.score),
    0.9,
  );
  console.log(
    `  social posts (n=${social.length}): acc3 ${f(scores.accuracy)} (>= 0.78)  macro-F1 ${f(scores.macroF1)} (>= 0.70)  neg R @P>=0.90 ${f(at90.recall)} (>= 0.85)`,
  );
  // A long review recommends when its verdict is praise; read as recommending when the analysis says positive.
  const reviews = all.filter((r) => r.channel === 'review' && r.gold !== 'neutral');
  const recommendRight = reviews.filter((r) => (r.gold === 'positive') === (r.label === 'positive')).length;
  console.log(
    `  reviews, recommended or not (n=${reviews.length}): ${f(recommendRight / reviews.length)} (>= 0.88)`,
  );
  const themed = all.flatMap((r) => (r.themes ? [r.themes] : []));
  const support = new Map<string, number>();
  for (const { labelled } of themed) for (const id of labelled) support.set(id, (support.get(id) ?? 0) + 1);
  const counted = [...support].filter(([, n]) => n >= MIN_THEME_SUPPORT).map(([id]) => id);
  let sumF1 = 0;
  for (const id of counted) {
    const tp = themed.filter((t) => t.labelled.includes(id) && t.found.includes(id)).length;
    const fp = themed.filter((t) => !t.labelled.includes(id) && t.found.includes(id)).length;
    const fn = themed.filter((t) => t.labelled.includes(id) && !t.found.includes(id)).length;
    sumF1 += (2 * tp) / (2 * tp + fp + fn || 1);
  }
  console.log(
    `  themes, macro-F1 over the ${counted.length} themes labelled ${MIN_THEME_SUPPORT}+ times (n=${themed.length} comments): ${f(sumF1 / counted.length)} (>= 0.65)`,
  );
}
