import type { FeedbackAnalysis } from '../analysis/feedback-analysis.js';
import type { FeedbackMessage, Segment } from '../feedback/feedback-message.js';
import type { CounterScope, SegmentDimension } from './table-keys.js';

/** A stored, classified piece of feedback. Raw text is never stored: only `redactedText`. */
export interface FeedbackRecord {
  id: string;
  receivedAt: string;
  submittedAt: string;
  day: string;
  score?: number;
  scale?: FeedbackMessage['scale'];
  channel?: string;
  segment?: Segment;
  customerId?: string;
  locale?: string;
  redactedText: string;
  analysis: Omit<FeedbackAnalysis, 'redactedText'>;
  followUp: { status: 'open' | 'none'; priority: number; reasons: string[] };
}

/** A message that can never be stored, kept with its reason so an operator can fix and resend it. */
export interface RejectedMessage {
  /** Hash of the body: the same bad message delivered twice is one reject. */
  rejectId: string;
  receivedAt: string;
  reason: string;
  issues: string[];
  /** The body as received, capped in size; may hold personal data, so it expires with the retention. */
  body: string;
  sourceMessageId?: string;
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
  /** Mentions per theme id: all, with negative sentiment, and in NPS detractors' comments. */
  themes: Record<string, { mentions: number; negative: number; detractors: number }>;
  /** Account-wide rows only: the segment values seen that day, per dimension. */
  segments: Partial<Record<SegmentDimension, string[]>>;
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

export interface FollowUpPage {
  items: FeedbackRecord[];
  cursor?: string;
}

/** Storage behind a small interface: the ingest path and reports depend on this, not on DynamoDB. */
export interface FeedbackStore {
  /** Stores the record and updates every counter at once; `duplicate` (and no change) for a known id. */
  storeFeedback(
    message: FeedbackMessage,
    analysis: FeedbackAnalysis,
    receivedAt: string,
  ): Promise<StoreOutcome>;
  /**
   * Stores many records with as few transactions as the limits allow; per entry `stored`, `duplicate`
   * or the error that kept it from being written (a {@link TransientStoreError} is worth a retry).
   */
  storeFeedbackBatch(entries: readonly FeedbackToStore[]): Promise<Array<StoreOutcome | Error>>;
  storeRejected(rejected: RejectedMessage): Promise<StoreOutcome>;
  getFeedback(id: string): Promise<FeedbackRecord | undefined>;
  listOpenFollowUps(options?: {
    department?: string;
    limit?: number;
    cursor?: string;
  }): Promise<FollowUpPage>;
  readDailyCounts(scope: CounterScope, from: string, to: string): Promise<DailyCounts[]>;
  listThemeMentions(themeId: string, from: string, to: string): Promise<ThemeMention[]>;
  listRejected(options?: { limit?: number; months?: string[] }): Promise<RejectedMessage[]>;
  countOpenFollowUps(department?: string): Promise<number>;
  /** Rejects received in the given months (yyyy-mm). */
  countRejected(months: string[]): Promise<number>;
}

/** A failure worth retrying (throttling, timeouts): the message goes back to the queue. */
export class TransientStoreError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TransientStoreError';
  }
}
