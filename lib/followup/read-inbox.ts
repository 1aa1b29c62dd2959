import type { FollowUpStatus } from '../model/follow-up-state.js';
import type { FeedbackRecord, FeedbackStore } from '../store/feedback-store.js';

/**
 * Most follow-ups read per status for the inbox. The inbox filters and counts in memory, which is
 * right for a team's queue (hundreds to a few thousand); a larger backlog needs server-side indexes.
 */
export const INBOX_READ_LIMIT = 2_000;

const STATUSES = ['open', 'claimed', 'contacted', 'resolved'] as const satisfies readonly FollowUpStatus[];

export interface InboxQueues {
  /** Every follow-up read: up to {@link INBOX_READ_LIMIT} per status. */
  records: FeedbackRecord[];
  /**
   * The statuses that hold more follow-ups than were read: their views, counts and exports cover the
   * first {@link INBOX_READ_LIMIT} only, and the caller says so rather than dropping the rest unseen.
   */
  truncated: FollowUpStatus[];
}

/** Every follow-up in the store's queues (up to {@link INBOX_READ_LIMIT} per status), by pages. */
export async function readInboxQueues(store: FeedbackStore): Promise<InboxQueues> {
  const perStatus = await Promise.all(
    STATUSES.map(async (status) => {
      const records: FeedbackRecord[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.listFollowUps({ status, limit: 100, ...(cursor && { cursor }) });
        records.push(...page.items);
        cursor = page.cursor;
      } while (cursor && records.length < INBOX_READ_LIMIT);
      // A cursor can follow the last item: one more item read tells whether there is really more.
      const more =
        records.length > INBOX_READ_LIMIT ||
        (cursor !== undefined && (await store.listFollowUps({ status, limit: 1, cursor })).items.length > 0);
      return { status, records: records.slice(0, INBOX_READ_LIMIT), more };
    }),
  );
  return {
    records: perStatus.flatMap((queue) => queue.records),
    truncated: perStatus.filter((queue) => queue.more).map((queue) => queue.status),
  };
}

/** Every follow-up in the store's queues (up to {@link INBOX_READ_LIMIT} per status). */
export async function readInboxRecords(store: FeedbackStore): Promise<FeedbackRecord[]> {
  return (await readInboxQueues(store)).records;
}
