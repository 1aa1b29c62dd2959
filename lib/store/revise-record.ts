import type { FeedbackRecord } from '../model/feedback-record.js';
import {
  type FollowUpHistoryEntry,
  type FollowUpState,
  HISTORY_KEPT_ON_RECORD,
} from '../model/follow-up-state.js';

/** Who wrote a history entry that no person made. */
export const SYSTEM_ACTOR = 'closeloop';

/** The record that replaces a stored one, and the follow-up history entry the change adds (if any). */
export interface RevisedRecord {
  record: FeedbackRecord;
  change?: FollowUpHistoryEntry;
}

/**
 * The record stored when a newer version (`fresh`, built as if first received when `stored` was)
 * replaces `stored`: the new text, score, segment and analysis, the first receipt kept.
 *
 * The follow-up: one nobody has taken up yet (none, or open without an owner) takes the new version's
 * decision (priority, reasons; closed when it needs none; opened when it newly needs one, its deadline
 * kept if it had one). One already being worked (claimed, contacted, resolved) keeps its state and
 * history, so the team's work is not lost, and gets a `response_updated` entry telling them the
 * customer changed their answer. Either way the version moves on, so a concurrent follow-up action
 * made on the old record fails its condition and re-reads.
 */
export function reviseRecord(
  stored: FeedbackRecord,
  fresh: FeedbackRecord,
  revisedAt: string,
): RevisedRecord {
  const before = stored.followUp;
  const version = before.version + 1;
  const base: FeedbackRecord = {
    ...fresh,
    receivedAt: stored.receivedAt,
    revisedAt,
  };
  const unworked = before.status === 'none' || (before.status === 'open' && before.owner === undefined);
  if (unworked) {
    const followUp: FollowUpState = {
      ...fresh.followUp,
      version,
      history: before.history,
      ...(fresh.followUp.status === 'open' && before.dueAt && { dueAt: before.dueAt }),
    };
    return { record: { ...base, followUp } };
  }
  const change: FollowUpHistoryEntry = {
    at: revisedAt,
    by: SYSTEM_ACTOR,
    action: 'response_updated',
    from: before.status,
    to: before.status,
    note: describeRevision(stored, fresh),
  };
  const { followUpTooOld: _, ...rest } = base;
  return {
    record: {
      ...rest,
      // Still the follow-up opened at insert: counted as it was.
      ...(stored.followUpTooOld && { followUpTooOld: true }),
      followUp: {
        ...before,
        version,
        history: [...before.history, change].slice(-HISTORY_KEPT_ON_RECORD),
      },
    },
    change,
  };
}

/** What changed, in words for the team (scores and counts only: no customer text in the history). */
function describeRevision(stored: FeedbackRecord, fresh: FeedbackRecord): string {
  const parts = ['The customer updated their response'];
  if (stored.score !== fresh.score) {
    parts.push(`score ${stored.score ?? 'none'} -> ${fresh.score ?? 'none'}`);
  }
  if (stored.redactedText !== fresh.redactedText) parts.push('comment changed');
  const needs = fresh.followUp.status === 'open' || fresh.followUpTooOld === true;
  parts.push(needs ? 'it still needs a follow-up' : 'it would no longer need a follow-up');
  return `${parts.join('; ')}.`;
}
