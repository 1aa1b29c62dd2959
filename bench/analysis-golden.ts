/**
 * A golden check for speed work on the analysis core: runs `analyzeFeedback` over every labelled corpus
 * (telecom NPS with its scores, MAMS, tweets as social text, UCI review sentences, CFPB complaints,
 * banking77 queries) and prints one SHA-256 over every result, so an optimisation can prove that it
 * changes no output at all. `--out FILE` also writes the results as JSONL; `--compare FILE` reads such a
 * file and names the first comments whose result differs.
 * Run with `CLOSELOOP_DATA_DIR=/path/to/data npm run bench:golden [-- --out F | --compare F]`.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { analyzeFeedback } from '../lib/analysis/analyze-feedback.js';
import type { FeedbackMessage } from '../lib/feedback/feedback-message.js';
import {
  loadBanking77,
  loadCfpbComplaints,
  loadMams,
  loadTelecomNps,
  loadTweets,
  loadUciSentences,
  uciSources,
} from './labelled-data.js';

const { values } = parseArgs({ options: { out: { type: 'string' }, compare: { type: 'string' } } });

/** Every corpus as messages; tweets and reviews are sent with and without their channel. */
function goldenMessages(): Array<{ corpus: string; message: FeedbackMessage }> {
  const rows: Array<{ corpus: string; message: FeedbackMessage }> = [];
  const add = (corpus: string, texts: Iterable<Omit<FeedbackMessage, 'id'>>) => {
    let i = 0;
    for (const message of texts) rows.push({ corpus, message: { id: `${corpus}-${i++}`, ...message } });
  };
  add(
    'telecom',
    loadTelecomNps().map((c) => ({ text: c.text, score: c.score })),
  );
  add(
    'mams',
    [...loadMams('train'), ...loadMams('val')].map((s) => ({ text: s.text })),
  );
  const tweets = [...loadTweets('val'), ...loadTweets('test')];
  add(
    'tweets',
    tweets.map((t) => ({ text: t.text })),
  );
  add(
    'tweets-social',
    tweets.map((t) => ({ text: t.text, channel: 'social' })),
  );
  const reviews = uciSources.flatMap((source) => loadUciSentences(source));
  add(
    'uci',
    reviews.map((r) => ({ text: r.text })),
  );
  add(
    'uci-review',
    reviews.map((r) => ({ text: r.text, channel: 'review', scale: 'csat', score: 3 })),
  );
  add(
    'cfpb',
    loadCfpbComplaints().map((c) => ({ text: c.text })),
  );
  add(
    'banking77',
    [...loadBanking77('train'), ...loadBanking77('test')].map((q) => ({ text: q.text })),
  );
  return rows;
}

const rows = goldenMessages();
const hash = createHash('sha256');
const lines: string[] = [];
const perCorpus = new Map<string, number>();
const started = process.cpuUsage();
for (const { corpus, message } of rows) {
  const line = JSON.stringify(analyzeFeedback(message));
  hash.update(line).update('\n');
  lines.push(line);
  perCorpus.set(corpus, (perCorpus.get(corpus) ?? 0) + 1);
}
const used = process.cpuUsage(started);
const digest = hash.digest('hex');
console.log(
  `${rows.length.toLocaleString('en')} results (${[...perCorpus].map(([c, n]) => `${c} ${n}`).join(', ')})`,
);
console.log(`CPU ${((used.user + used.system) / 1e6).toFixed(2)} s`);
console.log(`sha256 ${digest}`);
if (values.out) writeFileSync(values.out, `${lines.join('\n')}\n`);
if (values.compare) {
  const expected = readFileSync(values.compare, 'utf8').split('\n');
  const differing = lines.flatMap((line, i) => (line === expected[i] ? [] : [i]));
  if (expected.length - 1 !== lines.length)
    console.log(`different count: ${expected.length - 1} expected, ${lines.length} now`);
  console.log(`${differing.length} results differ from ${values.compare}`);
  for (const i of differing.slice(0, 5)) console.log(`- expected ${expected[i]}\n+ now      ${lines[i]}`);
  if (differing.length > 0 || expected.length - 1 !== lines.length) process.exitCode = 1;
}
