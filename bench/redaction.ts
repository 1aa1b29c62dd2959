/**
 * What the redaction gate costs per comment: `findPii` over the labelled corpora's comments (telecom
 * NPS, MAMS, tweets, UCI reviews, CFPB complaints, banking77), five passes after a warm-up, CPU time
 * per comment and how many comments hold something it replaces. The analysis of a comment costs about
 * 150-200 us on the development machine (`npm run bench:golden`), so this is the gate's share of it.
 * Run with `CLOSELOOP_DATA_DIR=/path/to/data npm run bench:redaction`.
 */
import { findPii } from '../lib/analysis/privacy/redact-pii.js';
import {
  loadBanking77,
  loadCfpbComplaints,
  loadMams,
  loadTelecomNps,
  loadTweets,
  loadUciSentences,
  uciSources,
} from './labelled-data.js';

const texts = [
  ...loadTelecomNps().map((c) => c.text),
  ...[...loadMams('train'), ...loadMams('val')].map((s) => s.text),
  ...[...loadTweets('val'), ...loadTweets('test')].map((t) => t.text),
  ...uciSources.flatMap((source) => loadUciSentences(source)).map((r) => r.text),
  ...loadCfpbComplaints().map((c) => c.text),
  ...[...loadBanking77('train'), ...loadBanking77('test')].map((q) => q.text),
];

const PASSES = 5;
let holding = 0;
for (const text of texts) if (findPii(text).length > 0) holding++;
const started = process.cpuUsage();
for (let pass = 0; pass < PASSES; pass++) for (const text of texts) findPii(text);
const used = process.cpuUsage(started);
const microseconds = used.user + used.system;
console.log(
  `${texts.length.toLocaleString('en')} comments, ${holding.toLocaleString('en')} with personal data found`,
);
console.log(`findPii: ${(microseconds / (texts.length * PASSES)).toFixed(1)} us CPU per comment`);
