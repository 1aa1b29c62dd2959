import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { FeedbackRecord } from '../model/feedback-record.js';
import type { FollowUpHistoryEntry } from '../model/follow-up-state.js';
import type { RejectedMessage } from '../model/rejected-message.js';
import type { ThemeMention } from '../model/theme-mention.js';
import { countAllItems, queryAllItems } from './query-pages.js';
import { fromItem, type StoreTable } from './store-table.js';
import {
  FOLLOW_UP_CHANGE_PREFIX,
  feedbackKey,
  monthsBetween,
  rejectedPartition,
  themeMentionPartition,
} from './table-keys.js';

/** Reads by key: one record, its follow-up history, theme mentions by month, rejects by month. */
export class DynamoDbFeedbackReads {
  constructor(private readonly table: StoreTable) {}

  async getFeedback(id: string): Promise<FeedbackRecord | undefined> {
    const { Item } = await this.table.documents.send(
      new GetCommand({ TableName: this.table.name, Key: feedbackKey(id) }),
    );
    return Item ? fromItem<FeedbackRecord>(Item) : undefined;
  }

  async listFollowUpHistory(id: string): Promise<FollowUpHistoryEntry[]> {
    const items = await queryAllItems(this.table, {
      TableName: this.table.name,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :change)',
      ExpressionAttributeValues: { ':pk': feedbackKey(id).PK, ':change': FOLLOW_UP_CHANGE_PREFIX },
    });
    return items.map((item) => fromItem<FollowUpHistoryEntry>(item));
  }

  async listThemeMentions(themeId: string, from: string, to: string): Promise<ThemeMention[]> {
    const mentions: ThemeMention[] = [];
    for (const month of monthsBetween(from, to)) {
      const items = await queryAllItems(this.table, {
        TableName: this.table.name,
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
        ExpressionAttributeValues: {
          ':pk': themeMentionPartition(themeId, month),
          ':from': from,
          ':to': `${to}#\uffff`,
        },
      });
      for (const item of items) {
        mentions.push({ id: item.id, day: item.day, sentiment: item.sentiment });
      }
    }
    return mentions;
  }

  async listRejected(options: { limit?: number; months?: string[] } = {}): Promise<RejectedMessage[]> {
    const limit = options.limit ?? 50;
    const months = options.months ?? recentMonths(new Date(), 12);
    const rejected: RejectedMessage[] = [];
    for (const month of months) {
      // Newest first, at most as many as are still wanted.
      const { Items = [] } = await this.table.documents.send(
        new QueryCommand({
          TableName: this.table.name,
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': rejectedPartition(month) },
          ScanIndexForward: false,
          Limit: limit - rejected.length,
        }),
      );
      rejected.push(...Items.map((item) => fromItem<RejectedMessage>(item)));
      if (rejected.length >= limit) break;
    }
    return rejected;
  }

  async countRejected(months: string[]): Promise<number> {
    let total = 0;
    for (const month of months) {
      total += await countAllItems(this.table, {
        TableName: this.table.name,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': rejectedPartition(month) },
      });
    }
    return total;
  }
}

function recentMonths(now: Date, count: number): string[] {
  const months: string[] = [];
  const cursor = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  for (let i = 0; i < count; i++) {
    months.push(cursor.toISOString().slice(0, 7));
    cursor.setUTCMonth(cursor.getUTCMonth() - 1);
  }
  return months;
}
