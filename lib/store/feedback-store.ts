import type { AlertDestination } from '../alerts/detractor-alert.js';
import type { FeedbackAnalysis } from '../analysis/feedback-analysis.js';
import type { RedactedSegment } from '../analysis/privacy/redact-fields.js';
import type { Redacted } from '../analysis/privacy/redact-pii.js';
import type { FeedbackMessage } from '../feedback/feedback-message.js';
import type { FollowUpHistoryEntry, FollowUpState, FollowUpStatus } from '../followup/follow-up-state.js';
import type { CounterQuery, CounterScope, SegmentDimension } from './table-keys.js';

/**
 * A stored, classified piece of feedback. Raw text is never stored: only `redactedText`. Every string
 * that came from the message is `Redacted` (it went through the redaction gate), except `id` (validated
 * to hold no identifier) and `customerId`.
 */
export interface FeedbackRecord {
  id: string;
  receivedAt: string;
  submittedAt: string;
  day: string;
  score?: number;
  scale?: FeedbackMessage['scale'];
  channel?: Redacted;
  segment?: RedactedSegment;
  /**
   * The key the team uses to reach the customer: personal data, kept only here and in the follow-up
   * views, never in counter keys, alerts or logs; it expires with the record (retention).
   */
  customerId?: string;
  locale?: string;
  redactedText: Redacted;
  /** Set when `redactedText` was cut to the stored-text cap (the analysis read the whole comment). */
  textTruncated?: true;
  /** Fingerprint of the message's content (see `contentHash`); absent on records stored before it existed. */
  contentHash?: string;
  /** Set when the comment needed a follow-up but was older than the follow-up window at receipt. */
  followUpTooOld?: true;
  analysis: Omit<FeedbackAnalysis, 'redactedText'>;
  followUp: FollowUpState;
}

/** A message that can never be stored, kept with its reason so an operator can fix and resend it. */
export interface RejectedMessage {
  /** Hash of the body: the same bad message delivered twice is one reject. */
  rejectId: string;
  receivedAt: string;
  reason: Redacted;
  issues: Redacted[];
  /** The body as received, redacted, then capped in size; expires with the retention. */
  body: Redacted;
  sourceMessageId?: string;
  /** For an id conflict: the content fingerprints of the stored record and of the message received. */
  storedContentHash?: string;
  receivedContentHash?: string;
}

/** One day's counts for one scope: the sums behind NPS and theme trends. */
export interface DailyCounts {
  day: string;
  feedback: number;
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
  negative: number;
  followUps: number;
  /** CSAT (1-5) responses, how many were satisfied (4-5), and the sum of their scores (for the mean). */
  csatResponses: number;
  csatSatisfied: number;
  csatScoreSum: number;
  /** CES (1-7) responses, how many were high effort (1-3), and the sum of their scores. */
  cesResponses: number;
  cesHighEffort: number;
  cesScoreSum: number;
  /** Comments that needed a follow-up but were too old for one when they arrived (a backfill). */
  followUpsTooOld: number;
  /** Mentions per theme id: all, with negative sentiment, and in NPS detractors' comments. */
  themes: Record<string, { mentions: number; negative: number; detractors: number }>;
  /** Close-the-loop counts of that day: first contacts, within SLA, resolutions. */
  followUpsContacted: number;
  contactedWithinSla: number;
  followUpsResolved: number;
  /** First contacts per hours-after-receipt bucket (`1`, `4`, ..., `168`, `over168`). */
  contactHours: Record<string, number>;
  /** Resolutions per root cause (theme id, or `other` for free text). */
  rootCauses: Record<string, number>;
  /** Per theme: resolved follow-ups whose comment the analysis tagged with it, and how many of those the team gave it as root cause. */
  rootCauseAgreement: Record<string, { predicted: number; agreed: number }>;
  /** Account-wide rows only: the segment values seen that day, per dimension. */
  segments: Partial<Record<SegmentDimension, Redacted[]>>;
}

export interface ThemeMention {
  id: string;
  day: string;
  sentiment: string;
  evidence: string[];
}

export interface FeedbackToStore {
  message: FeedbackMessage;
  analysis: FeedbackAnalysis;
  receivedAt: string;
}

export type StoreOutcome = 'stored' | 'duplicate';

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

/** Numbers added to one day's counter item for one scope. */
export interface CounterChange {
  scope: CounterScope;
  day: string;
  increments: Record<string, number>;
}

export interface FollowUpPage {
  items: FeedbackRecord[];
  cursor?: string;
}

/** Storage behind a small interface: the ingest path and reports depend on this, not on DynamoDB. */
export interface FeedbackStore {
  /**
   * Stores the record and updates every counter at once; `duplicate` (and no change) for a known id
   * with the same content, an {@link IdConflict} (and no change) for a known id with other content.
   */
  storeFeedback(
    message: FeedbackMessage,
    analysis: FeedbackAnalysis,
    receivedAt: string,
  ): Promise<StoreOutcome | IdConflict>;
  /**
   * Stores many records with as few transactions as the limits allow; per entry `stored`, `duplicate`,
   * an {@link IdConflict} or the error that kept it from being written (a {@link TransientStoreError}
   * is worth a retry).
   */
  storeFeedbackBatch(entries: readonly FeedbackToStore[]): Promise<Array<StoreOutcome | IdConflict | Error>>;
  storeRejected(rejected: RejectedMessage): Promise<StoreOutcome>;
  getFeedback(id: string): Promise<FeedbackRecord | undefined>;
  listFollowUps(options?: FollowUpListOptions): Promise<FollowUpPage>;
  /**
   * Writes a follow-up's next state if nobody changed it since `record` was read (its version), with
   * the counter changes the transition makes, all at once. Not updated: `current` is what is stored.
   */
  updateFollowUp(
    record: FeedbackRecord,
    next: FollowUpState,
    counters: readonly CounterChange[],
  ): Promise<{ updated: true } | { updated: false; current?: FeedbackRecord }>;
  /** A segment value is looked up as it was stored: redacted (`agent=jane@x.example` reads `[EMAIL]`). */
  readDailyCounts(scope: CounterQuery, from: string, to: string): Promise<DailyCounts[]>;
  listThemeMentions(themeId: string, from: string, to: string): Promise<ThemeMention[]>;
  listRejected(options?: { limit?: number; months?: string[] }): Promise<RejectedMessage[]>;
  countOpenFollowUps(department?: string): Promise<number>;
  /** Every change of a follow-up, oldest first (the record keeps only the latest). */
  listFollowUpHistory(id: string): Promise<FollowUpHistoryEntry[]>;
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
  /** Open or claimed follow-ups whose first-contact deadline is before `now`. */
  countOverdueFollowUps(now: string): Promise<number>;
  /** Rejects received in the given months (yyyy-mm). */
  countRejected(months: string[]): Promise<number>;
}

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
