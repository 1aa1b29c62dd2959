import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { FeedbackRecord } from '../model/feedback-record.js';
import type { FollowUpListOptions, FollowUpPage } from './feedback-store.js';
import { FEEDBACK_TABLE_KEYS } from './feedback-table.js';
import { type CursorSigner, decodeCursor } from './page-cursor.js';
import { countAllItems } from './query-pages.js';
import { fromItem, type StoreTable } from './store-table.js';
import { followUpDepartmentPartition, followUpPartition } from './table-keys.js';

const [byStatus, byDepartment] = FEEDBACK_TABLE_KEYS.indexes;

/** The follow-up index, partition attribute and partition to read for a status (and department). */
function followUpQueue(status: string, department: string | undefined) {
  return department === undefined
    ? {
        IndexName: byStatus.indexName,
        attribute: byStatus.partitionKey,
        partition: followUpPartition(status),
      }
    : {
        IndexName: byDepartment.indexName,
        attribute: byDepartment.partitionKey,
        partition: followUpDepartmentPartition(status, department),
      };
}

/** Reads of the follow-up queue indexes: pages in priority order with signed cursors, and counts. */
export class DynamoDbFollowUpQueue {
  constructor(
    private readonly table: StoreTable,
    private readonly cursors: CursorSigner,
  ) {}

  async listFollowUps(options: FollowUpListOptions = {}): Promise<FollowUpPage> {
    const { IndexName, attribute, partition } = followUpQueue(options.status ?? 'open', options.department);
    // The cursor is signed for this index and partition: it cannot continue any other query.
    const query = `${IndexName}\n${partition}`;
    const input: QueryCommandInput = {
      TableName: this.table.name,
      IndexName,
      KeyConditionExpression: `${attribute} = :pk`,
      ExpressionAttributeValues: { ':pk': partition },
      ScanIndexForward: false,
      Limit: options.limit ?? 25,
      ...(options.cursor && {
        ExclusiveStartKey: decodeCursor(this.cursors.open(options.cursor, query), attribute, partition),
      }),
    };
    const { Items = [], LastEvaluatedKey } = await this.table.documents.send(new QueryCommand(input));
    return {
      items: Items.map((item) => fromItem<FeedbackRecord>(item)),
      ...(LastEvaluatedKey && { cursor: this.cursors.sign(JSON.stringify(LastEvaluatedKey), query) }),
    };
  }

  async countOpenFollowUps(department?: string): Promise<number> {
    const { IndexName, attribute, partition } = followUpQueue('open', department);
    return countAllItems(this.table, {
      TableName: this.table.name,
      IndexName,
      KeyConditionExpression: `${attribute} = :pk`,
      ExpressionAttributeValues: { ':pk': partition },
    });
  }

  async countOverdueFollowUps(now: string): Promise<number> {
    let total = 0;
    for (const status of ['open', 'claimed'] as const) {
      const { IndexName, attribute, partition } = followUpQueue(status, undefined);
      total += await countAllItems(this.table, {
        TableName: this.table.name,
        IndexName,
        KeyConditionExpression: `${attribute} = :pk`,
        FilterExpression: '#followUp.dueAt < :now AND attribute_not_exists(#followUp.contactedAt)',
        ExpressionAttributeNames: { '#followUp': 'followUp' },
        ExpressionAttributeValues: { ':pk': partition, ':now': now },
      });
    }
    return total;
  }
}
