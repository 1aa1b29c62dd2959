import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  ConditionalCheckFailedException,
  type DynamoDBClient,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  type NativeAttributeValue,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AlertDestination } from '../alerts/detractor-alert.js';
import type { FeedbackAnalysis } from '../analysis/feedback-analysis.js';
import { redactOptional, redactSegment } from '../analysis/privacy/redact-fields.js';
import type { Redacted } from '../analysis/privacy/redact-pii.js';
import type { FeedbackMessage } from '../feedback/feedback-message.js';
import type { FollowUpHistoryEntry, FollowUpState } from '../followup/follow-up-state.js';
import { contentHash } from './content-hash.js';
import type {
  AlertAttempt,
  CounterChange,
  DailyCounts,
  FeedbackRecord,
  FeedbackStore,
  FeedbackToStore,
  FollowUpListOptions,
  FollowUpPage,
  RejectedMessage,
  StoreOutcome,
  ThemeMention,
} from './feedback-store.js';
import { IdConflict, TransientStoreError } from './feedback-store.js';
import { FOLLOW_UP_DEPARTMENT_INDEX, FOLLOW_UP_INDEX } from './feedback-table.js';
import {
  counterAdd,
  FeedbackTransaction,
  SEGMENT_VALUES_PREFIX,
  type TransactItems,
} from './feedback-transaction.js';
import { DEFAULT_FOLLOW_UP_MAX_AGE_DAYS, followUpWindow } from './follow-up-window.js';
import { storedText } from './stored-text.js';
import {
  alertKey,
  type CounterQuery,
  counterKey,
  counterScopeOf,
  dayOf,
  FOLLOW_UP_CHANGE_PREFIX,
  feedbackKey,
  followUpChangeKey,
  followUpDepartmentPartition,
  followUpIndexKeys,
  followUpPartition,
  monthsBetween,
  rejectedKey,
  rejectedPartition,
  rejectGuardKey,
  SEGMENT_DIMENSIONS,
  themeMentionPartition,
} from './table-keys.js';

export interface DynamoDbFeedbackStoreOptions {
  tableName: string;
  /** Stored items expire this many days after receipt (DynamoDB TTL); none when unset. */
  retentionDays?: number;
  /** Hours from submission (or receipt, if later) to the first-contact deadline of a new follow-up (default 48). */
  followUpSlaHours?: number;
  /**
   * Key that signs page cursors (HMAC-SHA256), so a cursor only continues the query that made it. All
   * instances serving one API must share it (`CURSOR_SIGNING_KEY`); a random key per store when unset,
   * which is right for one process (the local stack) only.
   */
  cursorSigningKey?: string;
  /** Comments older than this many days at receipt get no follow-up and no alert (default 14). */
  followUpMaxAgeDays?: number;
}

/** Attempts of one transaction inside the handler before its records go back to the queue. */
const IN_PROCESS_ATTEMPTS = 3;
/** A lease given back: earlier than any "now", so the next attempt may take it at once. */
const LEASE_ENDED = '1970-01-01T00:00:00.000Z';

const RETRYABLE_ERRORS = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'TransactionConflictException',
  'TimeoutError',
]);

/** Throttling, conflicts, timeouts: worth a retry, whether the call failed or its transaction was cancelled. */
function isTransient(error: unknown): boolean {
  const reasons = error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []) : [];
  return (
    RETRYABLE_ERRORS.has((error as Error).name) || reasons.some((r) => r.Code && RETRYABLE_ERRORS.has(r.Code))
  );
}

/** The follow-up index, partition attribute and partition to read for a status (and department). */
function followUpQueue(status: string, department: string | undefined) {
  return department === undefined
    ? { IndexName: FOLLOW_UP_INDEX, attribute: 'FU_PK', partition: followUpPartition(status) }
    : {
        IndexName: FOLLOW_UP_DEPARTMENT_INDEX,
        attribute: 'FU_DEPT_PK',
        partition: followUpDepartmentPartition(status, department),
      };
}

/** DynamoDB implementation of {@link FeedbackStore} on the single-table design in docs/table-design.md. */
export class DynamoDbFeedbackStore implements FeedbackStore {
  private readonly documents: DynamoDBDocumentClient;
  private readonly cursors: CursorSigner;

  constructor(
    client: DynamoDBClient,
    private readonly options: DynamoDbFeedbackStoreOptions,
  ) {
    this.documents = DynamoDBDocumentClient.from(client, {
      marshallOptions: { removeUndefinedValues: true },
    });
    this.cursors = new CursorSigner(options.cursorSigningKey ?? randomBytes(32).toString('base64'));
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
    let group = new FeedbackTransaction(this.table, (at) => this.expiresAt(at));
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
      const record = toRecord(entry.message, entry.analysis, entry.receivedAt, {
        slaHours: this.options.followUpSlaHours ?? 48,
        maxAgeDays: this.options.followUpMaxAgeDays ?? DEFAULT_FOLLOW_UP_MAX_AGE_DAYS,
      });
      if (!group.tryAdd(record)) {
        groups.push(group);
        group = new FeedbackTransaction(this.table, (at) => this.expiresAt(at));
        group.tryAdd(record);
      }
    });
    if (group.size > 0) groups.push(group);

    for (const first of groups) {
      for (let transaction = first, attempt = 1; transaction.size > 0; ) {
        try {
          await this.documents.send(new TransactWriteCommand({ TransactItems: transaction.items() }));
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
          const transient = isTransient(error);
          if (transient && attempt < IN_PROCESS_ATTEMPTS) {
            // Conflicts on a shared counter item clear in milliseconds: retry here before the queue does.
            await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt * Math.random()));
            attempt++;
            continue;
          }
          const failure = transient
            ? new TransientStoreError(`DynamoDB write failed, will retry: ${(error as Error).name}`, {
                cause: error,
              })
            : (error as Error);
          for (const id of transaction.recordIds) outcomes[indexById.get(id) as number] = failure;
          break;
        }
      }
    }
    return outcomes;
  }

  async storeRejected(rejected: RejectedMessage): Promise<StoreOutcome> {
    const expiresAt = this.expiresAt(rejected.receivedAt);
    return this.transact([
      {
        // The guard item makes a redelivered bad message one reject, not two.
        Put: {
          TableName: this.table,
          Item: { ...rejectGuardKey(rejected.rejectId), expiresAt },
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
      if (isTransient(error)) {
        throw new TransientStoreError(`DynamoDB write failed, will retry: ${(error as Error).name}`, {
          cause: error,
        });
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

  async listFollowUps(options: FollowUpListOptions = {}): Promise<FollowUpPage> {
    const { IndexName, attribute, partition } = followUpQueue(options.status ?? 'open', options.department);
    // The cursor is signed for this index and partition: it cannot continue any other query.
    const query = `${IndexName}\n${partition}`;
    const input: QueryCommandInput = {
      TableName: this.table,
      IndexName,
      KeyConditionExpression: `${attribute} = :pk`,
      ExpressionAttributeValues: { ':pk': partition },
      ScanIndexForward: false,
      Limit: options.limit ?? 25,
      ...(options.cursor && {
        ExclusiveStartKey: decodeCursor(this.cursors.open(options.cursor, query), attribute, partition),
      }),
    };
    const { Items = [], LastEvaluatedKey } = await this.documents.send(new QueryCommand(input));
    return {
      items: Items.map((item) => fromItem<FeedbackRecord>(item)),
      ...(LastEvaluatedKey && { cursor: this.cursors.sign(JSON.stringify(LastEvaluatedKey), query) }),
    };
  }

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
          TableName: this.table,
          Key: feedbackKey(record.id),
          UpdateExpression: `SET ${set.join(', ')}`,
          ConditionExpression: '#followUp.#version = :expected',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      },
      ...counters.map((counter) =>
        counterAdd(this.table, counterKey(counter.scope, counter.day), Object.entries(counter.increments)),
      ),
      // The change as its own item: the record keeps only the latest few (bounded item size).
      ...(change
        ? [
            {
              Put: {
                TableName: this.table,
                Item: {
                  ...followUpChangeKey(record.id, next.version),
                  type: 'followup_change',
                  ...change,
                  expiresAt: this.expiresAt(record.receivedAt),
                },
              },
            },
          ]
        : []),
    ];
    try {
      await this.documents.send(new TransactWriteCommand({ TransactItems: items }));
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

  async readDailyCounts(scope: CounterQuery, from: string, to: string): Promise<DailyCounts[]> {
    const { PK } = counterKey(counterScopeOf(scope), from);
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
          ':pk': themeMentionPartition(themeId, month),
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

  async countOpenFollowUps(department?: string): Promise<number> {
    const { IndexName, attribute, partition } = followUpQueue('open', department);
    return this.countAll({
      TableName: this.table,
      IndexName,
      KeyConditionExpression: `${attribute} = :pk`,
      ExpressionAttributeValues: { ':pk': partition },
    });
  }

  async listFollowUpHistory(id: string): Promise<FollowUpHistoryEntry[]> {
    const items = await this.queryAll({
      TableName: this.table,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :change)',
      ExpressionAttributeValues: { ':pk': feedbackKey(id).PK, ':change': FOLLOW_UP_CHANGE_PREFIX },
    });
    return items.map((item) => fromItem<FollowUpHistoryEntry>(item));
  }

  async beginAlert(id: string, now: string, leaseSeconds: number): Promise<AlertAttempt> {
    const leaseUntil = new Date(Date.parse(now) + leaseSeconds * 1000).toISOString();
    const expiresAt = this.expiresAt(now);
    try {
      // An update, not a put: a retry keeps the destinations an earlier attempt reached.
      const { Attributes } = await this.documents.send(
        new UpdateCommand({
          TableName: this.table,
          Key: alertKey(id),
          UpdateExpression: `SET #type = :alert, #id = :id, #status = :sending, leaseUntil = :lease${
            expiresAt === undefined ? '' : ', expiresAt = :expires'
          }`,
          ConditionExpression: 'attribute_not_exists(PK) OR (#status = :sending AND leaseUntil < :now)',
          ExpressionAttributeNames: { '#type': 'type', '#id': 'id', '#status': 'status' },
          ExpressionAttributeValues: {
            ':alert': 'alert',
            ':id': id,
            ':sending': 'sending',
            ':lease': leaseUntil,
            ...(expiresAt !== undefined && { ':expires': expiresAt }),
            ':now': now,
          },
          ReturnValues: 'ALL_NEW',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      const delivered = Attributes?.deliveredTo as Set<AlertDestination> | undefined;
      return { status: 'send', delivered: [...(delivered ?? [])] };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      // The old item comes back in wire form (the document client does not unmarshall errors).
      const status = (error.Item as Record<string, { S?: string } | string> | undefined)?.status;
      return { status: (typeof status === 'string' ? status : status?.S) === 'sent' ? 'sent' : 'busy' };
    }
  }

  async recordAlertDelivery(id: string, destination: AlertDestination): Promise<void> {
    await this.documents.send(
      new UpdateCommand({
        TableName: this.table,
        Key: alertKey(id),
        UpdateExpression: 'ADD deliveredTo :destination',
        ExpressionAttributeValues: { ':destination': new Set([destination]) },
      }),
    );
  }

  async releaseAlert(id: string): Promise<void> {
    try {
      // The lease ends now; what was delivered stays recorded for the retry.
      await this.documents.send(
        new UpdateCommand({
          TableName: this.table,
          Key: alertKey(id),
          UpdateExpression: 'SET leaseUntil = :ended',
          ConditionExpression: '#status = :sending',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':sending': 'sending', ':ended': LEASE_ENDED },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  async completeAlert(id: string, at: string): Promise<void> {
    await this.documents.send(
      new UpdateCommand({
        TableName: this.table,
        Key: alertKey(id),
        UpdateExpression: 'SET #status = :sent, sentAt = :at REMOVE leaseUntil',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':sent': 'sent', ':at': at },
      }),
    );
  }

  async countOverdueFollowUps(now: string): Promise<number> {
    let total = 0;
    for (const status of ['open', 'claimed'] as const) {
      const { IndexName, attribute, partition } = followUpQueue(status, undefined);
      total += await this.countAll({
        TableName: this.table,
        IndexName,
        KeyConditionExpression: `${attribute} = :pk`,
        FilterExpression: '#followUp.dueAt < :now AND attribute_not_exists(#followUp.contactedAt)',
        ExpressionAttributeNames: { '#followUp': 'followUp' },
        ExpressionAttributeValues: { ':pk': partition, ':now': now },
      });
    }
    return total;
  }

  async countRejected(months: string[]): Promise<number> {
    let total = 0;
    for (const month of months) {
      total += await this.countAll({
        TableName: this.table,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': rejectedPartition(month) },
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

/** The content fingerprint on the record a cancellation reason returned (ALL_OLD), if it has one. */
function storedContentHash(item: Record<string, unknown> | undefined): string | undefined {
  const value = item?.contentHash;
  if (typeof value === 'string') return value;
  const attribute = value as { S?: unknown } | undefined;
  return typeof attribute?.S === 'string' ? attribute.S : undefined;
}

function toRecord(
  message: FeedbackMessage,
  analysis: FeedbackAnalysis,
  receivedAt: string,
  followUpOptions: { slaHours: number; maxAgeDays: number },
): FeedbackRecord {
  const { redactedText: fullText, ...rest } = analysis;
  const submittedAt = message.submittedAt ? new Date(message.submittedAt).toISOString() : receivedAt;
  // Redacted first (by the analysis), then cut: a cut never leaves part of an identifier readable.
  const { text: redactedText, truncated } = storedText(fullText);
  const window = followUpWindow(submittedAt, receivedAt, followUpOptions);
  const followUp = analysis.followUp.required && !window.tooOld;
  return {
    id: message.id,
    receivedAt,
    submittedAt,
    day: dayOf(submittedAt),
    score: message.score,
    scale: message.score === undefined ? undefined : (message.scale ?? 'nps'),
    channel: redactOptional(message.channel),
    segment: message.segment && redactSegment(message.segment),
    customerId: message.customerId,
    locale: message.locale,
    redactedText,
    ...(truncated && { textTruncated: true }),
    contentHash: contentHash(message),
    ...(analysis.followUp.required && window.tooOld && { followUpTooOld: true }),
    analysis: rest,
    followUp: {
      status: followUp ? 'open' : 'none',
      priority: analysis.followUp.priority,
      reasons: analysis.followUp.reasons,
      version: 0,
      ...(followUp && !window.tooOld && { dueAt: window.dueAt }),
      history: [],
    },
  };
}

const KEY_ATTRIBUTES = new Set(['PK', 'SK', 'FU_PK', 'FU_SK', 'FU_DEPT_PK', 'type', 'expiresAt']);

/** Thrown for a page cursor that this table did not hand out. */
export class InvalidCursorError extends Error {
  constructor() {
    super('invalid cursor');
    this.name = 'InvalidCursorError';
  }
}

/**
 * Page cursors as `<base64url key>.<base64url HMAC>`; the HMAC covers the key and the query it came
 * from, so a forged, edited or borrowed cursor fails before it reaches DynamoDB.
 */
class CursorSigner {
  constructor(private readonly secret: string) {}

  private mac(payload: string, query: string): Buffer {
    return createHmac('sha256', this.secret).update(query).update('\n').update(payload).digest();
  }

  sign(payload: string, query: string): string {
    return `${Buffer.from(payload).toString('base64url')}.${this.mac(payload, query).toString('base64url')}`;
  }

  /** The payload of a cursor this signer made for `query`; {@link InvalidCursorError} for any other. */
  open(cursor: string, query: string): string {
    const match = /^([A-Za-z0-9_-]{1,1500})\.([A-Za-z0-9_-]{43})$/.exec(cursor);
    if (!match) throw new InvalidCursorError();
    const payload = Buffer.from(match[1] as string, 'base64url').toString();
    const given = Buffer.from(match[2] as string, 'base64url');
    const expected = this.mac(payload, query);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new InvalidCursorError();
    return payload;
  }
}

/**
 * A cursor is the last key of the previous page; besides its signature, only a complete key of the
 * partition being read is accepted (belt and braces: a leaked signing key still cannot reach another
 * kind of item).
 */
function decodeCursor(
  payload: string,
  partitionAttribute: string,
  partition: string,
): Record<string, string> {
  let key: unknown;
  try {
    key = JSON.parse(payload);
  } catch {
    throw new InvalidCursorError();
  }
  const entries = key && typeof key === 'object' && !Array.isArray(key) ? Object.entries(key) : [];
  const expected = ['FU_SK', 'PK', 'SK', partitionAttribute].sort();
  const record = key as Record<string, string>;
  const id = /^\d{3}#\d{13}#(.+)$/.exec(String(record?.FU_SK))?.[1];
  if (
    entries.length !== expected.length ||
    entries.some(([, value]) => typeof value !== 'string') ||
    entries
      .map(([name]) => name)
      .sort()
      .join() !== expected.join() ||
    record[partitionAttribute] !== partition ||
    id === undefined ||
    record.PK !== feedbackKey(id).PK ||
    record.SK !== feedbackKey(id).SK
  ) {
    throw new InvalidCursorError();
  }
  return record;
}

function fromItem<T>(item: Record<string, unknown>): T {
  return Object.fromEntries(Object.entries(item).filter(([key]) => !KEY_ATTRIBUTES.has(key))) as T;
}

function toDailyCounts(item: Record<string, NativeAttributeValue>): DailyCounts {
  const themes: DailyCounts['themes'] = {};
  const contactHours: DailyCounts['contactHours'] = {};
  const rootCauses: DailyCounts['rootCauses'] = {};
  const rootCauseAgreement: DailyCounts['rootCauseAgreement'] = {};
  // Per-theme and per-bucket counters are attributes named by prefix (see docs/table-design.md).
  for (const [attribute, value] of Object.entries(item)) {
    const [prefix, id = ''] = attribute.split(/_(.*)/s);
    if (prefix === 'theme') {
      themes[id] = {
        mentions: Number(value),
        negative: Number(item[`themeneg_${id}`] ?? 0),
        detractors: Number(item[`themedet_${id}`] ?? 0),
      };
    } else if (prefix === 'contactHours') contactHours[id] = Number(value);
    else if (prefix === 'rootcause') rootCauses[id] = Number(value);
    else if (prefix === 'rcpred') {
      rootCauseAgreement[id] = { predicted: Number(value), agreed: Number(item[`rcagree_${id}`] ?? 0) };
    }
  }
  const segments: DailyCounts['segments'] = {};
  for (const dimension of SEGMENT_DIMENSIONS) {
    const seen = item[`${SEGMENT_VALUES_PREFIX}${dimension}`];
    // Only redacted values are ever written to these sets (see `counterIncrements`).
    if (seen instanceof Set) segments[dimension] = [...seen].map((value) => String(value) as Redacted).sort();
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
    csatResponses: count('csatResponses'),
    csatSatisfied: count('csatSatisfied'),
    csatScoreSum: count('csatScoreSum'),
    cesResponses: count('cesResponses'),
    cesHighEffort: count('cesHighEffort'),
    cesScoreSum: count('cesScoreSum'),
    followUpsTooOld: count('followUpsTooOld'),
    themes,
    followUpsContacted: count('followUpsContacted'),
    contactedWithinSla: count('contactedWithinSla'),
    followUpsResolved: count('followUpsResolved'),
    contactHours,
    rootCauses,
    rootCauseAgreement,
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
