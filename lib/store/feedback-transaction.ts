import { randomUUID } from 'node:crypto';
import type { FeedbackRecord } from '../model/feedback-record.js';
import { CounterSums } from './counter-sums.js';
import type { TransactItems } from './counter-writes.js';
import { feedbackKey, followUpIndexKeys, PENDING_COUNTS_ATTRIBUTE, pendingCountsKey } from './table-keys.js';

/** DynamoDB's limits for one TransactWriteItems call (items; total size, kept with a margin). */
export const MAX_TRANSACTION_ITEMS = 100;
export const MAX_TRANSACTION_BYTES = 3_500_000;

/**
 * The insert of a group of feedback records as one transaction: a conditional Put per record (the
 * idempotency check) and a Put of one pending-counts item naming them. The counters are not in it:
 * they are summed over the whole invocation and added afterwards in one transaction per set of
 * counter items, which deletes the pending-counts items it adds (see counter-application.ts). A record
 * therefore never counts twice (its insert succeeds once) and never counts zero times (its pending
 * item stays until it has counted). A group keeps its counter items within one transaction's limit, so
 * its pending counts can always be applied on their own.
 */
export class FeedbackTransaction {
  private readonly records: FeedbackRecord[] = [];
  /** The queue message of each record, where known (see `FeedbackToStore.deliveryId`). */
  private readonly deliveries: Array<string | undefined> = [];
  readonly counters = new CounterSums();
  private bytes = 0;
  readonly pendingId = randomUUID();

  constructor(
    private readonly tableName: string,
    private readonly expiresAt: (receivedAt: string) => number | undefined,
  ) {}

  get size(): number {
    return this.records.length;
  }

  /** Adds the record unless that would break a transaction limit; false when it did not fit. */
  tryAdd(record: FeedbackRecord, deliveryId?: string): boolean {
    const bytes = JSON.stringify(record).length * 2;
    if (
      this.records.length > 0 &&
      (this.records.length + 2 > MAX_TRANSACTION_ITEMS ||
        this.bytes + bytes > MAX_TRANSACTION_BYTES ||
        // Room for the counter items and the pending item's delete in the applying transaction.
        this.counters.sizeWith(record) + 1 > MAX_TRANSACTION_ITEMS)
    ) {
      return false;
    }
    this.records.push(record);
    this.deliveries.push(deliveryId);
    this.bytes += bytes;
    this.counters.add(record);
    return true;
  }

  /** The items, record Puts first: item i < size is record i, for reading cancellation reasons. */
  items(): TransactItems {
    return [...this.records.map((record) => this.recordPut(record)), this.pendingPut()];
  }

  private recordPut(record: FeedbackRecord): TransactItems[number] {
    const followUpKeys = followUpIndexKeys(record.followUp.status, {
      id: record.id,
      submittedAt: record.submittedAt,
      priority: record.followUp.priority,
      department: record.segment?.department,
    });
    return {
      Put: {
        TableName: this.tableName,
        Item: {
          ...feedbackKey(record.id),
          type: 'feedback',
          ...record,
          ...followUpKeys,
          [PENDING_COUNTS_ATTRIBUTE]: this.pendingId,
          expiresAt: this.expiresAt(record.receivedAt),
        },
        ConditionExpression: 'attribute_not_exists(PK)',
        // The stored record's content fingerprint tells a redelivery from an id conflict.
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    };
  }

  /**
   * Names the records, so counts left pending by a crash can be recomputed from them, and the queue
   * messages that brought them, so that their redelivery reports `stored` and another delivery not.
   */
  private pendingPut(): TransactItems[number] {
    const deliveries = this.deliveries.filter((id) => id !== undefined);
    return {
      Put: {
        TableName: this.tableName,
        Item: {
          ...pendingCountsKey(this.pendingId),
          type: 'pending_counts',
          ids: this.recordIds,
          ...(deliveries.length > 0 && { deliveries }),
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    };
  }

  get recordIds(): string[] {
    return this.records.map((record) => record.id);
  }

  /** The records of the group, in order. */
  get stored(): readonly FeedbackRecord[] {
    return this.records;
  }

  /** The content fingerprint of the record with this id in the group. */
  contentHashOf(id: string): string | undefined {
    return this.records.find((record) => record.id === id)?.contentHash;
  }

  /** The same group without the given records (found to be duplicates), under a new pending id. */
  without(ids: ReadonlySet<string>): FeedbackTransaction {
    const rest = new FeedbackTransaction(this.tableName, this.expiresAt);
    this.records.forEach((record, i) => {
      if (!ids.has(record.id)) rest.tryAdd(record, this.deliveries[i]);
    });
    return rest;
  }
}
