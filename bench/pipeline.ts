/**
 * End-to-end throughput and write cost of the ingest pipeline on the local stack: messages sent to
 * local SQS while the pollers run (as Lambda's event source mapping would), ingested by the real
 * handler into DynamoDB Local persisted on disk as `npm start` runs it. The rate runs from the start of
 * `send` to every comment stored and counted (the account's counter says so). Write units are what
 * DynamoDB reports for each write (ReturnConsumedCapacity: TOTAL), summed. Alerts (the stream) are not
 * part of this run. Run with `npm run bench:pipeline [-- --messages N --concurrency C --batch-size B
 * --days D --in-memory --mention-writes batch|transaction]`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { Logger } from '@aws-lambda-powertools/logger';
import { marshall } from '@aws-sdk/util-dynamodb';
import { createIngestHandler } from '../functions/ingest/ingest-handler.js';
import { LOCAL_POLLER_DEFAULTS } from '../lib/local/local-pipeline.js';
import { startLocalStack } from '../lib/local/local-stack.js';
import { QueuePoller } from '../lib/local/queue-poller.js';
import { sendFeedback } from '../lib/queue/send-feedback.js';
import { loadTelecomNps } from './labelled-data.js';
import { measureWriteUnits } from './pipeline-capacity.js';

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '5000' },
    concurrency: { type: 'string', default: String(LOCAL_POLLER_DEFAULTS.concurrency) },
    'batch-size': { type: 'string', default: String(LOCAL_POLLER_DEFAULTS.batchSize) },
    // Days the comments were submitted over: a live feed is mostly today; a backfill spans many.
    days: { type: 'string', default: '1' },
    'in-memory': { type: 'boolean', default: false },
    // How theme mentions are written: as the local stack does (transaction) or as deployed (batch).
    'mention-writes': { type: 'string', default: 'transaction' },
  },
});
const total = Number(values.messages);
const concurrency = Number(values.concurrency);
const batchSize = Number(values['batch-size']);
const days = Number(values.days);
const mentionWrites = values['mention-writes'] === 'batch' ? 'batch' : 'transaction';

const comments = loadTelecomNps().filter((c) => c.text.trim() !== '');
const departments = ['Billing', 'Technical Support', 'Sales', 'Field Service', 'Retentions'];
const messages = Array.from({ length: total }, (_, i) => {
  const comment = comments[i % comments.length] as (typeof comments)[number];
  return {
    id: `bench-${i}`,
    text: comment.text,
    score: comment.score,
    segment: {
      department: departments[i % departments.length],
      agent: `agent-${i % 40}`,
      product: comment.journey,
    },
    submittedAt: new Date(Date.UTC(2026, 10, 1 + (i % days), 12, 0, i % 3600)).toISOString(),
  };
});
const firstDay = '2026-11-01';
const lastDay = `2026-11-${String(days).padStart(2, '0')}`;

const dataDir = values['in-memory'] ? undefined : mkdtempSync(join(tmpdir(), 'closeloop-bench-'));
// The comments are dated in the past: follow them all up, as the figures before the backfill window did.
const stack = await startLocalStack({
  followUpMaxAgeDays: 36_500,
  themeMentionWrites: mentionWrites,
  ...(dataDir && { dataDir }),
});
let dynamoRequests = 0;
stack.dynamodb.client.middlewareStack.add(
  (next) => async (args) => {
    dynamoRequests++;
    return next(args);
  },
  { step: 'finalizeRequest', name: 'countRequests' },
);
const writeUnits = measureWriteUnits(stack.dynamodb.client);

try {
  let handlerMs = 0;
  const stored = new Set<string>();
  const ingest = createIngestHandler({
    store: stack.store,
    logger: new Logger({ logLevel: 'SILENT' }),
    onOutcome: (outcome) => {
      if (outcome.outcome === 'stored') stored.add(outcome.id);
    },
  });
  const poller = new QueuePoller({
    client: stack.sqs.client,
    queueUrl: stack.queueUrl,
    queueArn: stack.queueArn,
    batchSize,
    concurrency,
    handler: async (event) => {
      const started = performance.now();
      try {
        return await ingest(event);
      } finally {
        handlerMs += performance.now() - started;
      }
    },
  });
  poller.start();
  const started = performance.now();
  const sent = await sendFeedback(stack.sqs.client, stack.queueUrl, messages);
  const sendSeconds = (performance.now() - started) / 1000;
  if (sent.failed.length > 0) throw new Error(`${sent.failed.length} messages could not be sent`);
  // Stored and counted: the handler counts a batch before it answers, so every distinct id stored
  // and the account's counters saying so is the end.
  const deadline = Date.now() + 30 * 60_000;
  while (stored.size < total || (await feedbackCounted()) < total) {
    if (Date.now() > deadline) throw new Error(`only ${stored.size} of ${total} stored in 30 minutes`);
    await sleep(stored.size < total ? 20 : 200);
  }
  const seconds = (performance.now() - started) / 1000;
  const requestsDuringRun = dynamoRequests;
  const unitsDuringRun = writeUnits.total;
  const operations = [...writeUnits.byOperation].map(
    ([name, { calls, units }]) => `${name} ${calls} calls, ${(units / total).toFixed(2)} units/comment`,
  );
  await poller.stop();

  const sizes = await Promise.all(
    messages.slice(0, 200).map(async (m) => {
      const record = await stack.store.getFeedback(m.id);
      return Buffer.byteLength(JSON.stringify(marshall(record ?? {}, { removeUndefinedValues: true })));
    }),
  );
  sizes.sort((a, b) => a - b);
  const { records, failedRecords, batches } = poller.stats;
  console.log(
    `Pipeline: ${total} messages over ${days} day(s), 5 departments, 40 agents, batch size ${batchSize}, ` +
      `${concurrency} concurrent pollers, DynamoDB Local ${dataDir ? 'on disk' : 'in memory'}, ` +
      `theme mentions by ${mentionWrites}`,
  );
  console.log(
    `  send -> stored and counted:    ${Math.round(total / seconds)} comments/s (${seconds.toFixed(1)} s from the start of send)`,
  );
  console.log(
    `  send alone (SendMessageBatch): ${Math.round(total / sendSeconds)} messages/s (${sendSeconds.toFixed(1)} s, beside the pollers)`,
  );
  console.log(
    `  handler wall time per message: ${(handlerMs / records).toFixed(2)} ms (summed over concurrent batches)`,
  );
  console.log(`  DynamoDB requests per message: ${(requestsDuringRun / records).toFixed(3)}`);
  console.log(
    `  DynamoDB write units per comment: ${(unitsDuringRun / total).toFixed(2)} (ReturnConsumedCapacity TOTAL, summed)`,
  );
  for (const line of operations) console.log(`    ${line}`);
  console.log(`  batches ${batches}, records ${records}, failed records ${failedRecords}`);
  console.log(
    `  feedback item size (JSON of the attribute map): median ${sizes[sizes.length >> 1]} B, max ${sizes.at(-1)} B`,
  );
} finally {
  await stack.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}

async function feedbackCounted(): Promise<number> {
  const counts = await stack.store.readDailyCounts({ dimension: 'all' }, firstDay, lastDay);
  return counts.reduce((sum, day) => sum + day.feedback, 0);
}
