import * as z from 'zod';
import type { FeedbackStore } from '../store/feedback-store.js';
import { changeFollowUp, FollowUpNotFoundError } from './change-follow-up.js';
import { followUpIdSchema } from './follow-up-requests.js';
import { FollowUpConflictError, type FollowUpState } from './follow-up-state.js';
import { personNameSchema } from './person-name.js';

/** Most follow-ups one bulk request changes: a page of the inbox. */
export const BULK_MAX_IDS = 100;

const ids = z
  .array(followUpIdSchema)
  .min(1)
  .max(BULK_MAX_IDS)
  .refine((list) => new Set(list).size === list.length, 'must not repeat an id');

/** `POST /followups/bulk`: claim or assign several follow-ups from the inbox list. */
export const bulkFollowUpSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('claim'), ids, owner: personNameSchema }),
  z.strictObject({ action: z.literal('assign'), ids, owner: personNameSchema }),
]);

export type BulkFollowUpRequest = z.infer<typeof bulkFollowUpSchema>;

/** What happened to one follow-up of a bulk request. */
export type BulkOutcome =
  | { id: string; outcome: 'done'; followUp: FollowUpState }
  | { id: string; outcome: 'conflict'; message: string; current: FollowUpState }
  | { id: string; outcome: 'not_found'; message: string };

/**
 * Applies one action to each follow-up, each its own conditional write (as `changeFollowUp`), one
 * after the other: a conflict on one ("someone else was first") does not stop or undo the others,
 * and the caller gets each item's outcome in the order asked.
 */
export async function changeFollowUps(
  store: FeedbackStore,
  request: BulkFollowUpRequest,
  by: string,
  at: string,
): Promise<BulkOutcome[]> {
  const outcomes: BulkOutcome[] = [];
  for (const id of request.ids) {
    try {
      const record = await changeFollowUp(
        store,
        id,
        { action: request.action, owner: request.owner },
        by,
        at,
      );
      outcomes.push({ id, outcome: 'done', followUp: record.followUp });
    } catch (error) {
      if (error instanceof FollowUpConflictError) {
        outcomes.push({ id, outcome: 'conflict', message: error.message, current: error.current });
      } else if (error instanceof FollowUpNotFoundError) {
        outcomes.push({ id, outcome: 'not_found', message: error.message });
      } else {
        throw error;
      }
    }
  }
  return outcomes;
}
