/**
 * The most items per second DynamoDB Local writes on this machine, whatever the pipeline does: the
 * product's own table (as `npm start` creates it, with its stream and indexes), items shaped like a
 * stored comment (~1 KB), each write shape that exactly-once ingest could use, with several calls in
 * flight. Divided by the items a comment needs, it is the ceiling of the local pipeline's rate: no
 * handler, poller or SQS change can beat it. Run with `npm run bench:dynamodb-ceiling [-- --items N
 * --in-memory]`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  type AttributeValue,
  BatchWriteItemCommand,
  CreateTableCommand,
  PutItemCommand,
  TransactWriteItemsCommand,
} from '@aws-sdk/client-dynamodb';
import { startLocalDynamoDb } from '../lib/local/local-dynamodb.js';
import { ensureTable } from '../lib/local/local-stack.js';
import { FEEDBACK_TABLE_KEYS } from '../lib/store/feedback-table.js';

const { values } = parseArgs({
  options: {
    items: { type: 'string', default: '6000' },
    'in-memory': { type: 'boolean', default: false },
  },
});
const itemsPerShape = Number(values.items);
const inMemory = values['in-memory'];
// Items a comment writes today (record, theme mentions, its share of counters and the pending-counts
// guard), as `npm run bench:pipeline` measures them; 1 is the floor (the record alone).
const ITEMS_PER_COMMENT_TODAY = 2.9;
const TARGET_COMMENTS_PER_SECOND = 1_000;

const PRODUCT_TABLE = 'closeloop-ceiling';
// The same keys without the stream and indexes the product's table has: DynamoDB Local's own ceiling.
const BARE_TABLE = 'closeloop-ceiling-bare';
const padding = 'x'.repeat(900);
let serial = 0;
function commentLikeItem(): Record<string, AttributeValue> {
  serial++;
  return {
    [FEEDBACK_TABLE_KEYS.partitionKey]: { S: `FEEDBACK#ceiling-${serial}` },
    [FEEDBACK_TABLE_KEYS.sortKey]: { S: 'RECORD' },
    text: { S: padding },
    score: { N: String(serial % 11) },
  };
}

interface Shape {
  name: string;
  /** Items written by one call. */
  itemsPerCall: number;
  inFlight: number;
  write(): Promise<unknown>;
}

const dataDir = inMemory ? undefined : mkdtempSync(join(tmpdir(), 'closeloop-ceiling-'));
const dynamodb = await startLocalDynamoDb(dataDir ? { dataDir } : {});
try {
  await ensureTable(dynamodb, PRODUCT_TABLE);
  await dynamodb.client.send(
    new CreateTableCommand({
      TableName: BARE_TABLE,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: FEEDBACK_TABLE_KEYS.partitionKey, AttributeType: 'S' },
        { AttributeName: FEEDBACK_TABLE_KEYS.sortKey, AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: FEEDBACK_TABLE_KEYS.partitionKey, KeyType: 'HASH' },
        { AttributeName: FEEDBACK_TABLE_KEYS.sortKey, KeyType: 'RANGE' },
      ],
    }),
  );
  const { client } = dynamodb;
  const shapesOn = (table: string): Shape[] => [
    {
      name: 'PutItem, conditional (attribute_not_exists)',
      itemsPerCall: 1,
      inFlight: 16,
      write: () =>
        client.send(
          new PutItemCommand({
            TableName: table,
            Item: commentLikeItem(),
            ConditionExpression: 'attribute_not_exists(PK)',
          }),
        ),
    },
    {
      name: 'BatchWriteItem, 25 items (no conditions)',
      itemsPerCall: 25,
      inFlight: 4,
      write: () =>
        client.send(
          new BatchWriteItemCommand({
            RequestItems: {
              [table]: Array.from({ length: 25 }, () => ({ PutRequest: { Item: commentLikeItem() } })),
            },
          }),
        ),
    },
    {
      name: 'TransactWriteItems, 99 conditional puts',
      itemsPerCall: 99,
      inFlight: 2,
      write: () =>
        client.send(
          new TransactWriteItemsCommand({
            TransactItems: Array.from({ length: 99 }, () => ({
              Put: {
                TableName: table,
                Item: commentLikeItem(),
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            })),
          }),
        ),
    },
  ];

  console.log(
    `DynamoDB Local ${inMemory ? 'in memory' : 'on disk'}, ${itemsPerShape} items per shape, ` +
      `load average ${loadavg()[0]?.toFixed(1)} at start`,
  );
  let best = 0;
  const runs = [
    ...shapesOn(PRODUCT_TABLE).map((shape) => ({ ...shape, name: `product table: ${shape.name}` })),
    ...shapesOn(BARE_TABLE).map((shape) => ({ ...shape, name: `bare table: ${shape.name}` })),
  ];
  for (const shape of runs) {
    const calls = Math.ceil(itemsPerShape / shape.itemsPerCall);
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: shape.inFlight }, async () => {
        while (next < calls) {
          next++;
          await shape.write();
        }
      }),
    );
    const itemsPerSecond = (calls * shape.itemsPerCall) / ((performance.now() - started) / 1000);
    if (shape.name.startsWith('product')) best = Math.max(best, itemsPerSecond);
    console.log(`  ${shape.name}, ${shape.inFlight} in flight: ${Math.round(itemsPerSecond)} items/s`);
  }
  console.log(
    `ceiling of the local pipeline: ${Math.round(best / ITEMS_PER_COMMENT_TODAY)} comments/s at ` +
      `${ITEMS_PER_COMMENT_TODAY} items per comment (today), ${Math.round(best)}/s at 1 item per comment; ` +
      `target ${TARGET_COMMENTS_PER_SECOND}/s`,
  );
} finally {
  await dynamodb.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
