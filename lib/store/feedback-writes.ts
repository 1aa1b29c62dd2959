import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { FeedbackAnalysis } from '../analysis/feedback-analysis.js';
import type { FeedbackMessage } from '../feedback/feedback-message.js';
import type { RejectedMessage } from '../model/rejected-message.js';
import { contentHash } from './content-hash.js';
import {
  type FeedbackToStore,
  type FeedbackWrites,
  IdConflict,
  type StoreOutcome,
} from './feedback-store.js';
import { FeedbackTransaction } from './feedback-transaction.js';
import { recordOfMessage } from './record-of-message.js';
import type { StoreTable } from './store-table.js';
import { rejectedKey, rejectGuardKey } from './table-keys.js';
import { isTransient, storeWriteError } from './transient-errors.js';

/** Attempts of one transaction inside the handler before its records go back to the queue. */
const IN_PROCESS_ATTEMPTS = 3;

export interface FollowUpOptions {
  /** Hours from submission (or receipt, if later) to the first-contact deadline. */
  slaHours: number;
  /** Comments older than this many days at receipt get no follow-up. */
  maxAgeDays: number;
}

/**
 * Feedback writes: each record once, with its theme mentions and counters in the same transaction, so
 * a redelivered message changes nothing and an id stored with other content is reported as a conflict.
 */
export class DynamoDbFeedbackWrites implements FeedbackWrites {
  constructor(
    private readonly table: StoreTable,
    private readonly followUp: FollowUpOptions,
  ) {}

  async storeFeedback(
    message: FeedbackMessage,
    analysis: FeedbackAnalysis,
    receivedAt: string,
  ): Promise<StoreOutcome | IdConflict> {
    const [outcome] = await this.storeFeedbackBatch([{ message, analysis, receivedAt }]);
    if (outcome instanceof Error) throw outcome;
    return outcome as StoreOutcome | IdConflict;
  }

  async storeFeedbackBatch(
    entries: readonly FeedbackToStore[],
  ): Promise<Array<StoreOutcome | IdConflict | Error>> {
    const outcomes: Array<StoreOutcome | IdConflict | Error> = new Array(entries.length);
    const indexById = new Map<string, number>();
    const groups: FeedbackTransaction[] = [];
    const newGroup = () => new FeedbackTransaction(this.table.name, (at) => this.table.expiresAt(at));
    let group = newGroup();
    entries.forEach((entry, index) => {
      // One id twice in a batch: the first is the write, the rest duplicates of it (or conflicts, if they differ).
      const first = indexById.get(entry.message.id);
      if (first !== undefined) {
        const [written, received] = [
          contentHash((entries[first] as FeedbackToStore).message),
          contentHash(entry.message),
        ];
        outcomes[index] =
          written === received ? 'duplicate' : new IdConflict(entry.message.id, written, received);
        return;
      }
      indexById.set(entry.message.id, index);
      const record = recordOfMessage(entry.message, entry.analysis, entry.receivedAt, this.followUp);
      if (!group.tryAdd(record)) {
        groups.push(group);
        group = newGroup();
        group.tryAdd(record);
      }
    });
    if (group.size > 0) groups.push(group);

    for (const first of groups) {
      for (let transaction = first, attempt = 1; transaction.size > 0; ) {
        try {
          await this.table.documents.send(new TransactWriteCommand({ TransactItems: transaction.items() }));
          for (const id of transaction.recordIds) outcomes[indexById.get(id) as number] = 'stored';
          break;
        } catch (error) {
          const reasons =
            error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []) : [];
          const known = new Set(
            transaction.recordIds.filter((_, i) => reasons[i]?.Code === 'ConditionalCheckFailed'),
          );
          if (known.size > 0) {
            // Already stored by an earlier delivery: drop them and write the rest, counting nothing twice.
            // The same id with other content is a conflict, reported rather than silently dropped.
            transaction.recordIds.forEach((id, i) => {
              if (!known.has(id)) return;
              const stored = storedContentHash(reasons[i]?.Item);
              const received = transaction.contentHashOf(id);
              outcomes[indexById.get(id) as number] =
                stored !== undefined && received !== undefined && stored !== received
                  ? new IdConflict(id, stored, received)
                  : 'duplicate';
            });
            transaction = transaction.without(known);
            continue;
          }
          if (isTransient(error) && attempt < IN_PROCESS_ATTEMPTS) {
            // Conflicts on a shared counter item clear in milliseconds: retry here before the queue does.
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

/** The content fingerprint on the record a cancellation reason returned (ALL_OLD), if it has one. */
function storedContentHash(item: Record<string, unknown> | undefined): string | undefined {
  const value = item?.contentHash;
  if (typeof value === 'string') return value;
  const attribute = value as { S?: unknown } | undefined;
  return typeof attribute?.S === 'string' ? attribute.S : undefined;
}
