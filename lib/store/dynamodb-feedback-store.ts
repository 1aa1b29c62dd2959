import { randomBytes } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AlertDestination } from '../model/alert-destination.js';
import type { CounterChange, CounterQuery } from '../model/counter-scope.js';
import type { DailyCounts } from '../model/daily-counts.js';
import type { FeedbackRecord } from '../model/feedback-record.js';
import type { FollowUpHistoryEntry, FollowUpState } from '../model/follow-up-state.js';
import type { RejectedMessage } from '../model/rejected-message.js';
import type { ThemeMention } from '../model/theme-mention.js';
import { DynamoDbAlertLedger } from './alert-ledger.js';
import { readDailyCounts } from './counter-reads.js';
import {
  DynamoDbFeedbackExportReads,
  type FeedbackScanOptions,
  type FeedbackScanPage,
} from './feedback-export-reads.js';
import { DynamoDbFeedbackReads } from './feedback-reads.js';
import type {
  AlertAttempt,
  FeedbackStore,
  FeedbackToStore,
  FollowUpListOptions,
  FollowUpPage,
  IdConflict,
  StoreOutcome,
} from './feedback-store.js';
import { DynamoDbFeedbackWrites } from './feedback-writes.js';
import { DynamoDbFollowUpQueue } from './follow-up-queue.js';
import { DynamoDbFollowUpTransitions } from './follow-up-transitions.js';
import { DEFAULT_FOLLOW_UP_MAX_AGE_DAYS } from './follow-up-window.js';
import { CursorSigner } from './page-cursor.js';
import type { StoreTable } from './store-table.js';
import type { ThemeMentionWrites } from './theme-mention-writes.js';

export { InvalidCursorError } from './page-cursor.js';

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
  /** How theme mentions are written: `batch` (default, half the write units) or `transaction` (local stack). */
  themeMentionWrites?: ThemeMentionWrites;
}

/**
 * DynamoDB implementation of {@link FeedbackStore} on the single-table design in docs/table-design.md:
 * one client and table shared by one module per concern (writes, follow-up transitions, the alert
 * ledger, the follow-up queue, reads, counters), each in its own file.
 */
export class DynamoDbFeedbackStore implements FeedbackStore {
  private readonly table: StoreTable;
  private readonly writes: DynamoDbFeedbackWrites;
  private readonly transitions: DynamoDbFollowUpTransitions;
  private readonly alerts: DynamoDbAlertLedger;
  private readonly queue: DynamoDbFollowUpQueue;
  private readonly reads: DynamoDbFeedbackReads;
  private readonly exportReads: DynamoDbFeedbackExportReads;

  constructor(client: DynamoDBClient, options: DynamoDbFeedbackStoreOptions) {
    const retentionSeconds = options.retentionDays ? options.retentionDays * 86_400 : undefined;
    this.table = {
      documents: DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } }),
      name: options.tableName,
      expiresAt: (receivedAt) =>
        retentionSeconds === undefined
          ? undefined
          : Math.floor(Date.parse(receivedAt) / 1000) + retentionSeconds,
    };
    this.writes = new DynamoDbFeedbackWrites(this.table, {
      slaHours: options.followUpSlaHours ?? 48,
      maxAgeDays: options.followUpMaxAgeDays ?? DEFAULT_FOLLOW_UP_MAX_AGE_DAYS,
      ...(options.themeMentionWrites && { themeMentionWrites: options.themeMentionWrites }),
    });
    this.transitions = new DynamoDbFollowUpTransitions(this.table);
    this.alerts = new DynamoDbAlertLedger(this.table);
    const cursors = new CursorSigner(options.cursorSigningKey ?? randomBytes(32).toString('base64'));
    this.queue = new DynamoDbFollowUpQueue(this.table, cursors);
    this.reads = new DynamoDbFeedbackReads(this.table);
    this.exportReads = new DynamoDbFeedbackExportReads(this.table, cursors);
  }

  storeFeedbackBatch(entries: readonly FeedbackToStore[]): Promise<Array<StoreOutcome | IdConflict | Error>> {
    return this.writes.storeFeedbackBatch(entries);
  }

  storeRejected(rejected: RejectedMessage): Promise<StoreOutcome> {
    return this.writes.storeRejected(rejected);
  }

  updateFollowUp(
    record: FeedbackRecord,
    next: FollowUpState,
    counters: readonly CounterChange[],
  ): Promise<{ updated: true } | { updated: false; current?: FeedbackRecord }> {
    return this.transitions.updateFollowUp(record, next, counters);
  }

  beginAlert(id: string, now: string, leaseSeconds: number): Promise<AlertAttempt> {
    return this.alerts.beginAlert(id, now, leaseSeconds);
  }

  recordAlertDelivery(id: string, destination: AlertDestination): Promise<void> {
    return this.alerts.recordAlertDelivery(id, destination);
  }

  releaseAlert(id: string): Promise<void> {
    return this.alerts.releaseAlert(id);
  }

  completeAlert(id: string, at: string): Promise<void> {
    return this.alerts.completeAlert(id, at);
  }

  listFollowUps(options?: FollowUpListOptions): Promise<FollowUpPage> {
    return this.queue.listFollowUps(options);
  }

  countOpenFollowUps(department?: string): Promise<number> {
    return this.queue.countOpenFollowUps(department);
  }

  countOverdueFollowUps(now: string): Promise<number> {
    return this.queue.countOverdueFollowUps(now);
  }

  getFeedback(id: string): Promise<FeedbackRecord | undefined> {
    return this.reads.getFeedback(id);
  }

  listFollowUpHistory(id: string): Promise<FollowUpHistoryEntry[]> {
    return this.reads.listFollowUpHistory(id);
  }

  listThemeMentions(themeId: string, from: string, to: string): Promise<ThemeMention[]> {
    return this.reads.listThemeMentions(themeId, from, to);
  }

  listRejected(options?: { limit?: number; months?: string[] }): Promise<RejectedMessage[]> {
    return this.reads.listRejected(options);
  }

  countRejected(months: string[]): Promise<number> {
    return this.reads.countRejected(months);
  }

  scanFeedback(options: FeedbackScanOptions): Promise<FeedbackScanPage> {
    return this.exportReads.scanFeedback(options);
  }

  readDailyCounts(scope: CounterQuery, from: string, to: string): Promise<DailyCounts[]> {
    return readDailyCounts(this.table, scope, from, to);
  }
}
