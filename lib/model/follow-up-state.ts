/**
 * The follow-up part of a stored feedback record, as every layer reads it. The workflow that changes it
 * (which action may start from which status) is in lib/followup/follow-up-state.ts.
 */

export const FOLLOW_UP_STATUSES = ['none', 'open', 'claimed', 'contacted', 'resolved'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/** Every change a team member can make; `note` adds to the history without changing the status. */
export const FOLLOW_UP_ACTIONS = [
  'claim',
  'unclaim',
  'assign',
  'note',
  'contacted',
  'resolve',
  'reopen',
] as const;
export type FollowUpAction = (typeof FOLLOW_UP_ACTIONS)[number];

/**
 * What a history entry records: a person's action, or `response_updated` when a newer version of the
 * customer's response replaced the stored one while the follow-up was being worked (see lib/store/revise-record.ts).
 */
export type FollowUpHistoryAction = FollowUpAction | 'response_updated';

export interface FollowUpHistoryEntry {
  at: string;
  by: string;
  action: FollowUpHistoryAction;
  from: FollowUpStatus;
  to: FollowUpStatus;
  note?: string;
}

/** The follow-up part of a stored feedback record. */
export interface FollowUpState {
  status: FollowUpStatus;
  priority: number;
  reasons: string[];
  /** Bumped by every change: the condition that makes concurrent changes safe. */
  version: number;
  /** When first contact is due (receipt + the account's SLA); unset without a follow-up. */
  dueAt?: string;
  owner?: string;
  contactedAt?: string;
  resolvedAt?: string;
  /** A theme id or free text, given on resolve: why the customer was unhappy, as the team found it. */
  rootCause?: string;
  /** What was done about it. */
  action?: string;
  /**
   * The latest changes, at most {@link HISTORY_KEPT_ON_RECORD}: enough for the list and the card. Every
   * change is also stored as its own item (see `FeedbackStore.listFollowUpHistory`), so the record stays
   * far below DynamoDB's 400 KB item limit however often a follow-up is resolved and reopened.
   */
  history: FollowUpHistoryEntry[];
}

/** Changes kept on the record itself; a note is at most 2,000 characters, so this stays under 50 KB. */
export const HISTORY_KEPT_ON_RECORD = 20;
