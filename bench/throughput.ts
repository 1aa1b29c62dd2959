/**
 * Speed of the analysis core: comments/s for `analyzeFeedback` on the development data, side by side in
 * the same process with natural's AFINN SentimentAnalyzer and VADER (single-threaded, so per core);
 * then the whole `closeloop analyze` command on 62,644 comments (worker threads on every core, and
 * `--jobs 1`), against the same in-process rates; then the esbuild bundle size of a Lambda handler
 * that imports the core, the time a fresh Node process takes to import that bundle, the CPU time of its
 * first passes (warm-up) and what a word never met before costs once the code is warm.
 * Run with `npm run bench:throughput` (it builds the CLI first). `-- --baseline REF` also times the core
 * as it was at git commit REF (see `core-at-commit.ts`) in the same alternating rounds, for a
 * before/after ratio that the load of a shared machine cannot skew; `--no-cli` skips the whole command.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { importCoreAtCommit, importWorkingTreeCore } from './core-at-commit.js';
import { loadMams, loadTelecomNps } from './labelled-data.js';
import { CLI_COMMENTS, measureCliThroughput } from './throughput-cli.js';

const require = createRequire(import.meta.url);
const SentimentAnalyzer = require('natural/lib/natural/sentiment/SentimentAnalyzer.js');
const PorterStemmer = require('natural/lib/natural/stemmers/porter_stemmer.js');
const { WordTokenizer } = require('natural/lib/natural/tokenizers/regexp_tokenizer.js');
const vader = require('vader-sentiment');

const { values: options } = parseArgs({
  options: { baseline: { type: 'string' }, 'no-cli': { type: 'boolean' } },
});

const ROUNDS = 11;
const SECONDS_PER_ROUND = 0.4;

// Through JSON, as comments reach the analysis in production (a queue message, a JSON line): a text cut
// out of a larger string by a regular expression (MAMS is read from XML) is a slice that every analyser
// reads more slowly, character by character, than the flat string a parsed message holds.
const texts: string[] = JSON.parse(
  JSON.stringify(
    [...loadTelecomNps().map((c) => c.text), ...loadMams('val').map((s) => s.text)].filter(
      (text) => text.trim() !== '',
    ),
  ),
);

/**
 * Comments per CPU-second of one timed round: whole passes over the texts until SECONDS_PER_ROUND of
 * this process's CPU time have gone by. CPU time, not wall-clock time, so that other work on a shared
 * machine (time this process spends waiting for a core) does not count against either analyser.
 */
function oneRound(analyse: (text: string, index: number) => unknown): number {
  let done = 0;
  const started = process.cpuUsage();
  let elapsed = 0;
  while (elapsed < SECONDS_PER_ROUND) {
    for (const [i, text] of texts.entries()) analyse(text, i);
    done += texts.length;
    const used = process.cpuUsage(started);
    elapsed = (used.user + used.system) / 1e6;
  }
  return done / elapsed;
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
}

/**
 * Comments/s per analyser in ROUNDS rounds that take turns. A shared VM speeds up and slows down during
 * a run; neighbouring rounds see much the same machine, so ratios are taken round by round and their
 * median reported, which holds far better than a ratio of two medians.
 */
function measureRates<Name extends string>(
  analysers: Record<Name, (text: string, index: number) => unknown>,
) {
  const names = Object.keys(analysers) as Name[];
  const rounds: Array<Record<Name, number>> = [];
  for (const name of names) texts.slice(0, 200).forEach(analysers[name]); // warm-up (JIT)
  for (let round = 0; round < ROUNDS; round++) {
    const rates = {} as Record<Name, number>;
    for (const name of names) rates[name] = oneRound(analysers[name]);
    rounds.push(rates);
  }
  return {
    rate: (name: Name) => median(rounds.map((rates) => rates[name])),
    ratio: (faster: Name, slower: Name) => median(rounds.map((rates) => rates[faster] / rates[slower])),
  };
}

const afinn = new SentimentAnalyzer('English', PorterStemmer, 'afinn');
const tokenizer = new WordTokenizer();

type Analyse = (text: string, index: number) => unknown;
// Bundled as the Lambda handlers and the CLI ship it, and as a --baseline core is.
const analyzeBundled = await importWorkingTreeCore();
const analysers: Record<string, Analyse> = {
  closeloop: (text: string, i: number) => analyzeBundled({ id: `bench-${i}`, text }),
  'natural AFINN': (text: string) => afinn.getSentiment(tokenizer.tokenize(text)),
  VADER: (text: string) => vader.SentimentIntensityAnalyzer.polarity_scores(text),
};
const baselineName = options.baseline ? `at ${options.baseline.slice(0, 10)}` : undefined;
if (options.baseline && baselineName) {
  const analyzeAtBaseline = await importCoreAtCommit(options.baseline);
  analysers[baselineName] = (text: string, i: number) => analyzeAtBaseline({ id: `bench-${i}`, text });
}
const measured = measureRates(analysers);

console.log(
  `Throughput on ${texts.length} development comments (per CPU-second on one core; medians of ${ROUNDS} alternating rounds of ${SECONDS_PER_ROUND} s)`,
);
for (const name of Object.keys(analysers)) {
  console.log(
    `  ${name.padEnd(14)} ${Math.round(measured.rate(name)).toLocaleString('en').padStart(9)} comments/s`,
  );
}
console.log(
  `  closeloop is ${measured.ratio('closeloop', 'natural AFINN').toFixed(1)}x natural AFINN (target >= 3x), ` +
    `${measured.ratio('closeloop', 'VADER').toFixed(1)}x VADER (target >= 10x) (median of per-round ratios)`,
);
if (baselineName) {
  console.log(
    `  closeloop is ${measured.ratio('closeloop', baselineName).toFixed(2)}x itself ${baselineName} ` +
      `(${measured.ratio(baselineName, 'natural AFINN').toFixed(1)}x AFINN, ${measured.ratio(baselineName, 'VADER').toFixed(1)}x VADER then)`,
  );
}

if (!options['no-cli']) {
  // The whole command, as a user runs it on a file, against the in-process rates of the other analysers.
  const CLI_RUNS = 3;
  const loadBefore = loadavg()[0] as number;
  const cli = await measureCliThroughput(
    texts,
    [
      { label: `closeloop analyze (default: --jobs ${availableParallelism()})`, args: [] },
      { label: 'closeloop analyze --jobs 1', args: ['--jobs', '1'] },
    ],
    CLI_RUNS,
  );
  console.log(
    `\nWhole command on ${CLI_COMMENTS.toLocaleString('en')} comments (fresh process of the compiled CLI, output to a file, ` +
      `wall clock, median of ${CLI_RUNS} runs; ${availableParallelism()} cores, load average ${loadBefore.toFixed(1)} -> ${(loadavg()[0] as number).toFixed(1)})`,
  );
  for (const { label, rate, seconds, cpuSeconds } of cli) {
    console.log(
      `  ${label.padEnd(40)} ${Math.round(rate).toLocaleString('en').padStart(9)} comments/s (${seconds.toFixed(2)} s; ` +
        `${cpuSeconds.toFixed(2)} CPU-s in all threads, ${Math.round(CLI_COMMENTS / cpuSeconds).toLocaleString('en')} comments per CPU-second)`,
    );
  }
  const whole = cli[0] as (typeof cli)[number];
  console.log(
    `  the whole command is ${(whole.rate / measured.rate('natural AFINN')).toFixed(1)}x natural AFINN's in-process rate (target >= 3x), ` +
      `${(whole.rate / measured.rate('VADER')).toFixed(1)}x VADER's (target >= 10x)`,
  );
}

// The bundle a Lambda would run: an ESM handler that imports the core, built like the CDK app builds it.
const root = resolve(import.meta.dirname, '..');
const workDir = mkdtempSync(join(tmpdir(), 'closeloop-bench-'));
try {
  const outfile = join(workDir, 'handler.mjs');
  await build({
    stdin: {
      contents: `import { analyzeFeedback } from './lib/analysis/analyze-feedback.js';
export const handler = async (message) => analyzeFeedback(message);`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    outfile,
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    logLevel: 'error',
  });
  const bytes = statSync(outfile).size;
  console.log(
    `\nBundle of a handler importing the core: ${(bytes / 1024).toFixed(0)} KB (target <= 1024 KB)`,
  );

  // Import time measured inside a fresh process, from before `import()` to the first analysed comment.
  const probe = join(workDir, 'probe.mjs');
  writeFileSync(
    probe,
    `const t0 = performance.now();
const { handler } = await import(${JSON.stringify(outfile)});
const t1 = performance.now();
await handler({ id: 'cold-1', text: 'I waited on hold for 45 minutes and nobody called me back' });
const t2 = performance.now();
console.log(JSON.stringify({ importMs: t1 - t0, firstCallMs: t2 - t1 }));`,
  );
  const runs = Array.from({ length: 7 }, () => {
    const child = spawnSync(process.execPath, [probe], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`import probe failed: ${child.stderr}`);
    return JSON.parse(child.stdout) as { importMs: number; firstCallMs: number };
  });
  console.log(
    `Fresh-process import: median ${median(runs.map((r) => r.importMs)).toFixed(0)} ms over ${runs.length} runs ` +
      `(target <= 150 ms); first analysed comment after import: ${median(runs.map((r) => r.firstCallMs)).toFixed(0)} ms`,
  );

  // What every fresh process (and every `closeloop analyze` worker thread) pays before it runs at full
  // speed: its first passes over the development texts, while V8 compiles the hot code and the process
  // learns the vocabulary (each distinct word stemmed and classified once), in CPU time.
  const textsFile = join(workDir, 'texts.json');
  writeFileSync(textsFile, JSON.stringify(texts));
  // What each probe script starts with: the bundled handler, the texts, and its own CPU clock.
  const probePrelude = `import { readFileSync } from 'node:fs';
const { handler } = await import(${JSON.stringify(outfile)});
const texts = JSON.parse(readFileSync(${JSON.stringify(textsFile)}, 'utf8'));
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };`;
  const warmUp = join(workDir, 'warm-up.mjs');
  writeFileSync(
    warmUp,
    `${probePrelude}
const passes = [];
for (let pass = 0; pass < 3; pass++) {
  const started = cpuMs();
  for (const [i, text] of texts.entries()) await handler({ id: 'warm-' + i, text });
  passes.push(cpuMs() - started);
}
console.log(JSON.stringify(passes));`,
  );
  const warmUps = probeRuns<number[]>(warmUp, 'warm-up');
  const pass = (k: number) => median(warmUps.map((passes) => passes[k] as number)).toFixed(0);
  console.log(
    `Fresh-process warm-up over the ${texts.length} development comments (CPU ms, median of ${warmUps.length} processes): ` +
      `first pass ${pass(0)}, second ${pass(1)}, third ${pass(2)}`,
  );

  // What a word never met before costs once the code is warm: a process learns the even-numbered texts
  // (four passes), then reads the odd-numbered ones twice. The first of those passes also stems and
  // classifies every word the even texts did not have (and runs any code they never ran); the second
  // finds them all known.
  const newWords = join(workDir, 'new-words.mjs');
  writeFileSync(
    newWords,
    `${probePrelude}
const known = texts.filter((_, i) => i % 2 === 0);
const fresh = texts.filter((_, i) => i % 2 === 1);
const wordsOf = (list) => new Set(list.join(' ').toLowerCase().match(/[a-z']+/g));
const knownWords = wordsOf(known);
const unseen = [...wordsOf(fresh)].filter((word) => !knownWords.has(word)).length;
for (let pass = 0; pass < 4; pass++) for (const [i, text] of known.entries()) await handler({ id: 'k' + i, text });
const passes = [];
for (let pass = 0; pass < 2; pass++) {
  const started = cpuMs();
  for (const [i, text] of fresh.entries()) await handler({ id: 'f' + i, text });
  passes.push(cpuMs() - started);
}
console.log(JSON.stringify({ unseen, comments: fresh.length, first: passes[0], second: passes[1] }));`,
  );
  const newWordRuns = probeRuns<{ unseen: number; comments: number; first: number; second: number }>(
    newWords,
    'new-word',
  );
  const perWord = median(newWordRuns.map((run) => ((run.first - run.second) * 1000) / run.unseen));
  const sample = newWordRuns[0] as (typeof newWordRuns)[number];
  console.log(
    `Words never met before, code warm: ${sample.comments} comments bringing ${sample.unseen} new words took ` +
      `${median(newWordRuns.map((run) => run.first)).toFixed(0)} CPU ms, then ${median(newWordRuns.map((run) => run.second)).toFixed(0)} ms ` +
      `once known: ~${perWord.toFixed(0)} us a new word (median of ${newWordRuns.length} processes)`,
  );
} finally {
  rmSync(workDir, { recursive: true, force: true });
}

/** Runs a probe script in three fresh processes and parses the JSON each prints. */
function probeRuns<T>(script: string, name: string): T[] {
  return Array.from({ length: 3 }, () => {
    const child = spawnSync(process.execPath, [script], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`${name} probe failed: ${child.stderr}`);
    return JSON.parse(child.stdout) as T;
  });
}
