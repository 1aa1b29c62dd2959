import { redactPii } from '../analysis/privacy/redact-pii.js';
import type { FeedbackRecord, FeedbackStore } from '../store/feedback-store.js';
import { followUpCounterChanges } from './follow-up-metrics.js';
import { applyFollowUpCommand, type FollowUpCommand, FollowUpConflictError } from './follow-up-state.js';

export class FollowUpNotFoundError extends Error {
  constructor(id: string) {
    super(`no follow-up for feedback "${id}"`);
    this.name = 'FollowUpNotFoundError';
  }
}

/**
 * The command with its note passed through the redaction gate: agents paste phone numbers and
 * addresses into notes, and a note is stored beside the record, shown to the team and exported.
 */
export function redactCommandNote(command: FollowUpCommand): FollowUpCommand {
  return command.note === undefined ? command : { ...command, note: redactPii(command.note) };
}

/**
 * Applies a team member's action to a follow-up: read, check the transition, write conditionally on
 * the version read. Of two people acting at once one wins; the other gets a
 * {@link FollowUpConflictError} carrying the state that won.
 */
export async function changeFollowUp(
  store: FeedbackStore,
  id: string,
  command: FollowUpCommand,
  by: string,
  at: string,
): Promise<FeedbackRecord> {
  const record = await store.getFeedback(id);
  if (!record || record.followUp.status === 'none') throw new FollowUpNotFoundError(id);
  const next = applyFollowUpCommand(record.followUp, redactCommandNote(command), by, at);
  const result = await store.updateFollowUp(record, next, followUpCounterChanges(record, next));
  if (!result.updated) {
    const current = result.current?.followUp ?? record.followUp;
    throw new FollowUpConflictError(
      current,
      `follow-up "${id}" was changed by someone else: it is ${current.status}`,
    );
  }
  return { ...record, followUp: next };
}
