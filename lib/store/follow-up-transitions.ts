import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type NativeAttributeValue, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { CounterChange } from '../model/counter-scope.js';
import type { FeedbackRecord } from '../model/feedback-record.js';
import type { FollowUpState } from '../model/follow-up-state.js';
import { counterAdd, type TransactItems } from './counter-writes.js';
import type { FollowUpTransitions } from './feedback-store.js';
import { fromItem, type StoreTable } from './store-table.js';
import { counterKey, feedbackKey, followUpChangeKey, followUpIndexKeys } from './table-keys.js';

/**
 * Follow-up state changes as conditional writes on the record's version: two people acting at once
 * cannot both win, and the change, its history item and its counters are written together or not at all.
 */
export class DynamoDbFollowUpTransitions implements FollowUpTransitions {
  constructor(private readonly table: StoreTable) {}

  async updateFollowUp(
    record: FeedbackRecord,
    next: FollowUpState,
    counters: readonly CounterChange[],
  ): Promise<{ updated: true } | { updated: false; current?: FeedbackRecord }> {
    const names: Record<string, string> = { '#followUp': 'followUp', '#version': 'version' };
    const set = ['#followUp = :next'];
    const values: Record<string, NativeAttributeValue> = {
      ':next': next,
      ':expected': record.followUp.version,
    };
    // The record moves to its new status's queue partition in the same write.
    const indexKeys = followUpIndexKeys(next.status, {
      id: record.id,
      submittedAt: record.submittedAt,
      priority: next.priority,
      department: record.segment?.department,
    });
    for (const [attribute, value] of Object.entries(indexKeys)) {
      set.push(`${attribute} = :${attribute}`);
      values[`:${attribute}`] = value;
    }
    const change = next.history.at(-1);
    const items: TransactItems = [
      {
        Update: {
          TableName: this.table.name,
          Key: feedbackKey(record.id),
          UpdateExpression: `SET ${set.join(', ')}`,
          ConditionExpression: '#followUp.#version = :expected',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      },
      ...counters.map((counter) =>
        counterAdd(
          this.table.name,
          counterKey(counter.scope, counter.day),
          Object.entries(counter.increments),
        ),
      ),
      // The change as its own item: the record keeps only the latest few (bounded item size).
      ...(change
        ? [
            {
              Put: {
                TableName: this.table.name,
                Item: {
                  ...followUpChangeKey(record.id, next.version),
                  type: 'followup_change',
                  ...change,
                  expiresAt: this.table.expiresAt(record.receivedAt),
                },
              },
            },
          ]
        : []),
    ];
    try {
      await this.table.documents.send(new TransactWriteCommand({ TransactItems: items }));
      return { updated: true };
    } catch (error) {
      const reason =
        error instanceof TransactionCanceledException ? error.CancellationReasons?.[0] : undefined;
      if (reason?.Code !== 'ConditionalCheckFailed') throw error;
      // Someone else changed it first: hand back what is stored now.
      return {
        updated: false,
        ...(reason.Item && { current: fromItem<FeedbackRecord>(unmarshall(reason.Item as never)) }),
      };
    }
  }
}
