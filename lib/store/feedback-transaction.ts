import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { CounterScope } from '../model/counter-scope.js';
import type { FeedbackRecord } from '../model/feedback-record.js';
import { SEGMENT_DIMENSIONS } from '../model/segment-dimensions.js';
import { counterKey, feedbackKey, followUpIndexKeys, themeMentionKey } from './table-keys.js';

export type TransactItems = NonNullable<TransactWriteCommandInput['TransactItems']>;

/** DynamoDB's limits for one TransactWriteItems call (items; total size, kept with a margin). */
export const MAX_TRANSACTION_ITEMS = 100;
export const MAX_TRANSACTION_BYTES = 3_500_000;

export const SEGMENT_VALUES_PREFIX = 'segments_';

type Increments = Map<string, number | Set<string>>;

/** What one record adds to one counter item. */
function counterIncrements(scope: CounterScope, record: FeedbackRecord): Increments {
  const increments: Increments = new Map([['feedback', 1]]);
  const category = record.analysis.nps?.category;
  if (category) {
    increments.set('responses', 1);
    increments.set(`${category}s`, 1);
  }
  const { csat, ces } = record.analysis;
  if (csat) {
    increments.set('csatResponses', 1);
    increments.set('csatScoreSum', csat.score);
    if (csat.category === 'satisfied') increments.set('csatSatisfied', 1);
  }
  if (ces) {
    increments.set('cesResponses', 1);
    increments.set('cesScoreSum', ces.score);
    if (ces.category === 'high_effort') increments.set('cesHighEffort', 1);
  }
  if (record.analysis.sentiment.label === 'negative') increments.set('negative', 1);
  if (record.followUp.status === 'open') increments.set('followUps', 1);
  if (record.followUpTooOld) increments.set('followUpsTooOld', 1);
  for (const theme of record.analysis.themes) {
    increments.set(`theme_${theme.id}`, 1);
    if (theme.sentiment === 'negative') increments.set(`themeneg_${theme.id}`, 1);
    if (category === 'detractor') increments.set(`themedet_${theme.id}`, 1);
  }
  if (scope.dimension === 'all') {
    // The account-wide item also records which segment values were seen that day, so reports can
    // list departments, agents... with a Query instead of a Scan.
    for (const dimension of SEGMENT_DIMENSIONS) {
      const value = record.segment?.[dimension];
      if (value) increments.set(`${SEGMENT_VALUES_PREFIX}${dimension}`, new Set([value]));
    }
  }
  return increments;
}

export function counterScopes(record: FeedbackRecord): CounterScope[] {
  const scopes: CounterScope[] = [{ dimension: 'all' }];
  for (const dimension of SEGMENT_DIMENSIONS) {
    const value = record.segment?.[dimension];
    if (value) scopes.push({ dimension, value });
  }
  return scopes;
}

function merge(into: Increments, from: Increments): void {
  for (const [attribute, value] of from) {
    const current = into.get(attribute);
    if (typeof value === 'number') into.set(attribute, ((current as number | undefined) ?? 0) + value);
    else into.set(attribute, new Set([...((current as Set<string> | undefined) ?? []), ...value]));
  }
}

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
      merge(counter.increments, counterIncrements(scope, record));
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

/**
 * One ADD update on a counter item: numbers are added, string sets united. Both the ingest
 * transactions and the follow-up transitions move counters through this.
 */
export function counterAdd(
  tableName: string,
  key: ReturnType<typeof counterKey>,
  increments: Iterable<[string, number | Set<string>]>,
): TransactItems[number] {
  const names: Record<string, string> = {};
  const values: Record<string, number | Set<string>> = {};
  const adds = [...increments].map(([attribute, increment], index) => {
    names[`#a${index}`] = attribute;
    values[`:v${index}`] = increment;
    return `#a${index} :v${index}`;
  });
  return {
    Update: {
      TableName: tableName,
      Key: key,
      UpdateExpression: `ADD ${adds.join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}
