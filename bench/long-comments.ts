/**
 * What a long comment costs the ingest function: analysis time for comments of 1,000 to 250,000
 * characters read in full, and as the ingest path reads them (the first MAX_ANALYSED_TEXT_CHARS).
 * The reason for the analysed prefix in lib/ingest/analysed-text.ts. Run with
 * `npx tsx bench/long-comments.ts`. Median of 5 runs per size, single-threaded.
 */
import { analyzeFeedback } from '../lib/analysis/analyze-feedback.js';
import { analysedPart, MAX_ANALYSED_TEXT_CHARS } from '../lib/ingest/analysed-text.js';

const sentence =
  'I waited 45 minutes on hold, then the agent transferred me twice and nobody called back. Mail me at jane@example.com. ';

function medianMs(run: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[2] as number;
}

console.log(`analysed prefix: ${MAX_ANALYSED_TEXT_CHARS} characters`);
console.log('characters   full analysis   as ingested');
for (const size of [1_000, 10_000, 20_000, 60_000, 250_000]) {
  const message = {
    id: 'long',
    text: sentence.repeat(Math.ceil(size / sentence.length)).slice(0, size),
    score: 1,
  };
  const full = medianMs(() => analyzeFeedback(message));
  const ingested = medianMs(() => analyzeFeedback(analysedPart(message)));
  console.log(
    `${String(size).padStart(10)}   ${`${full.toFixed(0)} ms`.padStart(13)}   ${`${ingested.toFixed(0)} ms`.padStart(11)}`,
  );
}
