/**
 * The follow-up workflow: what a team does with an unhappy customer's comment, as data. Pure: the
 * store applies a transition with a conditional write, so two people acting at once cannot both win.
 */

import {
  type FollowUpAction,
  type FollowUpHistoryEntry,
  type FollowUpState,
  type FollowUpStatus,
  HISTORY_KEPT_ON_RECORD,
} from '../model/follow-up-state.js';

// The state itself is shared vocabulary (lib/model); re-exported beside the workflow that changes it.
export type { FollowUpHistoryEntry, FollowUpState, FollowUpStatus };

/** From which statuses each action may start. Claiming someone else's claim is refused, not stolen. */
const allowedFrom: Record<FollowUpAction, readonly FollowUpStatus[]> = {
  claim: ['open'],
  // Only a claim is given back: after contact the owner is the person the customer spoke to.
  unclaim: ['claimed'],
  // A lead may hand work on (a claim included): assigning is a decision, claiming a race.
  assign: ['open', 'claimed', 'contacted'],
  note: ['open', 'claimed', 'contacted', 'resolved'],
  contacted: ['open', 'claimed'],
  resolve: ['open', 'claimed', 'contacted'],
  reopen: ['resolved'],
};

/** The status after an action; assigning an open follow-up claims it for the assignee. */
function resultingStatus(action: FollowUpAction, from: FollowUpStatus): FollowUpStatus {
  switch (action) {
    case 'claim':
      return 'claimed';
    case 'unclaim':
    case 'reopen':
      return 'open';
    case 'assign':
      return from === 'open' ? 'claimed' : from;
    case 'note':
      return from;
    case 'contacted':
      return 'contacted';
    case 'resolve':
      return 'resolved';
  }
}

export type FollowUpCommand =
  | { action: 'claim'; owner: string; note?: string }
  | { action: 'unclaim'; note?: string }
  | { action: 'assign'; owner: string; note?: string }
  | { action: 'note'; note: string }
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
  const to = resultingStatus(command.action, state.status);
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
    case 'assign':
      next.owner = command.owner;
      break;
    case 'unclaim':
      delete next.owner;
      break;
    case 'note':
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
