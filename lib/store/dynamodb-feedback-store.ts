import { type DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  type NativeAttributeValue,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { FeedbackAnalysis } from '../analysis/feedback-analysis.js';
import type { FeedbackMessage } from '../feedback/feedback-message.js';
import type {
  DailyCounts,
  FeedbackRecord,
  FeedbackStore,
  FollowUpPage,
  RejectedMessage,
  StoreOutcome,
  ThemeMention,
} from './feedback-store.js';
import { TransientStoreError } from './feedback-store.js';
import { FOLLOW_UP_DEPARTMENT_INDEX, FOLLOW_UP_INDEX } from './feedback-table.js';
import {
  type CounterScope,
  counterKey,
  dayOf,
  feedbackKey,
  followUpDepartmentPartition,
  followUpPartition,
  followUpSortKey,
  monthsBetween,
  rejectedKey,
  SEGMENT_DIMENSIONS,
  themeMentionKey,
} from './table-keys.js';

type TransactItems = NonNullable<TransactWriteCommandInput['TransactItems']>;

export interface DynamoDbFeedbackStoreOptions {
  tableName: string;
  /** Stored items expire this many days after receipt (DynamoDB TTL); none when unset. */
  retentionDays?: number;
}

const RETRYABLE_ERRORS = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'TransactionConflictException',
  'TimeoutError',
]);

/** DynamoDB implementation of {@link FeedbackStore} on the single-table design in docs/table-design.md. */
export class DynamoDbFeedbackStore implements FeedbackStore {
  private readonly documents: DynamoDBDocumentClient;

  constructor(
    client: DynamoDBClient,
    private readonly options: DynamoDbFeedbackStoreOptions,
  ) {
    this.documents = DynamoDBDocumentClient.from(client, {
      marshallOptions: { removeUndefinedValues: true },
    });
  }

  private get table(): string {
    return this.options.tableName;
  }

  private expiresAt(receivedAt: string): number | undefined {
    if (!this.options.retentionDays) return undefined;
    return Math.floor(Date.parse(receivedAt) / 1000) + this.options.retentionDays * 86_400;
  }

  async storeFeedback(
    message: FeedbackMessage,
    analysis: FeedbackAnalysis,
    receivedAt: string,
  ): Promise<StoreOutcome> {
    const record = toRecord(message, analysis, receivedAt);
    const expiresAt = this.expiresAt(receivedAt);
    const followUpKeys =
      record.followUp.status === 'open'
        ? {
            FU_PK: followUpPartition('open'),
            FU_SK: followUpSortKey(record.followUp.priority, record.submittedAt, record.id),
            ...(record.segment?.department && {
              FU_DEPT_PK: followUpDepartmentPartition('open', record.segment.department),
            }),
          }
        : {};
    const items: TransactItems = [
      {
        Put: {
          TableName: this.table,
          Item: { ...feedbackKey(record.id), type: 'feedback', ...record, ...followUpKeys, expiresAt },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      ...counterScopes(record).map((scope) => this.counterUpdate(scope, record)),
      ...analysis.themes.map((theme) => ({
        Put: {
          TableName: this.table,
          Item: {
            ...themeMentionKey(theme.id, record.day, record.id),
            type: 'theme_mention',
            id: record.id,
            day: record.day,
            sentiment: theme.sentiment,
            evidence: theme.evidence,
            expiresAt,
          },
        },
      })),
    ];
    return this.transact(items);
  }

  /** One ADD update for a counter item: the transaction makes it count exactly once per feedback id. */
  private counterUpdate(scope: CounterScope, record: FeedbackRecord): TransactItems[number] {
    const increments: Record<string, number | Set<string>> = { feedback: 1 };
    const category = record.analysis.nps?.category;
    if (category) {
      increments.responses = 1;
      increments[`${category}s`] = 1;
    }
    if (record.analysis.sentiment.label === 'negative') increments.negative = 1;
    if (record.followUp.status === 'open') increments.followUps = 1;
    for (const theme of record.analysis.themes) {
      increments[`theme_${theme.id}`] = 1;
      if (theme.sentiment === 'negative') increments[`themeneg_${theme.id}`] = 1;
      if (category === 'detractor') increments[`themedet_${theme.id}`] = 1;
    }
    if (scope.dimension === 'all') {
      // The account-wide item also records which segment values were seen that day, so reports can
      // list departments, agents... with a Query instead of a Scan.
      for (const dimension of SEGMENT_DIMENSIONS) {
        const value = record.segment?.[dimension];
        if (value) increments[`${SEGMENT_VALUES_PREFIX}${dimension}`] = new Set([value]);
      }
    }
    const names: Record<string, string> = {};
    const values: Record<string, number | Set<string>> = {};
    const adds = Object.entries(increments).map(([attribute, increment], index) => {
      names[`#a${index}`] = attribute;
      if (increment === 1) return `#a${index} :one`;
      values[`:v${index}`] = increment;
      return `#a${index} :v${index}`;
    });
    return {
      Update: {
        TableName: this.table,
        Key: counterKey(scope, record.day),
        UpdateExpression: `ADD ${adds.join(', ')}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: { ':one': 1, ...values },
      },
    };
  }

  async storeRejected(rejected: RejectedMessage): Promise<StoreOutcome> {
    const expiresAt = this.expiresAt(rejected.receivedAt);
    return this.transact([
      {
        // The guard item makes a redelivered bad message one reject, not two.
        Put: {
          TableName: this.table,
          Item: { PK: `REJECTGUARD#${rejected.rejectId}`, SK: 'GUARD', expiresAt },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      {
        Put: {
          TableName: this.table,
          Item: {
            ...rejectedKey(rejected.receivedAt, rejected.rejectId),
            type: 'rejected',
            ...rejected,
            expiresAt,
          },
        },
      },
    ]);
  }

  private async transact(items: TransactItems): Promise<StoreOutcome> {
    try {
      await this.documents.send(new TransactWriteCommand({ TransactItems: items }));
      return 'stored';
    } catch (error) {
      if (
        error instanceof TransactionCanceledException &&
        error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed'
      ) {
        return 'duplicate';
      }
      const name = (error as Error).name;
      const reasons = error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []) : [];
      if (RETRYABLE_ERRORS.has(name) || reasons.some((r) => r.Code && RETRYABLE_ERRORS.has(r.Code))) {
        throw new TransientStoreError(`DynamoDB write failed, will retry: ${name}`, { cause: error });
      }
      throw error;
    }
  }

  async getFeedback(id: string): Promise<FeedbackRecord | undefined> {
    const { Item } = await this.documents.send(
      new GetCommand({ TableName: this.table, Key: feedbackKey(id) }),
    );
    return Item ? fromItem<FeedbackRecord>(Item) : undefined;
  }

  async listOpenFollowUps(
    options: { department?: string; limit?: number; cursor?: string } = {},
  ): Promise<FollowUpPage> {
    const byDepartment = options.department !== undefined;
    const input: QueryCommandInput = {
      TableName: this.table,
      IndexName: byDepartment ? FOLLOW_UP_DEPARTMENT_INDEX : FOLLOW_UP_INDEX,
      KeyConditionExpression: byDepartment ? 'FU_DEPT_PK = :pk' : 'FU_PK = :pk',
      ExpressionAttributeValues: {
        ':pk': byDepartment
          ? followUpDepartmentPartition('open', options.department as string)
          : followUpPartition('open'),
      },
      ScanIndexForward: false,
      Limit: options.limit ?? 25,
      ...(options.cursor && {
        ExclusiveStartKey: JSON.parse(Buffer.from(options.cursor, 'base64url').toString()),
      }),
    };
    const { Items = [], LastEvaluatedKey } = await this.documents.send(new QueryCommand(input));
    return {
      items: Items.map((item) => fromItem<FeedbackRecord>(item)),
      ...(LastEvaluatedKey && {
        cursor: Buffer.from(JSON.stringify(LastEvaluatedKey)).toString('base64url'),
      }),
    };
  }

  async readDailyCounts(scope: CounterScope, from: string, to: string): Promise<DailyCounts[]> {
    const { PK } = counterKey(scope, from);
    const items = await this.queryAll({
      TableName: this.table,
      KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': PK, ':from': `DAY#${from}`, ':to': `DAY#${to}` },
    });
    return items.map(toDailyCounts);
  }

  async listThemeMentions(themeId: string, from: string, to: string): Promise<ThemeMention[]> {
    const mentions: ThemeMention[] = [];
    for (const month of monthsBetween(from, to)) {
      const items = await this.queryAll({
        TableName: this.table,
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
        ExpressionAttributeValues: {
          ':pk': `THEME#${themeId}#${month}`,
          ':from': from,
          ':to': `${to}#\uffff`,
        },
      });
      for (const item of items) {
        mentions.push({ id: item.id, day: item.day, sentiment: item.sentiment, evidence: item.evidence });
      }
    }
    return mentions;
  }

  async listRejected(options: { limit?: number; months?: string[] } = {}): Promise<RejectedMessage[]> {
    const limit = options.limit ?? 50;
    const months = options.months ?? recentMonths(new Date(), 12);
    const rejected: RejectedMessage[] = [];
    for (const month of months) {
      const { Items = [] } = await this.documents.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': `REJECTED#${month}` },
          ScanIndexForward: false,
          Limit: limit - rejected.length,
        }),
      );
      rejected.push(...Items.map((item) => fromItem<RejectedMessage>(item)));
      if (rejected.length >= limit) break;
    }
    return rejected;
  }

  async countOpenFollowUps(department?: string): Promise<number> {
    return this.countAll({
      TableName: this.table,
      IndexName: department === undefined ? FOLLOW_UP_INDEX : FOLLOW_UP_DEPARTMENT_INDEX,
      KeyConditionExpression: department === undefined ? 'FU_PK = :pk' : 'FU_DEPT_PK = :pk',
      ExpressionAttributeValues: {
        ':pk':
          department === undefined
            ? followUpPartition('open')
            : followUpDepartmentPartition('open', department),
      },
    });
  }

  async countRejected(months: string[]): Promise<number> {
    let total = 0;
    for (const month of months) {
      total += await this.countAll({
        TableName: this.table,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': `REJECTED#${month}` },
      });
    }
    return total;
  }

  private async countAll(input: QueryCommandInput): Promise<number> {
    let count = 0;
    let start: QueryCommandInput['ExclusiveStartKey'];
    do {
      const page = await this.documents.send(
        new QueryCommand({ ...input, Select: 'COUNT', ExclusiveStartKey: start }),
      );
      count += page.Count ?? 0;
      start = page.LastEvaluatedKey;
    } while (start);
    return count;
  }

  private async queryAll(input: QueryCommandInput): Promise<Record<string, NativeAttributeValue>[]> {
    const items: Record<string, NativeAttributeValue>[] = [];
    let start: QueryCommandInput['ExclusiveStartKey'];
    do {
      const page = await this.documents.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    return items;
  }
}

function toRecord(message: FeedbackMessage, analysis: FeedbackAnalysis, receivedAt: string): FeedbackRecord {
  const { redactedText, ...rest } = analysis;
  const submittedAt = message.submittedAt ? new Date(message.submittedAt).toISOString() : receivedAt;
  return {
    id: message.id,
    receivedAt,
    submittedAt,
    day: dayOf(submittedAt),
    score: message.score,
    scale: message.score === undefined ? undefined : (message.scale ?? 'nps'),
    channel: message.channel,
    segment: message.segment,
    customerId: message.customerId,
    locale: message.locale,
    redactedText,
    analysis: rest,
    followUp: {
      status: analysis.followUp.required ? 'open' : 'none',
      priority: analysis.followUp.priority,
      reasons: analysis.followUp.reasons,
    },
  };
}

function counterScopes(record: FeedbackRecord): CounterScope[] {
  const scopes: CounterScope[] = [{ dimension: 'all' }];
  for (const dimension of SEGMENT_DIMENSIONS) {
    const value = record.segment?.[dimension];
    if (value) scopes.push({ dimension, value });
  }
  return scopes;
}

const SEGMENT_VALUES_PREFIX = 'segments_';

const KEY_ATTRIBUTES = new Set(['PK', 'SK', 'FU_PK', 'FU_SK', 'FU_DEPT_PK', 'type', 'expiresAt']);

function fromItem<T>(item: Record<string, unknown>): T {
  return Object.fromEntries(Object.entries(item).filter(([key]) => !KEY_ATTRIBUTES.has(key))) as T;
}

function toDailyCounts(item: Record<string, NativeAttributeValue>): DailyCounts {
  const themes: DailyCounts['themes'] = {};
  for (const [attribute, value] of Object.entries(item)) {
    if (attribute.startsWith('theme_')) {
      const id = attribute.slice('theme_'.length);
      themes[id] = {
        mentions: Number(value),
        negative: Number(item[`themeneg_${id}`] ?? 0),
        detractors: Number(item[`themedet_${id}`] ?? 0),
      };
    }
  }
  const segments: DailyCounts['segments'] = {};
  for (const dimension of SEGMENT_DIMENSIONS) {
    const seen = item[`${SEGMENT_VALUES_PREFIX}${dimension}`];
    if (seen instanceof Set) segments[dimension] = [...seen].map(String).sort();
  }
  const count = (name: string) => Number(item[name] ?? 0);
  return {
    day: String(item.SK).slice('DAY#'.length),
    feedback: count('feedback'),
    responses: count('responses'),
    promoters: count('promoters'),
    passives: count('passives'),
    detractors: count('detractors'),
    negative: count('negative'),
    followUps: count('followUps'),
    themes,
    segments,
  };
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
