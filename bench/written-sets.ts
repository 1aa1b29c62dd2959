/**
 * The analysis on the comments engineers wrote themselves, in customers' words, for industries and
 * channels the labelled datasets lack (bench/written-sets/*.json). Each comment was labelled (its
 * sentiment and the themes a CX analyst would tag) before anything ran on it. A set marked `heldOut`
 * was scored once before any fix of its session; its later figures count as seen.
 * Prints, per set and in all: sentiment right, themes missed (labelled, not found) and themes extra
 * (found, not labelled), then every miss with `--misses`.
 * Run with `npm run bench:written [-- --misses]`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as z from 'zod';
import { analyzeFeedback } from '../lib/analysis/analyze-feedback.js';
import { builtInTaxonomy } from '../lib/analysis/themes/theme-taxonomy.js';

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
if (values.misses) console.log(`\nEvery miss:\n${misses.join('\n')}`);
