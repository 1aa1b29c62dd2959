import { findPii, redactPii } from '../analysis/privacy/redact-pii.js';
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
 * A root cause through the redaction gate, read with underscores as spaces: a snake_case cause is
 * counted under its own name (`rootcause_<cause>`), and "called_07700900123" must not become a
 * counter attribute, yet the gate does not read digits glued to a word by `_` as a phone number.
 */
function redactRootCause(rootCause: string): string {
  return redactPii(rootCause, findPii(rootCause.replaceAll('_', ' ')));
}

/**
 * The command with everything the team typed passed through the redaction gate: agents paste phone
 * numbers and addresses into notes and into what they did ("refunded to card 4111 ..."), and notes,
 * the root cause and the action are stored beside the record, shown to the team, counted and exported.
 */
export function redactCommandText(command: FollowUpCommand): FollowUpCommand {
  const redacted = command.note === undefined ? command : { ...command, note: redactPii(command.note) };
  if (redacted.action !== 'resolve') return redacted;
  return {
    ...redacted,
    rootCause: redactRootCause(redacted.rootCause),
    resolution: redactPii(redacted.resolution),
  };
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
  const next = applyFollowUpCommand(record.followUp, redactCommandText(command), by, at);
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
