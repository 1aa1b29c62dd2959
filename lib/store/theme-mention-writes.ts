import { setTimeout as sleep } from 'node:timers/promises';
import { BatchWriteCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { FeedbackRecord } from '../model/feedback-record.js';
import { TransientStoreError } from './feedback-store.js';
import type { StoreTable } from './store-table.js';
import { themeMentionKey } from './table-keys.js';
import { isTransient } from './transient-errors.js';

/**
 * How theme mentions are written. `batch` (BatchWriteItem, the default): 1 write unit per mention, what
 * the deployed function does. `transaction` (TransactWriteItems of up to 100, no conditions): 2 units
 * per mention, but DynamoDB Local persisted on disk commits a transaction at once and each batch item
 * on its own (measured 200-450 against 40 items/s), so the local stack uses it.
 */
export type ThemeMentionWrites = 'batch' | 'transaction';

/** BatchWriteItem's limit, and rounds of retrying what DynamoDB left unprocessed (throttling). */
const BATCH_ITEMS = 25;
const ROUNDS = 6;

/**
 * A theme mention item: the key (theme, month, day, id) and the theme's sentiment, nothing more. The
 * evidence stays on the record (one copy of the text), where the drill-down reads it.
 */
export function themeMentionItems(
  record: FeedbackRecord,
  expiresAt: number | undefined,
): Array<Record<string, unknown>> {
  return record.analysis.themes.map((theme) => ({
    ...themeMentionKey(theme.id, record.day, record.id),
    type: 'theme_mention',
    id: record.id,
    day: record.day,
    sentiment: theme.sentiment,
    ...(expiresAt !== undefined && { expiresAt }),
  }));
}

/**
 * Puts the theme mentions of inserted records, outside their insert transaction (half the write units
 * of a transactional put): a mention is an index entry, idempotent by its key, written after its
 * record and again whenever a redelivery finds the record stored, so a crash in between leaves no gap.
 * The reader keeps a mention only while its record still has that theme on that day, so a stale one
 * (a newer version moved the record meanwhile) is never shown.
 */
export async function putThemeMentions(
  table: StoreTable,
  records: readonly FeedbackRecord[],
  writes: ThemeMentionWrites = 'batch',
): Promise<void> {
  const items = records.flatMap((record) => themeMentionItems(record, table.expiresAt(record.receivedAt)));
  if (writes === 'transaction') return putInTransactions(table, items);
  const chunks: Array<Array<Record<string, unknown>>> = [];
  for (let i = 0; i < items.length; i += BATCH_ITEMS) chunks.push(items.slice(i, i + BATCH_ITEMS));
  await Promise.all(
    chunks.map(async (chunk) => {
      let requests = chunk.map((Item) => ({ PutRequest: { Item } }));
      for (let round = 1; requests.length > 0; round++) {
        if (round > ROUNDS) throw new TransientStoreError('theme mentions left unprocessed (throttled)');
        if (round > 1) await sleep(20 * 2 ** round * Math.random());
        const { UnprocessedItems = {} } = await table.documents.send(
          new BatchWriteCommand({ RequestItems: { [table.name]: requests } }),
        );
        requests = (UnprocessedItems[table.name] ?? []) as typeof requests;
      }
    }),
  );
}

async function putInTransactions(table: StoreTable, items: Array<Record<string, unknown>>): Promise<void> {
  const chunks: Array<Array<Record<string, unknown>>> = [];
  for (let i = 0; i < items.length; i += 100) chunks.push(items.slice(i, i + 100));
  for (const chunk of chunks) {
    for (let round = 1; ; round++) {
      try {
        await table.documents.send(
          new TransactWriteCommand({
            TransactItems: chunk.map((Item) => ({ Put: { TableName: table.name, Item } })),
          }),
        );
        break;
      } catch (error) {
        if (!isTransient(error) || round >= ROUNDS) throw error;
        await sleep(20 * 2 ** round * Math.random());
      }
    }
  }
}
