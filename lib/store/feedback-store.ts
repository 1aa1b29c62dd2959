import type { FeedbackAnalysis } from '../analysis/feedback-analysis.js';
import type { FeedbackMessage } from '../feedback/feedback-message.js';
import type { AlertDestination } from '../model/alert-destination.js';
import type { CounterChange, CounterQuery } from '../model/counter-scope.js';
import type { DailyCounts } from '../model/daily-counts.js';
import type { FeedbackRecord } from '../model/feedback-record.js';
import type { FollowUpHistoryEntry, FollowUpState, FollowUpStatus } from '../model/follow-up-state.js';
import type { RejectedMessage } from '../model/rejected-message.js';
import type { ThemeMention } from '../model/theme-mention.js';
import type { FeedbackScanOptions, FeedbackScanPage } from './feedback-export-reads.js';

// The domain types this interface speaks live in lib/model; they are re-exported so a caller of the
// store imports its contract from one place.
export type {
  CounterChange,
  DailyCounts,
  FeedbackRecord,
  FeedbackScanOptions,
  FeedbackScanPage,
  RejectedMessage,
  ThemeMention,
};

export interface FeedbackToStore {
  message: FeedbackMessage;
  analysis: FeedbackAnalysis;
  receivedAt: string;
  /**
   * The queue message that brought it. Two deliveries of one comment can meet mid-write; only the
   * one that inserted it (or its own redelivery after a crash) reports `stored`, the other `duplicate`.
   */
  deliveryId?: string;
}

/** `updated`: a newer version (later `updatedAt`) of a stored response replaced it. */
export type StoreOutcome = 'stored' | 'duplicate' | 'updated';

/** The id is already stored with other content: not a redelivery, and not written. */
export class IdConflict {
  constructor(
    readonly id: string,
    readonly storedContentHash: string,
    readonly receivedContentHash: string,
  ) {}
}

export interface FollowUpListOptions {
  status?: Exclude<FollowUpStatus, 'none'>;
  department?: string;
  limit?: number;
  cursor?: string;
}

export interface FollowUpPage {
  items: FeedbackRecord[];
  cursor?: string;
}

/** Feedback writes: each record once, with its counters; rejects once per body. */
export interface FeedbackWrites {
  /**
   * Stores records and updates every counter, with as few transactions as the limits allow. Per entry:
   * `stored`; `duplicate` (and no change) for a known id with the same content or an older version;
   * `updated` when a newer version (`updatedAt`) replaced the stored one (counters moved by the
   * difference); an {@link IdConflict} (and no change) for a known id with other content and the same
   * version; or the error that kept it from being written (a {@link TransientStoreError} is worth a
   * retry).
   */
  storeFeedbackBatch(entries: readonly FeedbackToStore[]): Promise<Array<StoreOutcome | IdConflict | Error>>;
  storeRejected(rejected: RejectedMessage): Promise<StoreOutcome>;
}

/** Follow-up state changes, safe when two people act at once. */
export interface FollowUpTransitions {
  /**
   * Writes a follow-up's next state if nobody changed it since `record` was read (its version), with
   * the counter changes the transition makes, all at once. Not updated: `current` is what is stored.
   */
  updateFollowUp(
    record: FeedbackRecord,
    next: FollowUpState,
    counters: readonly CounterChange[],
  ): Promise<{ updated: true } | { updated: false; current?: FeedbackRecord }>;
}

/** The alert ledger: which alerts went out, and where, so a redelivered record alerts once. */
export interface AlertLedger {
  /**
   * Takes the right to send the alert for a feedback id: `send` the first time (and again when an
   * earlier attempt's lease ran out or was given back unfinished, with the destinations it reached),
   * `sent` once it went out, `busy` while another attempt holds the lease (retry later: skipping
   * could lose the alert).
   */
  beginAlert(id: string, now: string, leaseSeconds: number): Promise<AlertAttempt>;
  /** Records that the alert reached one destination, so no later attempt sends it there again. */
  recordAlertDelivery(id: string, destination: AlertDestination): Promise<void>;
  /** Gives the lease back after a failed attempt, so a retry can send at once. */
  releaseAlert(id: string): Promise<void>;
  /** Records that the alert for this id went out, so later deliveries of the same record skip it. */
  completeAlert(id: string, at: string): Promise<void>;
}

/** Reads and counts for the follow-up queue, the inbox and the reports. */
export interface FeedbackReads {
  getFeedback(id: string): Promise<FeedbackRecord | undefined>;
  listFollowUps(options?: FollowUpListOptions): Promise<FollowUpPage>;
  /** A segment value is looked up as it was stored: redacted (`agent=jane@x.example` reads `[EMAIL]`). */
  readDailyCounts(scope: CounterQuery, from: string, to: string): Promise<DailyCounts[]>;
  listThemeMentions(themeId: string, from: string, to: string): Promise<ThemeMention[]>;
  listRejected(options?: { limit?: number; months?: string[] }): Promise<RejectedMessage[]>;
  countOpenFollowUps(department?: string): Promise<number>;
  /** Every change of a follow-up, oldest first (the record keeps only the latest). */
  listFollowUpHistory(id: string): Promise<FollowUpHistoryEntry[]>;
  /** Open or claimed follow-ups whose first-contact deadline is before `now`. */
  countOverdueFollowUps(now: string): Promise<number>;
  /** Rejects received in the given months (yyyy-mm). */
  countRejected(months: string[]): Promise<number>;
  /**
   * Records submitted on days `from`..`to`, in no useful order, a page at a time: the feedback behind
   * a dashboard view for a CSV export (a Scan: see feedback-export-reads.ts).
   */
  scanFeedback(options: FeedbackScanOptions): Promise<FeedbackScanPage>;
}

/**
 * Storage behind a small interface: the ingest path, the follow-up workflow, the alerts and the reports
 * depend on this, not on DynamoDB. One interface per concern, so a caller can ask for only what it uses.
 */
export interface FeedbackStore extends FeedbackWrites, FollowUpTransitions, AlertLedger, FeedbackReads {}

export type AlertAttempt =
  | { status: 'send'; delivered: AlertDestination[] }
  | { status: 'sent' }
  | { status: 'busy' };

/** A failure worth retrying (throttling, timeouts): the message goes back to the queue. */
export class TransientStoreError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TransientStoreError';
  }
}
