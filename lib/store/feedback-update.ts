import { setTimeout as sleep } from 'node:timers/promises';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, type NativeAttributeValue, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { FeedbackRecord } from '../model/feedback-record.js';
import { recoverPendingCounts } from './counter-application.js';
import { counterDifference } from './counter-difference.js';
import { counterAdd, type TransactItems } from './counter-writes.js';
import { type FeedbackToStore, IdConflict, TransientStoreError } from './feedback-store.js';
import { recordOfMessage } from './record-of-message.js';
import { compareVersions } from './response-version.js';
import { type RevisedRecord, reviseRecord } from './revise-record.js';
import { fromItem, type StoreTable } from './store-table.js';
import {
  feedbackKey,
  followUpChangeKey,
  followUpIndexKeys,
  PENDING_COUNTS_ATTRIBUTE,
  pendingCountsKey,
  themeMentionKey,
} from './table-keys.js';
import { themeMentionItems } from './theme-mention-writes.js';
import { isTransient, storeWriteError } from './transient-errors.js';

/** Reads and writes before giving a message back to the queue: lost races and throttling both retry. */
const UPDATE_ATTEMPTS = 6;

/**
 * The update path, beside the insert path (feedback-writes.ts): a message whose id is already stored
 * with other content. A newer version (later `updatedAt`) replaces the stored record, its theme
 * mentions and its counter contributions in one transaction, conditioned on the version read, so two
 * concurrent updates cannot both apply and a counter never moves twice; the loser re-reads and finds
 * itself older (a duplicate) or still newer (applies on top). An older version is a duplicate; the same
 * version with other content an {@link IdConflict}.
 */
export class DynamoDbFeedbackUpdates {
  constructor(
    private readonly table: StoreTable,
    private readonly followUpOptions: { slaHours: number; maxAgeDays: number },
  ) {}

  async storeVersion(entry: FeedbackToStore): Promise<'updated' | 'duplicate' | IdConflict> {
    const { message, analysis, receivedAt } = entry;
    for (let attempt = 1; ; attempt++) {
      const read = await this.readStored(message.id);
      if (!read) {
        // Only TTL removes records; the insert path will store it when the queue redelivers.
        throw new TransientStoreError(`feedback ${message.id} vanished while being updated`);
      }
      const { stored, pendingId } = read;
      // Its counts must be in the counters before the difference to the new version is: a crash can
      // have left them pending; they are added now, and the transaction checks they were.
      if (pendingId !== undefined) {
        const { outcome } = await recoverPendingCounts(this.table, pendingId);
        if (outcome instanceof Error) throw outcome;
      }
      // Built as if received when the stored version was: its follow-up window runs from the first receipt.
      const fresh = recordOfMessage(message, analysis, stored.receivedAt, this.followUpOptions);
      const verdict = compareVersions(stored, fresh);
      if (verdict === 'redelivery' || verdict === 'older') return 'duplicate';
      if (verdict === 'same-version-other-content') {
        return stored.contentHash === undefined || fresh.contentHash === undefined
          ? 'duplicate'
          : new IdConflict(message.id, stored.contentHash, fresh.contentHash);
      }
      try {
        await this.table.documents.send(
          new TransactWriteCommand({
            TransactItems: [
              ...this.updateItems(stored, reviseRecord(stored, fresh, receivedAt)),
              ...(pendingId === undefined
                ? []
                : [
                    {
                      ConditionCheck: {
                        TableName: this.table.name,
                        Key: pendingCountsKey(pendingId),
                        ConditionExpression: 'attribute_not_exists(PK)',
                      },
                    },
                  ]),
            ],
          }),
        );
        return 'updated';
      } catch (error) {
        // The record changed since it was read, or its pending counts were added meanwhile.
        const lostRace =
          error instanceof TransactionCanceledException &&
          (error.CancellationReasons ?? []).some((reason) => reason.Code === 'ConditionalCheckFailed');
        if ((lostRace || isTransient(error)) && attempt < UPDATE_ATTEMPTS) {
          // Another version or a follow-up action got there first: read again and decide again.
          if (!lostRace) await sleep(20 * 2 ** attempt * Math.random());
          continue;
        }
        if (lostRace) {
          throw new TransientStoreError(`feedback ${message.id} kept changing while being updated`, {
            cause: error,
          });
        }
        throw storeWriteError(error);
      }
    }
  }

  private async readStored(
    id: string,
  ): Promise<{ stored: FeedbackRecord; pendingId: string | undefined } | undefined> {
    const { Item } = await this.table.documents.send(
      new GetCommand({ TableName: this.table.name, Key: feedbackKey(id), ConsistentRead: true }),
    );
    if (!Item) return undefined;
    const pendingId = Item[PENDING_COUNTS_ATTRIBUTE];
    return {
      stored: fromItem<FeedbackRecord>(Item),
      pendingId: typeof pendingId === 'string' ? pendingId : undefined,
    };
  }

  /**
   * The replacing transaction: the record Put (conditioned on what was read), old theme mentions that
   * the new version does not repeat deleted, the new ones put, one ADD per counter item with its net
   * change, and the follow-up history item when a worked follow-up got a `response_updated` entry.
   */
  private updateItems(stored: FeedbackRecord, { record, change }: RevisedRecord): TransactItems {
    const names: Record<string, string> = {
      '#contentHash': 'contentHash',
      '#updatedAt': 'updatedAt',
      '#followUp': 'followUp',
      '#version': 'version',
    };
    const values: Record<string, NativeAttributeValue> = { ':followUpVersion': stored.followUp.version };
    const conditions = ['#followUp.#version = :followUpVersion'];
    if (stored.contentHash === undefined) conditions.push('attribute_not_exists(#contentHash)');
    else {
      conditions.push('#contentHash = :contentHash');
      values[':contentHash'] = stored.contentHash;
    }
    if (stored.updatedAt === undefined) conditions.push('attribute_not_exists(#updatedAt)');
    else {
      conditions.push('#updatedAt = :updatedAt');
      values[':updatedAt'] = stored.updatedAt;
    }
    const expiresAt = this.table.expiresAt(record.receivedAt);
    const mentionKey = (themeId: string, day: string) => themeMentionKey(themeId, day, record.id);
    const kept = new Set(
      record.analysis.themes.map((theme) => JSON.stringify(mentionKey(theme.id, record.day))),
    );
    return [
      {
        Put: {
          TableName: this.table.name,
          Item: {
            ...feedbackKey(record.id),
            type: 'feedback',
            ...record,
            ...followUpIndexKeys(record.followUp.status, {
              id: record.id,
              submittedAt: record.submittedAt,
              priority: record.followUp.priority,
              department: record.segment?.department,
            }),
            expiresAt,
          },
          ConditionExpression: conditions.join(' AND '),
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        },
      },
      // One item may appear once in a transaction: a mention the new version repeats is only put.
      ...stored.analysis.themes
        .map((theme) => mentionKey(theme.id, stored.day))
        .filter((key) => !kept.has(JSON.stringify(key)))
        .map((Key) => ({ Delete: { TableName: this.table.name, Key } })),
      ...themeMentionItems(record, expiresAt).map((Item) => ({ Put: { TableName: this.table.name, Item } })),
      ...counterDifference(stored, record).map(({ key, increments }) =>
        counterAdd(this.table.name, key, increments),
      ),
      ...(change
        ? [
            {
              Put: {
                TableName: this.table.name,
                Item: {
                  ...followUpChangeKey(record.id, record.followUp.version),
                  type: 'followup_change',
                  ...change,
                  expiresAt,
                },
              },
            },
          ]
        : []),
    ];
  }
}
