/**
 * Key layout of the single feedback table (see docs/table-design.md). Every key is built here, so
 * the layout can be read in one place and ids can never address another record type: ids are
 * validated to exclude `#`, the separator.
 */

import type { CounterScope } from '../model/counter-scope.js';

export const feedbackKey = (id: string) => ({ PK: `FEEDBACK#${id}`, SK: 'FEEDBACK' });

/** One change of a follow-up, beside its record: read in order with a Query on the record's partition. */
export const followUpChangeKey = (id: string, version: number) => ({
  PK: `FEEDBACK#${id}`,
  SK: `CHANGE#${String(version).padStart(8, '0')}`,
});
export const FOLLOW_UP_CHANGE_PREFIX = 'CHANGE#';

/** The record that an alert was sent for a feedback id: duplicate stream deliveries alert once. */
export const alertKey = (id: string) => ({ PK: `ALERT#${id}`, SK: 'ALERT' });

export const counterKey = (scope: CounterScope, day: string) => ({
  PK: scope.dimension === 'all' ? 'COUNTS#all' : `COUNTS#${scope.dimension}#${scope.value}`,
  SK: `DAY#${day}`,
});

/** Theme mentions are partitioned by month so one busy theme does not make one hot partition forever. */
export const themeMentionPartition = (themeId: string, month: string) => `THEME#${themeId}#${month}`;
export const themeMentionKey = (themeId: string, day: string, id: string) => ({
  PK: themeMentionPartition(themeId, day.slice(0, 7)),
  SK: `${day}#${id}`,
});

/**
 * The counts of one insert transaction's records, until they are added to the counter items (then it
 * is deleted in the same transaction): the guard that makes counting once per invocation exactly once.
 */
export const pendingCountsKey = (pendingId: string) => ({ PK: `PENDINGCOUNTS#${pendingId}`, SK: 'PENDING' });
/** On a record: the pending-counts item that counts it (kept after; the item's absence says "counted"). */
export const PENDING_COUNTS_ATTRIBUTE = 'countedBy';

export const rejectedPartition = (month: string) => `REJECTED#${month}`;
export const rejectedKey = (receivedAt: string, messageId: string) => ({
  PK: rejectedPartition(receivedAt.slice(0, 7)),
  SK: `${receivedAt}#${messageId}`,
});

/** One item per distinct rejected body: a redelivered bad message is one reject, not two. */
export const rejectGuardKey = (rejectId: string) => ({ PK: `REJECTGUARD#${rejectId}`, SK: 'GUARD' });

/**
 * Follow-up queue sort key: priority first (zero-padded so it sorts as text), then age, so a
 * descending Query gives highest priority, oldest first within a priority.
 */
export function followUpSortKey(priority: number, submittedAt: string, id: string): string {
  // Older comments sort later in a descending read unless inverted: invert the timestamp.
  const age = String(9_999_999_999_999 - Date.parse(submittedAt)).padStart(13, '0');
  return `${String(priority).padStart(3, '0')}#${age}#${id}`;
}

export const followUpPartition = (status: string) => `FOLLOWUP#${status}`;
export const followUpDepartmentPartition = (status: string, department: string) =>
  `FOLLOWUP#${status}#department#${department}`;

/**
 * The follow-up index keys of a feedback record in `status`: none without a follow-up, so the
 * indexes stay sparse; a state change rewrites them so the record moves to its new status's queue.
 */
export function followUpIndexKeys(
  status: string,
  record: { id: string; submittedAt: string; priority: number; department?: string | undefined },
): { FU_PK?: string; FU_SK?: string; FU_DEPT_PK?: string } {
  if (status === 'none') return {};
  return {
    FU_PK: followUpPartition(status),
    FU_SK: followUpSortKey(record.priority, record.submittedAt, record.id),
    ...(record.department && { FU_DEPT_PK: followUpDepartmentPartition(status, record.department) }),
  };
}

/** Months (yyyy-mm) from one day to another, inclusive, for month-partitioned reads. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.slice(0, 7).split('-').map(Number) as [number, number];
  const last = to.slice(0, 7);
  for (let guard = 0; guard < 1200; guard++) {
    const current = `${year}-${String(month).padStart(2, '0')}`;
    months.push(current);
    if (current >= last) break;
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  return months;
}
