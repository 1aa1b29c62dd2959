import { setTimeout as sleep } from 'node:timers/promises';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { FeedbackRecord } from '../model/feedback-record.js';
import { CounterSums } from './counter-sums.js';
import { counterAdd } from './counter-writes.js';
import { TransientStoreError } from './feedback-store.js';
import { MAX_TRANSACTION_ITEMS } from './feedback-transaction.js';
import { fromItem, type StoreTable } from './store-table.js';
import { feedbackKey, PENDING_COUNTS_ATTRIBUTE, pendingCountsKey } from './table-keys.js';
import { isTransient, storeWriteError } from './transient-errors.js';

/** The counts of one insert transaction's records, not yet added. */
export interface PendingCounts {
  pendingId: string;
  counters: CounterSums;
}

/** Added by this call; added before by someone else (a recovery); or the error that stopped it. */
export type ApplyOutcome = 'applied' | 'already' | Error;

const ATTEMPTS = 3;

/**
 * Adds pending counts to the counter items: the sums of as many pending items as fit in one
 * transaction go in one ADD per counter item, and the same transaction deletes those pending items on
 * the condition that they still exist. A pending item is therefore added exactly once, however many
 * callers (this invocation, a recovery after a crash) try; a caller that finds one gone leaves it out.
 */
export async function applyPendingCounts(
  table: StoreTable,
  pending: readonly PendingCounts[],
): Promise<Map<string, ApplyOutcome>> {
  const outcomes = new Map<string, ApplyOutcome>();
  let set: PendingCounts[] = [];
  let sums = new CounterSums();
  const sets: PendingCounts[][] = [];
  for (const entry of pending) {
    if (set.length > 0 && sums.sizeWithSums(entry.counters) + set.length + 1 > MAX_TRANSACTION_ITEMS) {
      sets.push(set);
      set = [];
      sums = new CounterSums();
    }
    set.push(entry);
    sums.addSums(entry.counters);
  }
  if (set.length > 0) sets.push(set);
  for (const each of sets) await applySet(table, each, outcomes);
  return outcomes;
}

async function applySet(
  table: StoreTable,
  initial: PendingCounts[],
  outcomes: Map<string, ApplyOutcome>,
): Promise<void> {
  let set = initial;
  for (let attempt = 1; set.length > 0; ) {
    const sums = new CounterSums();
    for (const entry of set) sums.addSums(entry.counters);
    const counters = sums.entries();
    try {
      await table.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            ...counters.map(({ key, increments }) => counterAdd(table.name, key, increments)),
            ...set.map(({ pendingId }) => ({
              Delete: {
                TableName: table.name,
                Key: pendingCountsKey(pendingId),
                ConditionExpression: 'attribute_exists(PK)',
              },
            })),
          ],
        }),
      );
      for (const { pendingId } of set) outcomes.set(pendingId, 'applied');
      return;
    } catch (error) {
      const reasons = error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []) : [];
      const gone = new Set(
        set
          .filter((_, i) => reasons[counters.length + i]?.Code === 'ConditionalCheckFailed')
          .map(({ pendingId }) => pendingId),
      );
      if (gone.size > 0) {
        // Added by a recovery meanwhile: the rest still need adding.
        for (const pendingId of gone) outcomes.set(pendingId, 'already');
        set = set.filter(({ pendingId }) => !gone.has(pendingId));
        continue;
      }
      if (isTransient(error) && attempt < ATTEMPTS) {
        // Two invocations adding to one counter item conflict for milliseconds: retry before the queue does.
        await sleep(20 * 2 ** attempt * Math.random());
        attempt++;
        continue;
      }
      const failure = storeWriteError(error);
      for (const { pendingId } of set) outcomes.set(pendingId, failure);
      return;
    }
  }
}

/** A recovery's outcome, and the queue messages whose records the pending item named. */
export interface Recovery {
  outcome: ApplyOutcome;
  deliveries: ReadonlySet<string>;
}

/**
 * Adds the counts a crash left pending (records inserted, counters not yet added), recomputed from
 * the records that the pending item names and that still carry its id. Called when a redelivered
 * message finds its record stored with its pending item still there, and by the update path before it
 * replaces a record whose counts are pending.
 */
export async function recoverPendingCounts(table: StoreTable, pendingId: string): Promise<Recovery> {
  const { Item } = await table.documents.send(
    new GetCommand({ TableName: table.name, Key: pendingCountsKey(pendingId), ConsistentRead: true }),
  );
  if (!Item) return { outcome: 'already', deliveries: new Set() };
  const deliveries = new Set((Item.deliveries as string[] | undefined) ?? []);
  const ids = (Item.ids as string[] | undefined) ?? [];
  const counters = new CounterSums();
  for (let i = 0; i < ids.length; i += 100) {
    let keys = ids.slice(i, i + 100).map((id) => feedbackKey(id));
    for (let round = 0; keys.length > 0 && round < 10; round++) {
      const { Responses = {}, UnprocessedKeys = {} } = await table.documents.send(
        new BatchGetCommand({ RequestItems: { [table.name]: { Keys: keys, ConsistentRead: true } } }),
      );
      for (const item of Responses[table.name] ?? []) {
        if (item[PENDING_COUNTS_ATTRIBUTE] === pendingId) counters.add(fromItem<FeedbackRecord>(item));
      }
      keys = (UnprocessedKeys[table.name]?.Keys ?? []) as typeof keys;
    }
    if (keys.length > 0) throw new TransientStoreError('records of pending counts could not be read');
  }
  const outcome = (await applyPendingCounts(table, [{ pendingId, counters }])).get(pendingId) ?? 'already';
  return { outcome, deliveries };
}
