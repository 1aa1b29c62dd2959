/**
 * The follow-up workflow: what a team does with an unhappy customer's comment, as data. Pure: the
 * store applies a transition with a conditional write, so two people acting at once cannot both win.
 */

export const FOLLOW_UP_STATUSES = ['none', 'open', 'claimed', 'contacted', 'resolved'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export const FOLLOW_UP_ACTIONS = ['claim', 'contacted', 'resolve', 'reopen'] as const;
export type FollowUpAction = (typeof FOLLOW_UP_ACTIONS)[number];

export interface FollowUpHistoryEntry {
  at: string;
  by: string;
  action: FollowUpAction;
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

/** From which statuses each action may start. Claiming someone else's claim is refused, not stolen. */
const allowedFrom: Record<FollowUpAction, readonly FollowUpStatus[]> = {
  claim: ['open'],
  contacted: ['open', 'claimed'],
  resolve: ['open', 'claimed', 'contacted'],
  reopen: ['resolved'],
};

const resultingStatus: Record<FollowUpAction, FollowUpStatus> = {
  claim: 'claimed',
  contacted: 'contacted',
  resolve: 'resolved',
  reopen: 'open',
};

export type FollowUpCommand =
  | { action: 'claim'; owner: string; note?: string }
  | { action: 'contacted'; note?: string }
  | { action: 'resolve'; rootCause: string; resolution: string; note?: string }
  | { action: 'reopen'; note?: string };

export class FollowUpConflictError extends Error {
  constructor(
    readonly current: FollowUpState,
    message: string,
  ) {
    super(message);
    this.name = 'FollowUpConflictError';
  }
}

/** True when first contact came later than due, or is still missing past the due time. */
export function isOverdue(state: FollowUpState, now: string): boolean {
  if (!state.dueAt || state.status === 'none') return false;
  if (state.contactedAt) return state.contactedAt > state.dueAt;
  return state.status !== 'resolved' && now > state.dueAt;
}

/**
 * The state after `command` by `by` at `at`; throws {@link FollowUpConflictError} when the action
 * does not apply to the current status (a second claim, resolving what is resolved...).
 */
export function applyFollowUpCommand(
  state: FollowUpState,
  command: FollowUpCommand,
  by: string,
  at: string,
): FollowUpState {
  if (!allowedFrom[command.action].includes(state.status)) {
    const who = state.owner ? ` by ${state.owner}` : '';
    throw new FollowUpConflictError(
      state,
      `cannot ${command.action} a follow-up that is ${state.status}${who}`,
    );
  }
  const to = resultingStatus[command.action];
  const entry: FollowUpHistoryEntry = {
    at,
    by,
    action: command.action,
    from: state.status,
    to,
    ...(command.note && { note: command.note }),
  };
  const next: FollowUpState = {
    ...state,
    status: to,
    version: state.version + 1,
    history: [...state.history, entry].slice(-HISTORY_KEPT_ON_RECORD),
  };
  switch (command.action) {
    case 'claim':
      next.owner = command.owner;
      break;
    case 'contacted':
      next.owner ??= by;
      next.contactedAt ??= at;
      break;
    case 'resolve':
      next.resolvedAt = at;
      next.rootCause = command.rootCause;
      next.action = command.resolution;
      break;
    case 'reopen':
      // A reopened follow-up starts its outcome afresh; the history keeps what was found before.
      delete next.resolvedAt;
      delete next.rootCause;
      delete next.action;
      break;
  }
  return next;
}
