import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { FeedbackRecord } from '../model/feedback-record.js';
import type { RejectedMessage } from '../model/rejected-message.js';
import { contentHash } from './content-hash.js';
import { applyPendingCounts, type Recovery, recoverPendingCounts } from './counter-application.js';
import type { FeedbackToStore, FeedbackWrites, IdConflict, StoreOutcome } from './feedback-store.js';
import { FeedbackTransaction } from './feedback-transaction.js';
import { DynamoDbFeedbackUpdates } from './feedback-update.js';
import { recordOfMessage } from './record-of-message.js';
import { fromItem, type StoreTable } from './store-table.js';
import { PENDING_COUNTS_ATTRIBUTE, rejectedKey, rejectGuardKey } from './table-keys.js';
import { putThemeMentions, type ThemeMentionWrites } from './theme-mention-writes.js';
import { isTransient, storeWriteError } from './transient-errors.js';

/** Attempts of one transaction inside the handler before its records go back to the queue. */
const IN_PROCESS_ATTEMPTS = 3;

export interface FollowUpOptions {
  /** Hours from submission (or receipt, if later) to the first-contact deadline. */
  slaHours: number;
  /** Comments older than this many days at receipt get no follow-up. */
  maxAgeDays: number;
}

export interface FeedbackWriteOptions extends FollowUpOptions {
  /** How theme mentions are written (see {@link ThemeMentionWrites}); `batch` when unset. */
  themeMentionWrites?: ThemeMentionWrites;
}

/**
 * Feedback writes: each record once, with its theme mentions and counters in the same transaction, so
 * a redelivered message changes nothing. An id stored with other content goes to the update path
 * (feedback-update.ts): a newer version replaces the record, an older one is a duplicate, the same
 * version with other content a conflict.
 */
export class DynamoDbFeedbackWrites implements FeedbackWrites {
  private readonly updates: DynamoDbFeedbackUpdates;

  constructor(
    private readonly table: StoreTable,
    private readonly followUp: FeedbackWriteOptions,
  ) {
    this.updates = new DynamoDbFeedbackUpdates(table, followUp);
  }

  async storeFeedbackBatch(
    entries: readonly FeedbackToStore[],
  ): Promise<Array<StoreOutcome | IdConflict | Error>> {
    const outcomes: Array<StoreOutcome | IdConflict | Error> = new Array(entries.length);
    // Entries whose id is stored (or written earlier in this batch) with other content: other versions.
    const otherVersions: number[] = [];
    const indexById = new Map<string, number>();
    const groups: FeedbackTransaction[] = [];
    const newGroup = () => new FeedbackTransaction(this.table.name, (at) => this.table.expiresAt(at));
    let group = newGroup();
    entries.forEach((entry, index) => {
      // One id twice in a batch: the first is the write, the rest duplicates of it or other versions,
      // applied after it in batch order.
      const first = indexById.get(entry.message.id);
      if (first !== undefined) {
        const same = contentHash((entries[first] as FeedbackToStore).message) === contentHash(entry.message);
        if (same) outcomes[index] = 'duplicate';
        else otherVersions.push(index);
        return;
      }
      indexById.set(entry.message.id, index);
      const record = recordOfMessage(entry.message, entry.analysis, entry.receivedAt, this.followUp);
      if (!group.tryAdd(record, entry.deliveryId)) {
        groups.push(group);
        group = newGroup();
        group.tryAdd(record, entry.deliveryId);
      }
    });
    if (group.size > 0) groups.push(group);

    // Same content already stored: by the pending-counts item it was inserted with, when that is still
    // there (a crash came between the insert and the counting), so the counting can be finished here.
    const recoveries = new Map<string, number[]>();
    const storedDuplicates: FeedbackRecord[] = [];
    const inserted: FeedbackTransaction[] = [];
    for (const first of groups) {
      for (let transaction = first, attempt = 1; transaction.size > 0; ) {
        try {
          await this.table.documents.send(new TransactWriteCommand({ TransactItems: transaction.items() }));
          inserted.push(transaction);
          break;
        } catch (error) {
          const reasons =
            error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []) : [];
          const known = new Set(
            transaction.recordIds.filter((_, i) => reasons[i]?.Code === 'ConditionalCheckFailed'),
          );
          if (known.size > 0) {
            // Already stored by an earlier delivery: drop them and write the rest, counting nothing twice.
            // The same id with other content is another version, for the update path.
            transaction.recordIds.forEach((id, i) => {
              if (!known.has(id)) return;
              const storedItem = plainItem(reasons[i]?.Item);
              const stored = storedItem?.contentHash;
              const received = transaction.contentHashOf(id);
              const index = indexById.get(id) as number;
              if (typeof stored === 'string' && received !== undefined && stored !== received) {
                otherVersions.push(index);
                return;
              }
              outcomes[index] = 'duplicate';
              if (!storedItem) return;
              storedDuplicates.push(fromItem<FeedbackRecord>(storedItem));
              const pendingId = storedItem[PENDING_COUNTS_ATTRIBUTE];
              if (typeof pendingId === 'string') {
                recoveries.set(pendingId, [...(recoveries.get(pendingId) ?? []), index]);
              }
            });
            transaction = transaction.without(known);
            continue;
          }
          if (isTransient(error) && attempt < IN_PROCESS_ATTEMPTS) {
            // Throttling clears in milliseconds: retry here before the queue does.
            await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt * Math.random()));
            attempt++;
            continue;
          }
          const failure = storeWriteError(error);
          for (const id of transaction.recordIds) outcomes[indexById.get(id) as number] = failure;
          break;
        }
      }
    }

    // The counters, summed over the whole batch, and the theme mentions of what was inserted.
    const insertedRecords = inserted.flatMap((transaction) => transaction.stored);
    const [counted, mentions] = await Promise.all([
      applyPendingCounts(
        this.table,
        inserted.map(({ pendingId, counters }) => ({ pendingId, counters })),
      ),
      settle(putThemeMentions(this.table, insertedRecords, this.followUp.themeMentionWrites)),
    ]);
    for (const transaction of inserted) {
      const outcome = counted.get(transaction.pendingId);
      const result = outcome instanceof Error ? outcome : (mentions ?? 'stored');
      for (const id of transaction.recordIds) outcomes[indexById.get(id) as number] = result;
    }
    // Redeliveries after a crash: finish the counting they find pending. The delivery that inserted
    // the records (here, redelivered) then reports them stored; another delivery of the same comment,
    // which may have met a live insert half-way, stays a duplicate. Their mentions are put again below
    // in case the crash came before those.
    for (const [pendingId, indexes] of recoveries) {
      const recovery = await recoverPendingCounts(this.table, pendingId).catch(
        (error: unknown): Recovery => ({ outcome: storeWriteError(error), deliveries: new Set() }),
      );
      for (const index of indexes) {
        if (recovery.outcome instanceof Error) outcomes[index] = recovery.outcome;
        else if (recovery.outcome === 'applied' && insertedBy(entries[index], recovery.deliveries)) {
          outcomes[index] = 'stored';
        }
      }
    }
    if (storedDuplicates.length > 0) {
      const failure = await settle(
        putThemeMentions(this.table, storedDuplicates, this.followUp.themeMentionWrites),
      );
      if (failure) {
        for (const record of storedDuplicates) outcomes[indexById.get(record.id) as number] = failure;
      }
    }
    otherVersions.sort((a, b) => a - b);
    for (const index of otherVersions) {
      outcomes[index] = await this.updates
        .storeVersion(entries[index] as FeedbackToStore)
        .catch((error: unknown) => storeWriteError(error));
    }
    return outcomes;
  }

  async storeRejected(rejected: RejectedMessage): Promise<StoreOutcome> {
    const expiresAt = this.table.expiresAt(rejected.receivedAt);
    try {
      await this.table.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              // The guard item makes a redelivered bad message one reject, not two.
              Put: {
                TableName: this.table.name,
                Item: { ...rejectGuardKey(rejected.rejectId), expiresAt },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            {
              Put: {
                TableName: this.table.name,
                Item: {
                  ...rejectedKey(rejected.receivedAt, rejected.rejectId),
                  type: 'rejected',
                  ...rejected,
                  expiresAt,
                },
              },
            },
          ],
        }),
      );
      return 'stored';
    } catch (error) {
      if (
        error instanceof TransactionCanceledException &&
        error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed'
      ) {
        return 'duplicate';
      }
      throw storeWriteError(error);
    }
  }
}

/** The record a cancellation reason returned (ALL_OLD), as plain values whichever form it came in. */
function plainItem(item: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!item) return undefined;
  const key = item.PK as { S?: unknown } | string | undefined;
  return typeof key === 'object' && key !== null ? unmarshall(item as never) : item;
}

/** Undefined when the write succeeded, else the error a caller sees. */
async function settle(write: Promise<void>): Promise<Error | undefined> {
  try {
    await write;
    return undefined;
  } catch (error) {
    return storeWriteError(error);
  }
}

/** Whether this entry came with the delivery that inserted it; when either is unknown, it is taken to. */
function insertedBy(entry: FeedbackToStore | undefined, deliveries: ReadonlySet<string>): boolean {
  return entry?.deliveryId === undefined || deliveries.size === 0 || deliveries.has(entry.deliveryId);
}
