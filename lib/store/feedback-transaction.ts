import type { FeedbackRecord } from '../model/feedback-record.js';
import {
  counterAdd,
  counterIncrements,
  counterScopes,
  type Increments,
  mergeIncrements,
  type TransactItems,
} from './counter-writes.js';
import { counterKey, feedbackKey, followUpIndexKeys, themeMentionKey } from './table-keys.js';

/** DynamoDB's limits for one TransactWriteItems call (items; total size, kept with a margin). */
export const MAX_TRANSACTION_ITEMS = 100;
export const MAX_TRANSACTION_BYTES = 3_500_000;

/**
 * The write for a group of feedback records as one transaction: a conditional Put per record (the
 * idempotency check), a Put per theme mention, and one ADD per counter item with the group's sums.
 * All or nothing, so a counter moves exactly when its records are inserted; summing per item keeps a
 * batch of comments from one day to a few counter writes instead of several per comment.
 */
export class FeedbackTransaction {
  private readonly records: FeedbackRecord[] = [];
  private readonly counters = new Map<
    string,
    { key: ReturnType<typeof counterKey>; increments: Increments }
  >();
  private mentions = 0;
  private bytes = 0;

  constructor(
    private readonly tableName: string,
    private readonly expiresAt: (receivedAt: string) => number | undefined,
  ) {}

  get size(): number {
    return this.records.length;
  }

  /** Adds the record unless that would break a transaction limit; false when it did not fit. */
  tryAdd(record: FeedbackRecord): boolean {
    const newCounters = counterScopes(record).filter(
      (scope) => !this.counters.has(JSON.stringify(counterKey(scope, record.day))),
    ).length;
    const items = this.records.length + this.mentions + this.counters.size;
    const added = 1 + record.analysis.themes.length + newCounters;
    const bytes = JSON.stringify(record).length * 2;
    if (
      this.records.length > 0 &&
      (items + added > MAX_TRANSACTION_ITEMS || this.bytes + bytes > MAX_TRANSACTION_BYTES)
    ) {
      return false;
    }
    this.records.push(record);
    this.mentions += record.analysis.themes.length;
    this.bytes += bytes;
    for (const scope of counterScopes(record)) {
      const key = counterKey(scope, record.day);
      const id = JSON.stringify(key);
      const counter = this.counters.get(id) ?? { key, increments: new Map() };
      mergeIncrements(counter.increments, counterIncrements(scope, record));
      this.counters.set(id, counter);
    }
    return true;
  }

  /** The items, record Puts first: item i < size is record i, for reading cancellation reasons. */
  items(): TransactItems {
    return [
      ...this.records.map((record) => this.recordPut(record)),
      ...this.records.flatMap((record) => this.mentionPuts(record)),
      ...[...this.counters.values()].map(({ key, increments }) =>
        counterAdd(this.tableName, key, increments),
      ),
    ];
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
          expiresAt: this.expiresAt(record.receivedAt),
        },
        ConditionExpression: 'attribute_not_exists(PK)',
        // The stored record's content fingerprint tells a redelivery from an id conflict.
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    };
  }

  private mentionPuts(record: FeedbackRecord): TransactItems {
    return record.analysis.themes.map((theme) => ({
      Put: {
        TableName: this.tableName,
        Item: {
          ...themeMentionKey(theme.id, record.day, record.id),
          type: 'theme_mention',
          id: record.id,
          day: record.day,
          sentiment: theme.sentiment,
          evidence: theme.evidence,
          expiresAt: this.expiresAt(record.receivedAt),
        },
      },
    }));
  }

  get recordIds(): string[] {
    return this.records.map((record) => record.id);
  }

  /** The content fingerprint of the record with this id in the group. */
  contentHashOf(id: string): string | undefined {
    return this.records.find((record) => record.id === id)?.contentHash;
  }

  /** The same group without the given records (found to be duplicates). */
  without(ids: ReadonlySet<string>): FeedbackTransaction {
    const rest = new FeedbackTransaction(this.tableName, this.expiresAt);
    for (const record of this.records) if (!ids.has(record.id)) rest.tryAdd(record);
    return rest;
  }
}
