/**
 * Load run on the local stack: N messages (default 100,000) with 5% duplicates and 2% bad ones, sent
 * through local SQS into the ingest function and DynamoDB Local, with alerts from the stream. Prints
 * throughput, handler latency percentiles, peak memory and an invariant check: every accepted message
 * stored exactly once and the counters equal a recount of the stored records.
 * Run with `npm run bench:load [-- --messages N]` (loopback only; ~100 messages/s here, so the default
 * 100,000 take about 16 minutes: DynamoDB Local is the bottleneck, see docs/cost.md).
 */
import { parseArgs } from 'node:util';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { startLocalPipeline } from '../lib/local/local-pipeline.js';
import { sendFeedback } from '../lib/queue/send-feedback.js';
import type { FeedbackRecord } from '../lib/store/feedback-store.js';
import { loadTelecomNps } from './labelled-data.js';

const { values } = parseArgs({ options: { messages: { type: 'string', default: '100000' } } });
const total = Number(values.messages);
const comments = loadTelecomNps().filter((c) => c.text.trim() !== '');
const day = '2026-11-20';

const unique = Math.round(total * 0.93);
const messages: unknown[] = [];
for (let i = 0; i < unique; i++) {
  const comment = comments[i % comments.length] as (typeof comments)[number];
  messages.push({
    id: `load-${i}`,
    text: comment.text,
    score: comment.score,
    segment: { department: `dept-${i % 6}`, agent: `agent-${i % 50}` },
    submittedAt: `${day}T${String(i % 24).padStart(2, '0')}:00:00Z`,
  });
}
const duplicates = Math.round(total * 0.05);
for (let i = 0; i < duplicates; i++) messages.push(messages[(i * 7919) % unique]);
const bad = total - unique - duplicates;
for (let i = 0; i < bad; i++)
  messages.push(i % 2 ? { id: `bad-${i}`, text: 'x', score: 99 } : { text: `no id ${i}` });
// Shuffle deterministically so duplicates and bad messages are spread through the run.
for (let i = messages.length - 1; i > 0; i--) {
  const j = (i * 2654435761) % (i + 1);
  [messages[i], messages[j]] = [messages[j], messages[i]];
}

const latencies: number[] = [];
let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 200);

// Dated comments of any age get follow-ups here, so the write load is that of fresh comments.
const pipeline = await startLocalPipeline({ batchSize: 100, concurrency: 2, followUpMaxAgeDays: 36_500 });
const originalSend = pipeline.stack.store.storeFeedbackBatch.bind(pipeline.stack.store);
pipeline.stack.store.storeFeedbackBatch = async (entries) => {
  const started = performance.now();
  try {
    return await originalSend(entries);
  } finally {
    const perMessage = (performance.now() - started) / Math.max(1, entries.length);
    for (let i = 0; i < entries.length; i++) latencies.push(perMessage);
  }
};
try {
  const started = performance.now();
  const sent = await sendFeedback(pipeline.stack.sqs.client, pipeline.stack.queueUrl, messages, {
    sendInvalid: true,
  });
  await pipeline.drain(60 * 60_000);
  const seconds = (performance.now() - started) / 1000;

  // Invariants, from the table itself (a Scan is fine for a check; the product never scans).
  const records: FeedbackRecord[] = [];
  let start: Record<string, never> | undefined;
  do {
    const page = await pipeline.stack.dynamodb.client.send(
      new ScanCommand({
        TableName: pipeline.stack.tableName,
        FilterExpression: 'begins_with(PK, :feedback)',
        ExpressionAttributeValues: { ':feedback': { S: 'FEEDBACK#' } },
        ...(start && { ExclusiveStartKey: start }),
      }),
    );
    records.push(...(page.Items ?? []).map((item) => unmarshall(item) as FeedbackRecord));
    start = page.LastEvaluatedKey as Record<string, never> | undefined;
  } while (start);
  const [counts] = await pipeline.stack.store.readDailyCounts({ dimension: 'all' }, day, day);
  const recount = { promoters: 0, passives: 0, detractors: 0 };
  for (const record of records) {
    const category = record.analysis.nps?.category;
    if (category) recount[`${category}s`]++;
  }
  const { stored, duplicate, rejected, duplicate_reject } = pipeline.outcomes;
  const sorted = [...latencies].sort((a, b) => a - b);
  const percentile = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
  const checks = {
    'every unique message stored once': records.length === unique && stored === unique,
    'counters equal the recount':
      counts?.feedback === records.length &&
      counts.promoters === recount.promoters &&
      counts.passives === recount.passives &&
      counts.detractors === recount.detractors,
    'nothing dead-lettered': (await pipeline.deadLettered()) === 0,
    'every follow-up alerted once':
      pipeline.alerts.length === records.filter((r) => r.followUp.status !== 'none').length &&
      new Set(pipeline.alerts.map((a) => a.alert.id)).size === pipeline.alerts.length,
  };
  console.log(`Load: ${messages.length} messages (${unique} unique, ${duplicates} duplicates, ${bad} bad)`);
  console.log(`  sent ${sent.sent}, not sent ${sent.failed.length}`);
  console.log(`  end to end: ${Math.round(messages.length / seconds)} messages/s (${seconds.toFixed(1)} s)`);
  console.log(
    `  outcomes: stored ${stored}, duplicates ${duplicate}, rejected ${rejected + duplicate_reject}; alerts ${pipeline.alerts.length}`,
  );
  console.log(
    `  store latency per message: p50 ${percentile(50).toFixed(2)} ms, p99 ${percentile(99).toFixed(2)} ms`,
  );
  console.log(
    `  peak RSS of this process: ${(peakRss / 1024 / 1024).toFixed(0)} MB (DynamoDB Local runs in its own JVM)`,
  );
  for (const [check, ok] of Object.entries(checks)) console.log(`  ${ok ? 'OK  ' : 'FAIL'} ${check}`);
  if (Object.values(checks).some((ok) => !ok)) process.exitCode = 1;
} finally {
  clearInterval(sampler);
  await pipeline.stop();
}
