import type { FeedbackRecord, FeedbackStore } from '../store/feedback-store.js';

/**
 * Most follow-ups read per status for the inbox. The inbox filters and counts in memory, which is
 * right for a team's queue (hundreds to a few thousand); a larger backlog needs server-side indexes.
 */
export const INBOX_READ_LIMIT = 2_000;

const STATUSES = ['open', 'claimed', 'contacted', 'resolved'] as const;

/** Every follow-up in the store's queues (up to {@link INBOX_READ_LIMIT} per status), by pages. */
export async function readInboxRecords(store: FeedbackStore): Promise<FeedbackRecord[]> {
  const perStatus = await Promise.all(
    STATUSES.map(async (status) => {
      const records: FeedbackRecord[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.listFollowUps({ status, limit: 100, ...(cursor && { cursor }) });
        records.push(...page.items);
        cursor = page.cursor;
      } while (cursor && records.length < INBOX_READ_LIMIT);
      return records.slice(0, INBOX_READ_LIMIT);
    }),
  );
  return perStatus.flat();
}
