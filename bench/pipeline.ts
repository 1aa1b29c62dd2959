/**
 * End-to-end throughput of the ingest pipeline on the local stack: messages sent to local SQS, polled
 * in batches like Lambda's event source mapping, ingested by the real handler into DynamoDB Local.
 * Prints messages/s end to end, the handler's own cost per message (ms and DynamoDB requests) and the
 * stored item sizes. Run with `npm run bench:pipeline [-- --messages N --concurrency C]`.
 */
import { parseArgs } from 'node:util';
import { Logger } from '@aws-lambda-powertools/logger';
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { createIngestHandler } from '../functions/ingest/ingest-handler.js';
import { drainQueue } from '../lib/local/drain-queue.js';
import { startLocalStack } from '../lib/local/local-stack.js';
import { QueuePoller } from '../lib/local/queue-poller.js';
import { sendFeedback } from '../lib/queue/send-feedback.js';
import { loadTelecomNps } from './labelled-data.js';

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '5000' },
    concurrency: { type: 'string', default: '2' },
    'batch-size': { type: 'string', default: '100' },
    // Days the comments were submitted over: a live feed is mostly today; a backfill spans many.
    days: { type: 'string', default: '1' },
  },
});
const total = Number(values.messages);
const concurrency = Number(values.concurrency);
const batchSize = Number(values['batch-size']);
const days = Number(values.days);

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

// The comments are dated in the past: follow them all up, as the figures before the backfill window did.
const stack = await startLocalStack({ followUpMaxAgeDays: 36_500 });
let dynamoRequests = 0;
let writeUnits = 0;
stack.dynamodb.client.middlewareStack.add(
  (next) => async (args) => {
    dynamoRequests++;
    return next(args);
  },
  { step: 'finalizeRequest', name: 'countRequests' },
);
// Write units as on-demand DynamoDB bills a transaction: 2 per started KB of each item written.
// Puts are sized from the request; counter updates at the size their item has at the end (an upper bound).
const counterUpdates = new Map<string, { key: Record<string, unknown>; count: number }>();
stack.dynamodb.client.middlewareStack.add(
  (next) => async (args) => {
    const items = (args.input as { TransactItems?: Array<Record<string, { Item?: unknown; Key?: unknown }>> })
      .TransactItems;
    for (const item of items ?? []) {
      if (item.Put) writeUnits += 2 * Math.ceil(itemBytes(item.Put.Item) / 1024);
      if (item.Update) {
        const key = item.Update.Key as Record<string, unknown>;
        const id = JSON.stringify(key);
        counterUpdates.set(id, { key, count: (counterUpdates.get(id)?.count ?? 0) + 1 });
      }
    }
    return next(args);
  },
  { step: 'initialize', name: 'writeUnits' },
);

/** DynamoDB's item size: attribute names plus values, from the wire (marshalled) form. */
function itemBytes(item: unknown): number {
  return Buffer.byteLength(JSON.stringify(item).replace(/"(?:S|N|SS|M|L|BOOL|NULL)":/g, ''));
}
try {
  const sendStarted = performance.now();
  const sent = await sendFeedback(stack.sqs.client, stack.queueUrl, messages);
  const sendSeconds = (performance.now() - sendStarted) / 1000;
  if (sent.failed.length > 0) throw new Error(`${sent.failed.length} messages could not be sent`);

  let handlerMs = 0;
  const ingest = createIngestHandler({ store: stack.store, logger: new Logger({ logLevel: 'SILENT' }) });
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
  const started = performance.now();
  poller.start();
  await drainQueue(stack.sqs.client, stack.queueUrl, poller, 30 * 60_000);
  const seconds = (performance.now() - started) / 1000;
  const stored = poller.stats.records;
  const requestsDuringRun = dynamoRequests;
  await poller.stop();

  for (const { key, count } of counterUpdates.values()) {
    const { Item } = await stack.dynamodb.client.send(
      new GetItemCommand({
        TableName: stack.tableName,
        Key: (typeof key.PK === 'string' ? marshall(key) : key) as never,
      }),
    );
    writeUnits += 2 * count * Math.ceil(itemBytes(Item) / 1024);
  }
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
      `${concurrency} concurrent pollers`,
  );
  console.log(`  send (SendMessageBatch):       ${Math.round(total / sendSeconds)} messages/s`);
  console.log(
    `  SQS -> handler -> DynamoDB:    ${Math.round(total / seconds)} messages/s end to end (${seconds.toFixed(1)} s)`,
  );
  console.log(
    `  handler cost per message:      ${(handlerMs / records).toFixed(2)} ms (wall time inside the handler)`,
  );
  console.log(
    `  DynamoDB requests per message: ${(requestsDuringRun / records).toFixed(2)} (TransactWriteItems and reject writes)`,
  );
  console.log(
    `  DynamoDB write units per message: ${(writeUnits / stored).toFixed(1)} (transactional: 2 per KB per item)`,
  );
  console.log(`  batches ${batches}, records ${records}, failed records ${failedRecords}`);
  console.log(
    `  feedback item size (JSON of the attribute map): median ${sizes[sizes.length >> 1]} B, max ${sizes.at(-1)} B`,
  );
} finally {
  await stack.stop();
}
